/**
 * Records an improvement measure (改进措施) for one community of the caller's scope, or company-wide (which needs
 * scope.company); audited as `measure.create`.
 */
import type { CreateMeasureBody, ImprovementMeasure } from '../../shared/schemas/improvements.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { nowIso } from '../clock.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { scopedCommunities, scopedInsert } from '../scope.js';
import { checkMeasure, targetColumns } from './check-measure.js';
import { getMeasure } from './queries.js';

export async function createMeasure(db: Db, ctx: Ctx, input: CreateMeasureBody): Promise<ImprovementMeasure> {
  requirePermission(ctx, 'improvements.manage');
  if (input.communityId === null) {
    if (!ctx.allCommunities) throw new AppError('measure_company_wide', 403);
  } else {
    const community = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', '=', input.communityId).executeTakeFirst();
    if (!community) throw notFound('community');
  }
  const endDate = input.endDate ?? null;
  const ownerId = input.ownerId ?? null;
  await checkMeasure(db, ctx, { target: input.target, startDate: input.startDate, endDate, ownerId }, { target: true, owner: true });
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const row = await scopedInsert(trx, ctx, 'improvement_measures', {
      company_id: ctx.companyId,
      community_id: input.communityId,
      title: input.title,
      description: input.description,
      ...targetColumns(input.target),
      start_date: input.startDate,
      end_date: endDate,
      owner_id: ownerId,
      status: input.status,
      created_by: ctx.userId,
      created_at: now,
      updated_by: ctx.userId,
      updated_at: now,
    })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actorOf(ctx), { action: 'measure.create', entityType: 'measure', entityId: row.id, communityId: input.communityId, after: { ...input, endDate, ownerId } });
    return row.id;
  });
  return getMeasure(db, ctx, id);
}
