/**
 * Attachments of visit records and issues (photos of the result): JPEG, PNG or PDF recognised by their first bytes (never by the name or
 * the declared type), size-bounded, stored in the database with the record, and served as downloads
 * that a browser will not execute.
 */
import crypto from 'node:crypto';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { getRecord } from './record-queries.js';
import { visitOutcomes } from './visit-outcomes.js';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export function sniffType(content: Buffer): 'image/jpeg' | 'image/png' | 'application/pdf' | null {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.length >= 8 && content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content.length >= 5 && content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export async function uploadAttachment(db: Db, ctx: Ctx, fileName: string, content: Buffer) {
  requirePermission(ctx, 'visits.work', 'visits.manage', 'issues.create', 'issues.handle', 'issues.manage');
  if (content.length > ATTACHMENT_MAX_BYTES) throw new AppError('attachment_too_large', 413, { limitMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
  const type = sniffType(content);
  if (!type) throw new AppError('attachment_type', 415);
  const safeName = [...fileName].map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/"'.includes(ch) ? '_' : ch)).join('').slice(0, 120) || 'attachment';
  const row = await db
    .insertInto('attachments')
    .values({
      company_id: ctx.companyId,
      community_id: null,
      record_id: null,
      uploaded_by: ctx.userId,
      file_name: safeName,
      content_type: type,
      size: content.length,
      sha256: crypto.createHash('sha256').update(content).digest('hex'),
      content,
      created_at: nowIso(),
    })
    .returning(['id', 'file_name', 'content_type', 'size', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, size: row.size, createdAt: row.created_at };
}

/** An attachment of a record the caller can read, or one the caller uploaded and has not used yet. */
export async function attachmentContent(db: Db, ctx: Ctx, id: number) {
  requirePermission(ctx, 'visits.work', 'visits.manage', 'visits.read', 'issues.read', 'issues.handle', 'issues.manage', 'issues.oversee');
  const row = await db
    .selectFrom('attachments')
    .select(['id', 'record_id', 'issue_id', 'uploaded_by', 'file_name', 'content_type', 'content'])
    .where('id', '=', id)
    .where('company_id', '=', ctx.companyId)
    .executeTakeFirst();
  if (!row) throw notFound('attachment');
  const visible = (check: Promise<unknown>) =>
    check.then(
      () => true,
      () => false,
    );
  const readable = row.record_id
    ? await visible(getRecord(db, ctx, row.record_id))
    : row.issue_id
      ? await visitOutcomes().issueReadable(db, ctx, row.issue_id)
      : row.uploaded_by === ctx.userId;
  if (!readable) throw notFound('attachment');
  return { fileName: row.file_name, contentType: row.content_type, content: Buffer.from(row.content) };
}
