/**
 * An administrator resets an account's password: a temporary password is shown once, every session of
 * the account ends, and the account must choose a new password at its next login. Nobody resets their own
 * password this way (it would lock them into the forced change); they change it under 个人中心.
 */
import { hashPassword, temporaryPassword } from '../auth/secrets.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import type { Config } from '../config.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { getUser } from './queries.js';
import { assertCanManage } from './update-user.js';
import { scopedUpdate } from '../scope.js';

export async function resetPassword(db: Db, config: Config, ctx: Ctx, userId: number) {
  requirePermission(ctx, 'users.manage');
  if (userId === ctx.userId) throw new AppError('cannot_reset_own_password', 409);
  const user = await getUser(db, ctx, userId);
  await assertCanManage(db, ctx, user);
  const password = temporaryPassword();
  const hash = await hashPassword(password, config.scryptCost);
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'users')
      .set({ password_hash: hash, must_change_password: 1, updated_at: nowIso() })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'user.password_reset', entityType: 'user', entityId: user.id });
  });
  return { temporaryPassword: password };
}
