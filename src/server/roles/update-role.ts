/** Changes a custom role's name, description or permissions, within the caller's own permissions; built-in roles are read-only. */
import type { Role, UpdateRoleBody } from '../../shared/schemas/roles.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedUpdate } from '../scope.js';
import { assertWithinOwnPermissions } from '../users/grants.js';
import { getRole } from './queries.js';

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
