/** Adds a member of staff, with or without an account, to a department and communities the caller may grant. */
import type { CreateStaffBody, Staff } from '../../shared/schemas/staff.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { scopedInsert } from '../scope.js';
import { assertDepartment, assertGrantableCommunities } from '../users/grants.js';
import { assertUser, getStaff } from './queries.js';

export async function createStaff(db: Db, ctx: Ctx, input: CreateStaffBody): Promise<Staff> {
  requirePermission(ctx, 'staff.manage');
  await assertDepartment(db, ctx, input.departmentId);
  await assertUser(db, ctx, input.userId);
  const communityIds = await assertGrantableCommunities(db, ctx, input.communityIds);
  const id = await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const { id } = await scopedInsert(trx, ctx, 'staff', {
      company_id: ctx.companyId,
      name: input.name,
      phone: input.phone ?? null,
      position: input.position,
      department_id: input.departmentId ?? null,
      user_id: input.userId ?? null,
      status: 'active',
      created_at: now,
      updated_at: now,
    })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (communityIds.length) await trx.insertInto('staff_communities').values(communityIds.map((c) => ({ staff_id: id, community_id: c }))).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'staff.create', entityType: 'staff', entityId: id, after: { name: input.name, position: input.position, departmentId: input.departmentId ?? null, communityIds } });
    return id;
  });
  return getStaff(db, ctx, id, true);
}
