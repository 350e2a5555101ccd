/** Changes a member of staff; communities outside the caller's scope stay as they were. */
import type { Staff, UpdateStaffBody } from '../../shared/schemas/staff.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { inScope, requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { scopedUpdate } from '../scope.js';
import { assertDepartment, assertGrantableCommunities } from '../users/grants.js';
import { assertUser, getStaff } from './queries.js';

export async function updateStaff(db: Db, ctx: Ctx, id: number, input: UpdateStaffBody): Promise<Staff> {
  requirePermission(ctx, 'staff.manage');
  const before = await getStaff(db, ctx, id);
  if (input.departmentId !== undefined) await assertDepartment(db, ctx, input.departmentId);
  if (input.userId !== undefined) await assertUser(db, ctx, input.userId);
  const stored = (await db.selectFrom('staff_communities').select('community_id').where('staff_id', '=', id).execute()).map((r) => r.community_id).sort((a, b) => a - b);
  let communityIds = stored;
  if (input.communityIds) {
    const requested = await assertGrantableCommunities(db, ctx, input.communityIds);
    communityIds = [...new Set([...stored.filter((c) => !inScope(ctx, c)), ...requested])].sort((a, b) => a - b);
  }
  const after = {
    name: input.name ?? before.name,
    phone: input.phone !== undefined ? input.phone : before.phone,
    position: input.position ?? before.position,
    departmentId: input.departmentId !== undefined ? input.departmentId : before.departmentId,
    userId: input.userId !== undefined ? input.userId : before.userId,
    status: input.status ?? before.status,
    communityIds,
  };
  const diff = changes({ ...before, communityIds: stored }, after);
  if (!diff.changed) return before;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'staff')
      .set({ name: after.name, phone: after.phone, position: after.position, department_id: after.departmentId, user_id: after.userId, status: after.status, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    if (input.communityIds) {
      await trx.deleteFrom('staff_communities').where('staff_id', '=', id).execute();
      if (communityIds.length) await trx.insertInto('staff_communities').values(communityIds.map((c) => ({ staff_id: id, community_id: c }))).execute();
    }
    await recordAudit(trx, actorOf(ctx), { action: 'staff.update', entityType: 'staff', entityId: id, before: diff.before, after: diff.after });
  });
  return getStaff(db, ctx, id, true);
}
