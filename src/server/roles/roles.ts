/**
 * Roles are permission sets stored as data. Built-in roles are created with every company and are
 * read-only; administrators add custom roles from the permission catalogue.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { CreateRoleBody, Role, UpdateRoleBody } from '../../shared/schemas/users.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { inCompany, scopedDelete, scopedInsert, scopedRoles, scopedUpdate } from '../scope.js';
import { assertWithinOwnPermissions } from '../users/grants.js';

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
  return { items: rows.map(toRole), total: rows.length };
}

export async function getRole(db: Db, ctx: Ctx, roleId: number): Promise<Role> {
  requirePermission(ctx, 'roles.manage', 'users.read');
  const row = await selectRoles(db, ctx).where('roles.id', '=', roleId).executeTakeFirst();
  if (!row) throw notFound('role');
  return toRole(row);
}

export async function createRole(db: Db, ctx: Ctx, input: CreateRoleBody): Promise<Role> {
  requirePermission(ctx, 'roles.manage');
  const permissions = [...new Set(input.permissions)].sort();
  assertWithinOwnPermissions(ctx, permissions);
  const now = nowIso();
  try {
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await scopedInsert(trx, ctx, 'roles', {
        company_id: ctx.companyId,
        key: null,
        name: input.name,
        description: input.description ?? '',
        permissions: JSON.stringify(permissions),
        created_at: now,
        updated_at: now,
      })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actorOf(ctx), { action: 'role.create', entityType: 'role', entityId: id, after: { name: input.name, permissions } });
      return id;
    });
    return getRole(db, ctx, id);
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('name_taken', 409, { name: input.name });
    throw err;
  }
}

export async function updateRole(db: Db, ctx: Ctx, roleId: number, input: UpdateRoleBody): Promise<Role> {
  requirePermission(ctx, 'roles.manage');
  const before = await getRole(db, ctx, roleId);
  if (before.builtin) throw new AppError('role_builtin', 409);
  assertWithinOwnPermissions(ctx, before.permissions);
  const permissions = input.permissions ? [...new Set(input.permissions)].sort() : before.permissions;
  assertWithinOwnPermissions(ctx, permissions);
  const after = { name: input.name ?? before.name, description: input.description ?? before.description, permissions };
  const diff = changes({ name: before.name, description: before.description, permissions: before.permissions }, after);
  if (!diff.changed) return before;
  try {
    await db.transaction().execute(async (trx) => {
      await scopedUpdate(trx, ctx, 'roles')
        .set({ name: after.name, description: after.description, permissions: JSON.stringify(permissions), updated_at: nowIso() })
        .where('id', '=', roleId)
        .execute();
      await recordAudit(trx, actorOf(ctx), { action: 'role.update', entityType: 'role', entityId: roleId, before: diff.before, after: diff.after });
    });
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('name_taken', 409, { name: after.name });
    throw err;
  }
  return getRole(db, ctx, roleId);
}

export async function deleteRole(db: Db, ctx: Ctx, roleId: number): Promise<void> {
  requirePermission(ctx, 'roles.manage');
  const role = await getRole(db, ctx, roleId);
  if (role.builtin) throw new AppError('role_builtin', 409);
  if (role.userCount > 0) throw new AppError('role_in_use', 409, { count: role.userCount });
  await db.transaction().execute(async (trx) => {
    await scopedDelete(trx, ctx, 'roles').where('id', '=', roleId).execute();
    await recordAudit(trx, actorOf(ctx), {
      action: 'role.delete',
      entityType: 'role',
      entityId: roleId,
      before: { name: role.name, permissions: role.permissions },
    });
  });
}
