/** Folds a duplicate household of the same community into another: its residents move, it disappears. */
import type { Household } from '../../shared/schemas/households.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { scopedDelete, scopedHouseholds, scopedUpdate } from '../scope.js';
import { getHousehold } from './queries.js';

/** Folds a duplicate household of the same community into this one: its residents move, it disappears. */
export async function mergeHouseholds(db: Db, ctx: Ctx, id: number, duplicateId: number): Promise<Household> {
  requirePermission(ctx, 'households.manage');
  const target = await getHousehold(db, ctx, id);
  const duplicate = await scopedHouseholds(db, ctx).select(['households.id', 'households.community_id']).where('households.id', '=', duplicateId).executeTakeFirst();
  if (!duplicate) throw notFound('household');
  if (duplicate.id === target.id || duplicate.community_id !== target.communityId) throw new AppError('merge_invalid', 422);
  await db.transaction().execute(async (trx) => {
    const moved = await scopedUpdate(trx, ctx, 'residents').set({ household_id: target.id, updated_at: nowIso() }).where('household_id', '=', duplicate.id).executeTakeFirst();
    await scopedDelete(trx, ctx, 'households').where('id', '=', duplicate.id).execute();
    await recordAudit(trx, actorOf(ctx), {
      action: 'household.merge',
      entityType: 'household',
      entityId: target.id,
      communityId: target.communityId,
      after: { mergedHouseholdId: duplicate.id, movedResidents: Number(moved.numUpdatedRows) },
    });
  });
  return getHousehold(db, ctx, id);
}
