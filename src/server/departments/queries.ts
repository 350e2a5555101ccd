/** Reading departments (工程部, 保洁部, …), company-wide master data: each with its head and its number of users. */
import type { Page } from '../../shared/schemas/common.js';
import type { Department } from '../../shared/schemas/departments.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { inCompany, scopedDepartments } from '../scope.js';

export async function listDepartments(db: Db, ctx: Ctx): Promise<Page<Department>> {
  requirePermission(ctx, 'communities.read', 'users.read', 'departments.manage');
  const rows = await scopedDepartments(db, ctx)
    .select((eb) => [
      'departments.id',
      'departments.name',
      'departments.code',
      'departments.head_id',
      inCompany(db, ctx, 'users').select('users.display_name').where('users.id', '=', eb.ref('departments.head_id')).as('head_name'),
      inCompany(db, ctx, 'users').select(eb.fn.countAll<number>().as('n')).where('users.department_id', '=', eb.ref('departments.id')).as('user_count'),
    ])
    .orderBy('departments.name')
    .execute();
  const items = rows.map((r) => ({ id: r.id, name: r.name, code: r.code, userCount: Number(r.user_count ?? 0), headId: r.head_id, headName: r.head_name ?? null }));
  return { items, total: items.length, totalKind: 'exact', nextCursor: null };
}
