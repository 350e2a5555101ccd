/**
 * Reading staff (员工): the people of the departments and communities, with or without an account — cleaners and
 * guards are praised and complained about too. Community-bound users see the staff of their communities.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { Staff, StaffListQuery } from '../../shared/schemas/staff.js';
import { inScope, requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { cut, exactCount, keysetPage, readCursor, type SortKey } from '../db/paging.js';
import { invalidReference, notFound } from '../http/errors.js';
import { groupBy } from '../residents/queries.js';
import { inCompany, scopedStaff, scopedUsers } from '../scope.js';

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

const BY_NAME: SortKey[] = [
  { ref: 'staff.name', dir: 'asc' },
  { ref: 'staff.id', dir: 'asc' },
];

export async function listStaff(db: Db, ctx: Ctx, query: StaffListQuery): Promise<Page<Staff>> {
  requirePermission(ctx, 'staff.manage', 'households.read');
  let q = scopedStaff(db, ctx);
  if (query.q) q = q.where('staff.name', 'like', `%${query.q}%`);
  if (query.departmentId) q = q.where('staff.department_id', '=', query.departmentId);
  if (query.status) q = q.where('staff.status', '=', query.status);
  if (query.communityId) q = q.where('staff.id', 'in', db.selectFrom('staff_communities').select('staff_id').where('community_id', '=', query.communityId));
  const from = readCursor('staff', ['text', 'int'], query);
  const [count, found] = await Promise.all([exactCount(q), keysetPage(q.selectAll('staff'), BY_NAME, from, query.limit + 1, query.offset).execute()]);
  const { rows, nextCursor } = cut('staff', found, query.limit, (r) => [r.name, r.id]);
  return { items: await toStaff(db, ctx, rows), ...count, nextCursor };
}

export async function getStaff(db: Db, ctx: Ctx, id: number, companyWide = false): Promise<Staff> {
  const from = companyWide ? inCompany(db, ctx, 'staff') : scopedStaff(db, ctx);
  const row = await from.selectAll('staff').where('staff.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('staff');
  return (await toStaff(db, ctx, [row]))[0];
}

export async function assertUser(db: Db, ctx: Ctx, userId: number | null | undefined) {
  if (userId == null) return;
  if (!(await scopedUsers(db, ctx).select('users.id').where('users.id', '=', userId).executeTakeFirst())) throw invalidReference('user', 'userId');
}
