/**
 * An administrator changes an account: name, phone, role, department, communities or status.
 * Disabling ends the account's sessions at once and revokes its API tokens (each revocation audited), so that
 * enabling the account again does not bring old tokens back. Communities outside the caller's own scope are kept
 * untouched, since the caller can neither see nor grant them.
 */
import type { UpdateUserBody, User } from '../../shared/schemas/users.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { inScope, requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedRoles, scopedUpdate } from '../scope.js';
import { assertDepartment, assertGrantableCommunities, assertWithinOwnPermissions, grantableRole } from './grants.js';
import { getUser } from './queries.js';

export async function updateUser(db: Db, ctx: Ctx, userId: number, input: UpdateUserBody): Promise<User> {
  requirePermission(ctx, 'users.manage');
  const before = await getUser(db, ctx, userId);
  const storedCommunityIds = (
    await db.selectFrom('user_communities').select('community_id').where('user_id', '=', userId).execute()
  )
    .map((r) => r.community_id)
    .sort((a, b) => a - b);
  await assertCanManage(db, ctx, before);
  const self = userId === ctx.userId;
  if (self && ((input.roleId !== undefined && input.roleId !== before.roleId) || input.status === 'disabled')) {
    throw new AppError('cannot_change_self', 409);
  }
  if (input.roleId !== undefined) await grantableRole(db, ctx, input.roleId);
  if (input.departmentId !== undefined) await assertDepartment(db, ctx, input.departmentId);
  let communityIds = storedCommunityIds;
  if (input.communityIds) {
    const requested = await assertGrantableCommunities(db, ctx, input.communityIds);
    const hidden = storedCommunityIds.filter((c) => !inScope(ctx, c));
    communityIds = [...new Set([...hidden, ...requested])].sort((a, b) => a - b);
  }

  const after = {
    displayName: input.displayName ?? before.displayName,
    phone: input.phone !== undefined ? input.phone : before.phone,
    roleId: input.roleId ?? before.roleId,
    departmentId: input.departmentId !== undefined ? input.departmentId : before.departmentId,
    communityIds,
    status: input.status ?? before.status,
  };
  const diff = changes(
    {
      displayName: before.displayName,
      phone: before.phone,
      roleId: before.roleId,
      departmentId: before.departmentId,
      communityIds: storedCommunityIds,
      status: before.status,
    },
    after,
  );
  if (!diff.changed) return before;

  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'users')
      .set({
        display_name: after.displayName,
        phone: after.phone,
        role_id: after.roleId,
        department_id: after.departmentId,
        status: after.status,
        updated_at: nowIso(),
      })
      .where('id', '=', userId)
      .where('company_id', '=', ctx.companyId)
      .execute();
    if (input.communityIds) {
      await trx.deleteFrom('user_communities').where('user_id', '=', userId).execute();
      if (communityIds.length) {
        await trx.insertInto('user_communities').values(communityIds.map((c) => ({ user_id: userId, community_id: c }))).execute();
      }
    }
    if (after.status === 'disabled' && before.status !== 'disabled') {
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      const revoked = await trx
        .updateTable('api_tokens')
        .set({ revoked_at: nowIso() })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .returning(['id', 'name'])
        .execute();
      for (const token of revoked) {
        await recordAudit(trx, actorOf(ctx), {
          action: 'api_token.revoke',
          entityType: 'api_token',
          entityId: token.id,
          before: { name: token.name },
          after: { reason: 'account_disabled', userId },
        });
      }
    }
    const action = before.status !== after.status ? (after.status === 'disabled' ? 'user.disable' : 'user.enable') : 'user.update';
    await recordAudit(trx, actorOf(ctx), { action, entityType: 'user', entityId: userId, before: diff.before, after: diff.after });
  });
  // The change may have moved the account out of the caller's communities; it is still theirs to see now.
  return getUser(db, ctx, userId, true);
}

/** The caller may only manage accounts whose role grants nothing beyond the caller's own permissions. */
export async function assertCanManage(db: Db, ctx: Ctx, target: User): Promise<void> {
  const role = await scopedRoles(db, ctx).select('permissions').where('id', '=', target.roleId).executeTakeFirstOrThrow();
  assertWithinOwnPermissions(ctx, JSON.parse(role.permissions) as string[]);
}
