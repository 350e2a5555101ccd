/**
 * Receives the multipart upload into a temporary file (an .xlsx must be read from a file: its directory
 * sits at the end). The size limit is enforced while streaming; the field `dryRun` may come before or
 * after the file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import type { Upload } from './start-roster-import.js';

export async function receiveUpload(request: FastifyRequest, maxBytes: number, dryRunQuery: boolean): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('import_file_missing', 400);
  const tmp = path.join(os.tmpdir(), `huifang-roster-${crypto.randomBytes(8).toString('hex')}`);
  let fileName: string | null = null;
  let dryRun = dryRunQuery;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || fileName !== null) {
          part.file.resume();
          continue;
        }
        await pipeline(part.file, fs.createWriteStream(tmp));
        fileName = cleanFileName(part.filename);
      } else if (part.fieldname === 'dryRun') {
        dryRun = dryRun || part.value === 'true';
      }
    }
    if (fileName === null) throw new AppError('import_file_missing', 400);
    return { path: tmp, fileName, dryRun };
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('import_file_too_large', 413, { limitMb: Math.round(maxBytes / 1024 / 1024) });
    }
    // A second file, too many fields, a broken multipart body: the upload is not what the route expects.
    throw new AppError('import_file_missing', 400);
  }
}

/** The name as shown in the job list: no path, no control characters, not absurdly long. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/\p{Cc}/gu, '').trim().slice(0, 200);
  return clean || 'roster';
}
