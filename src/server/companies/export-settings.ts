/**
 * A company's export cap (导出上限): how many rows one export may hold at most, set by whoever manages roles
 * (they decide who may export personal data, so also how much at once). None by default; the server-wide
 * `HUIFANG_EXPORT_MAX_ROWS` stays a ceiling no company can raise. `exportLimit` tells every export which of
 * the two limits applies.
 */
import type { ExportSettings, ExportSettingsBody } from '../../shared/schemas/companies.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';

/** The rows an export may hold, and whose limit that is. */
export interface ExportLimit {
  rows: number;
  by: 'company' | 'server';
}

async function storedCap(db: Db, companyId: number): Promise<number | null> {
  const row = await db.selectFrom('companies').select('export_max_rows').where('id', '=', companyId).executeTakeFirst();
  return row?.export_max_rows ?? null;
}

export async function exportLimit(db: Db, companyId: number, serverMaxRows: number): Promise<ExportLimit> {
  const cap = await storedCap(db, companyId);
  return cap !== null && cap < serverMaxRows ? { rows: cap, by: 'company' } : { rows: serverMaxRows, by: 'server' };
}

export async function getExportSettings(db: Db, ctx: Ctx, serverMaxRows: number): Promise<ExportSettings> {
  requirePermission(ctx, 'roles.manage');
  return { maxRows: await storedCap(db, ctx.companyId), serverMaxRows };
}

export async function updateExportSettings(db: Db, ctx: Ctx, input: ExportSettingsBody, serverMaxRows: number): Promise<ExportSettings> {
  requirePermission(ctx, 'roles.manage');
  if (input.maxRows !== null && input.maxRows > serverMaxRows) {
    throw new AppError('export_cap_above_ceiling', 422, { ceiling: serverMaxRows }, { errors: [{ path: 'maxRows', code: 'too_big' }] });
  }
  const before = await storedCap(db, ctx.companyId);
  if (before !== input.maxRows) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('companies').set({ export_max_rows: input.maxRows }).where('id', '=', ctx.companyId).execute();
      await recordAudit(trx, actorOf(ctx), { action: 'export_settings.update', entityType: 'company', entityId: ctx.companyId, before: { maxRows: before }, after: { maxRows: input.maxRows } });
    });
  }
  return { maxRows: input.maxRows, serverMaxRows };
}
