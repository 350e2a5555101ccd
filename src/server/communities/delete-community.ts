/** Deleting a community: refused while accounts are assigned to it or it has households. */
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedDelete } from '../scope.js';
import { getCommunity } from './queries.js';

/** Deletes a community nobody is assigned to; one in use must be archived instead. */
export async function deleteCommunity(db: Db, ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, 'communities.manage');
  const community = await getCommunity(db, ctx, id);
  const { n } = await db
    .selectFrom('user_communities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', id)
    .executeTakeFirstOrThrow();
  if (Number(n) > 0) throw new AppError('community_in_use', 409, { count: Number(n) });
  if (community.householdCount > 0) throw new AppError('community_has_households', 409, { count: community.householdCount });
  await db.transaction().execute(async (trx) => {
    await scopedDelete(trx, ctx, 'communities').where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), {
      action: 'community.delete',
      entityType: 'community',
      entityId: id,
      communityId: id,
      before: { name: community.name, code: community.code },
    });
  });
}
