/**
 * An administrator creates a staff account with a role, a department and a community scope. The account
 * gets a temporary password that is shown once and must be changed at first login.
 */
import type { CreateUserBody, CreatedUser } from '../../shared/schemas/users.js';
import { hashPassword, temporaryPassword } from '../auth/secrets.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import type { Config } from '../config.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { assertDepartment, assertGrantableCommunities, grantableRole } from './grants.js';
import { getUser } from './queries.js';

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
  const now = nowIso();
  try {
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('users')
        .values({
          company_id: ctx.companyId,
          username,
          display_name: input.displayName,
          phone: input.phone ?? null,
          password_hash: passwordHash,
          must_change_password: 1,
          role_id: role.id,
          department_id: input.departmentId ?? null,
          status: 'active',
          locale: 'zh-CN',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (communityIds.length) {
        await trx.insertInto('user_communities').values(communityIds.map((c) => ({ user_id: id, community_id: c }))).execute();
      }
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
