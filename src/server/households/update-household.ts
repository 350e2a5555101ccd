/** Changes a household's area or status. */
import type { Household, UpdateHouseholdBody } from '../../shared/schemas/households.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { scopedUpdate } from '../scope.js';
import { getHousehold } from './queries.js';

export async function updateHousehold(db: Db, ctx: Ctx, id: number, input: UpdateHouseholdBody): Promise<Household> {
  requirePermission(ctx, 'households.manage');
  const before = await getHousehold(db, ctx, id);
  const after = { area: input.area !== undefined ? input.area : before.area, status: input.status ?? before.status };
  const diff = changes({ area: before.area, status: before.status }, after);
  if (!diff.changed) return before;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'households').set({ ...after, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'household.update', entityType: 'household', entityId: id, communityId: before.communityId, ...diff });
  });
  return getHousehold(db, ctx, id);
}
