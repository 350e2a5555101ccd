/**
 * Reading roles: permission sets stored as data, each with its number of users. Built-in roles are created with
 * every company and are read-only; administrators add custom roles from the permission catalogue.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { Role } from '../../shared/schemas/roles.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { inCompany, scopedRoles } from '../scope.js';

function selectRoles(db: Db, ctx: Ctx) {
  return scopedRoles(db, ctx).select((eb) => [
    'roles.id',
    'roles.key',
    'roles.name',
    'roles.description',
    'roles.permissions',
    inCompany(db, ctx, 'users').select(eb.fn.countAll<number>().as('n')).where('users.role_id', '=', eb.ref('roles.id')).as('user_count'),
  ]);
}

type RoleRow = Awaited<ReturnType<ReturnType<typeof selectRoles>['execute']>>[number];

const toRole = (r: RoleRow): Role => ({
  id: r.id,
  key: r.key,
  name: r.name,
  description: r.description,
  permissions: JSON.parse(r.permissions) as string[],
  builtin: r.key !== null,
  userCount: Number(r.user_count ?? 0),
});

export async function listRoles(db: Db, ctx: Ctx): Promise<Page<Role>> {
  requirePermission(ctx, 'roles.manage', 'users.read');
  const rows = await selectRoles(db, ctx).orderBy('roles.id').execute();
  return { items: rows.map(toRole), total: rows.length, totalKind: 'exact', nextCursor: null };
}

export async function getRole(db: Db, ctx: Ctx, roleId: number): Promise<Role> {
  requirePermission(ctx, 'roles.manage', 'users.read');
  const row = await selectRoles(db, ctx).where('roles.id', '=', roleId).executeTakeFirst();
  if (!row) throw notFound('role');
  return toRole(row);
}
