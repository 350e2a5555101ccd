/**
 * A supervisor uploads the household roster: the file is checked (type, zip structure, size, row count)
 * before anything parses it, a job is recorded and queued, and the caller polls the job.
 */
import fs from 'node:fs';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { scopedCommunities } from '../scope.js';
import { inspectFile, type FileLimits } from './read-file.js';
import type { ImportRunner } from './run-roster-import.js';

export interface Upload {
  /** temporary file holding the upload; removed once the job has finished or the file was refused */
  path: string;
  fileName: string;
  dryRun: boolean;
}

/** The caller may import into this community: permission first, then scope (outside it is a 404, like a missing one). */
export async function assertCanImport(db: Db, ctx: Ctx, communityId: number): Promise<void> {
  requirePermission(ctx, 'roster.import');
  const community = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', '=', communityId).executeTakeFirst();
  if (!community) throw notFound('community');
}

export async function startRosterImport(
  db: Db,
  ctx: Ctx,
  runner: ImportRunner,
  limits: FileLimits,
  communityId: number,
  upload: Upload,
): Promise<{ id: number; done: Promise<void> }> {
  let queued = false;
  try {
    await assertCanImport(db, ctx, communityId);
    const { kind, rows } = await inspectFile(upload.path, upload.fileName, limits);
    const { id } = await db
      .insertInto('roster_imports')
      .values({
        company_id: ctx.companyId,
        community_id: communityId,
        user_id: ctx.userId,
        status: 'queued',
        dry_run: upload.dryRun ? 1 : 0,
        file_name: upload.fileName,
        total: rows,
        processed: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        failed: 0,
        error_code: null,
        created_at: nowIso(),
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const done = runner.enqueue({ id, ctx, communityId, dryRun: upload.dryRun, path: upload.path, kind });
    queued = true;
    return { id, done };
  } finally {
    if (!queued) await fs.promises.rm(upload.path, { force: true });
  }
}
