/**
 * Changes a measure the caller may manage (its community in scope; a company-wide one only with scope.company):
 * title, description, target, dates, owner, status. Audited as `measure.update` with what changed.
 */
import type { ImprovementMeasure, MeasureTarget, UpdateMeasureBody } from '../../shared/schemas/improvements.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { nowIso } from '../clock.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedUpdate } from '../scope.js';
import { checkMeasure, targetColumns } from './check-measure.js';
import { canManageMeasure, getMeasure, measureRow } from './queries.js';

export async function updateMeasure(db: Db, ctx: Ctx, id: number, input: UpdateMeasureBody): Promise<ImprovementMeasure> {
  requirePermission(ctx, 'improvements.manage');
  const row = await measureRow(db, ctx, id);
  if (!canManageMeasure(ctx, row.community_id)) throw new AppError('measure_company_wide', 403);

  const storedTarget: MeasureTarget = row.target_kind === 'dimension' ? { kind: 'dimension', dimension: row.dimension ?? '' } : { kind: 'category', categoryId: row.category_id ?? 0 };
  const before = {
    title: row.title,
    description: row.description,
    target: storedTarget,
    startDate: String(row.start_date),
    endDate: row.end_date === null ? null : String(row.end_date),
    ownerId: row.owner_id,
    status: row.status,
  };
  const after = {
    title: input.title ?? before.title,
    description: input.description ?? before.description,
    target: input.target ?? before.target,
    startDate: input.startDate ?? before.startDate,
    endDate: input.endDate === undefined ? before.endDate : input.endDate,
    ownerId: input.ownerId === undefined ? before.ownerId : input.ownerId,
    status: input.status ?? before.status,
  };
  const diff = changes(before, after);
  await checkMeasure(db, ctx, after, { target: 'target' in diff.after, owner: 'ownerId' in diff.after });
  if (diff.changed) {
    await db.transaction().execute(async (trx) => {
      await scopedUpdate(trx, ctx, 'improvement_measures')
        .set({
          title: after.title,
          description: after.description,
          ...targetColumns(after.target),
          start_date: after.startDate,
          end_date: after.endDate,
          owner_id: after.ownerId,
          status: after.status,
          updated_by: ctx.userId,
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, actorOf(ctx), { action: 'measure.update', entityType: 'measure', entityId: id, communityId: row.community_id, before: diff.before, after: diff.after });
    });
  }
  return getMeasure(db, ctx, id);
}
