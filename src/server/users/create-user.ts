/**
 * An administrator creates a staff account with a role, a department and a community scope. The account
 * gets a temporary password that is shown once and must be changed at first login.
 */
import type { CreateUserBody, CreatedUser } from '../../shared/schemas/users.js';
import { hashPassword, temporaryPassword } from '../auth/secrets.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import type { Config } from '../config.js';
import { requirePermission, type Ctx } from '../context.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { assertDepartment, assertGrantableCommunities, grantableRole } from './grants.js';
import { getUser } from './queries.js';
import { insertUser } from './insert-user.js';

export async function createUser(db: Db, config: Config, ctx: Ctx, input: CreateUserBody): Promise<CreatedUser> {
  requirePermission(ctx, 'users.manage');
  const username = input.username.trim().toLowerCase();
  const role = await grantableRole(db, ctx, input.roleId);
  await assertDepartment(db, ctx, input.departmentId);
  const communityIds = await assertGrantableCommunities(db, ctx, input.communityIds ?? []);
  if (!role.companyWide && communityIds.length === 0) {
    throw new AppError('validation_failed', 400, { count: 1 }, { errors: [{ path: 'communityIds', code: 'too_small', key: 'required' }] });
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password, config.scryptCost);
  try {
    const id = await db.transaction().execute(async (trx) => {
      const id = await insertUser(trx, {
        companyId: ctx.companyId,
        username,
        displayName: input.displayName,
        phone: input.phone,
        passwordHash,
        mustChangePassword: true,
        roleId: role.id,
        departmentId: input.departmentId,
        communityIds,
      });
      await recordAudit(trx, actorOf(ctx), {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        after: { username, displayName: input.displayName, roleId: role.id, departmentId: input.departmentId ?? null, communityIds },
      });
      return id;
    });
    return { user: await getUser(db, ctx, id), temporaryPassword: password };
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('username_taken', 409, { username });
    throw err;
  }
}
