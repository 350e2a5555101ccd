/** Renames a community or changes its type, address, status or supervisor. */
import type { Community, UpdateCommunityBody } from '../../shared/schemas/communities.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { scopedUpdate } from '../scope.js';
import { assertSupervisor, getCommunity } from './queries.js';

export async function updateCommunity(db: Db, ctx: Ctx, id: number, input: UpdateCommunityBody): Promise<Community> {
  requirePermission(ctx, 'communities.manage');
  const before = await getCommunity(db, ctx, id);
  if (input.supervisorId !== undefined) await assertSupervisor(db, ctx, input.supervisorId);
  const after = {
    name: input.name ?? before.name,
    type: input.type ?? before.type,
    address: input.address ?? before.address,
    status: input.status ?? before.status,
    supervisorId: input.supervisorId !== undefined ? input.supervisorId : before.supervisorId,
  };
  const diff = changes(
    { name: before.name, type: before.type, address: before.address, status: before.status, supervisorId: before.supervisorId },
    after,
  );
  if (!diff.changed) return before;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'communities')
      .set({ name: after.name, type: after.type, address: after.address, status: after.status, supervisor_id: after.supervisorId, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actorOf(ctx), { action: 'community.update', entityType: 'community', entityId: id, communityId: id, ...diff });
  });
  return getCommunity(db, ctx, id);
}
