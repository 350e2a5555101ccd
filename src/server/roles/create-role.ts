/** Creates a custom role, granting no permission the caller does not hold. */
import type { CreateRoleBody, Role } from '../../shared/schemas/roles.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedInsert } from '../scope.js';
import { assertWithinOwnPermissions } from '../users/grants.js';
import { getRole } from './queries.js';

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
