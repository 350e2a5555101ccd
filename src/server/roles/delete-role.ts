/** Deletes a custom role nobody holds; built-in roles stay. */
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedDelete } from '../scope.js';
import { getRole } from './queries.js';

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
