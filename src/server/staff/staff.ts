/**
 * Staff (员工): the people of the departments and communities, with or without an account — cleaners and
 * guards are praised and complained about too. Community-bound users see the staff of their communities.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { CreateStaffBody, Staff, StaffListQuery, UpdateStaffBody } from '../../shared/schemas/households.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { inScope, requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { invalidReference, notFound } from '../http/errors.js';
import { groupBy } from '../residents/queries.js';
import { inCompany, scopedInsert, scopedStaff, scopedUpdate, scopedUsers } from '../scope.js';
import { assertDepartment, assertGrantableCommunities } from '../users/grants.js';

async function toStaff(db: Db, ctx: Ctx, rows: { id: number; name: string; phone: string | null; position: string; department_id: number | null; user_id: number | null; status: 'active' | 'left' }[]): Promise<Staff[]> {
  const links = rows.length ? await db.selectFrom('staff_communities').selectAll().where('staff_id', 'in', rows.map((r) => r.id)).execute() : [];
  const byStaff = groupBy(links.filter((l) => inScope(ctx, l.community_id)), (l) => l.staff_id);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    position: r.position,
    departmentId: r.department_id,
    userId: r.user_id,
    communityIds: (byStaff.get(r.id) ?? []).map((l) => l.community_id).sort((a, b) => a - b),
    status: r.status,
  }));
}

export async function listStaff(db: Db, ctx: Ctx, query: StaffListQuery): Promise<Page<Staff>> {
  requirePermission(ctx, 'staff.manage', 'households.read');
  let q = scopedStaff(db, ctx);
  if (query.q) q = q.where('staff.name', 'like', `%${query.q}%`);
  if (query.departmentId) q = q.where('staff.department_id', '=', query.departmentId);
  if (query.status) q = q.where('staff.status', '=', query.status);
  if (query.communityId) q = q.where('staff.id', 'in', db.selectFrom('staff_communities').select('staff_id').where('community_id', '=', query.communityId));
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q.selectAll('staff').orderBy('staff.name').orderBy('staff.id').limit(query.limit).offset(query.offset).execute(),
  ]);
  return { items: await toStaff(db, ctx, rows), total: Number(total) };
}

async function getStaff(db: Db, ctx: Ctx, id: number, companyWide = false): Promise<Staff> {
  const from = companyWide ? inCompany(db, ctx, 'staff') : scopedStaff(db, ctx);
  const row = await from.selectAll('staff').where('staff.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('staff');
  return (await toStaff(db, ctx, [row]))[0];
}

async function assertUser(db: Db, ctx: Ctx, userId: number | null | undefined) {
  if (userId == null) return;
  if (!(await scopedUsers(db, ctx).select('users.id').where('users.id', '=', userId).executeTakeFirst())) throw invalidReference('user', 'userId');
}

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
