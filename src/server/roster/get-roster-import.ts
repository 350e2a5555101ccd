/**
 * An import job as the console polls it: counts, the file-level refusal if any, and the first row errors
 * in the reader's language. A job is visible to whoever may import into its community.
 */
import type { Locale } from '../../shared/schemas/common.js';
import type { RosterImport } from '../../shared/schemas/roster.js';
import type { Config } from '../config.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { MESSAGES, message, type ErrorCode } from '../http/messages.js';
import { scopedCommunities } from '../scope.js';
import { HEADER_SEARCH_ROWS } from './columns.js';
import { rowMessage } from './row-messages.js';

/** Errors listed in the job response; the xlsx error report has them all. */
export const ERRORS_IN_RESPONSE = 200;

/** Import jobs of communities in the caller's scope. */
export function scopedRosterImports(db: Db, ctx: Ctx) {
  return db
    .selectFrom('roster_imports')
    .where('roster_imports.company_id', '=', ctx.companyId)
    .where('roster_imports.community_id', 'in', scopedCommunities(db, ctx).select('communities.id'));
}

export async function getRosterImport(db: Db, config: Config, ctx: Ctx, id: number, locale: Locale): Promise<RosterImport> {
  requirePermission(ctx, 'roster.import');
  const job = await scopedRosterImports(db, ctx).selectAll().where('id', '=', id).executeTakeFirst();
  if (!job) throw notFound('import');
  const errors = await db
    .selectFrom('roster_import_errors')
    .select(['row', 'column', 'code', 'params', 'value'])
    .where('import_id', '=', id)
    .orderBy('row')
    .orderBy('id')
    .limit(ERRORS_IN_RESPONSE)
    .execute();
  return {
    id: job.id,
    communityId: job.community_id,
    status: job.status,
    dryRun: job.dry_run === 1,
    fileName: job.file_name,
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
    errorCode: job.error_code,
    errorMessage: job.error_code ? jobErrorMessage(job.error_code, locale, config, job.id) : null,
    errors: errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: rowErrorMessage(e, locale) })),
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

export function rowErrorMessage(e: { code: string; params: string | null; value: string | null }, locale: Locale): string {
  const params = e.params ? (JSON.parse(e.params) as Record<string, unknown>) : {};
  return rowMessage(e.code, locale, { value: e.value ?? '', ...params });
}

/** Why a whole file was refused while the job ran, with the limits this server applies. */
function jobErrorMessage(code: string, locale: Locale, config: Config, id: number): string {
  if (!(code in MESSAGES)) return rowMessage(code, locale);
  return message(code as ErrorCode, locale, {
    limit: config.importMaxRows,
    limitMb: Math.round(config.importMaxBytes / 1024 / 1024),
    rows: HEADER_SEARCH_ROWS,
    requestId: `import-${id}`,
  }).detail;
}
