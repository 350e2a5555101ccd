/**
 * Deletes a measure the caller may manage (a measure recorded by mistake; one that ended is marked done instead).
 * Audited as `measure.delete` with what it was, so the audit list still names it.
 */
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedDelete } from '../scope.js';
import { canManageMeasure, measureRow } from './queries.js';

export async function deleteMeasure(db: Db, ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, 'improvements.manage');
  const row = await measureRow(db, ctx, id);
  if (!canManageMeasure(ctx, row.community_id)) throw new AppError('measure_company_wide', 403);
  await db.transaction().execute(async (trx) => {
    await scopedDelete(trx, ctx, 'improvement_measures').where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), {
      action: 'measure.delete',
      entityType: 'measure',
      entityId: id,
      communityId: row.community_id,
      before: { title: row.title, targetKind: row.target_kind, dimension: row.dimension, categoryId: row.category_id, startDate: String(row.start_date), status: row.status },
    });
  });
}
