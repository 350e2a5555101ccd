/**
 * A user changes their own password, to one the password rules accept (judged against their username, name and
 * company). Every other session of the user ends; the current one stays.
 */
import type { ChangePasswordBody } from '../../shared/schemas/auth.js';
import type { Config } from '../config.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { assertAcceptablePassword } from './password-rules.js';
import type { Principal } from './principal.js';
import { hashPassword, verifyPassword } from './secrets.js';
import { ownUser, scopedUpdate } from '../scope.js';

export async function changePassword(db: Db, config: Config, principal: Principal, input: ChangePasswordBody) {
  const { ctx } = principal;
  const user = await ownUser(db, ctx).select('password_hash').executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError('wrong_password', 400, {}, { errors: [{ path: 'currentPassword', code: 'wrong_password' }] });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('password_reused', 400, {}, { errors: [{ path: 'newPassword', code: 'password_reused' }] });
  }
  await assertAcceptablePassword(
    input.newPassword,
    { username: ctx.username, displayName: ctx.displayName, companyName: principal.companyName },
    'newPassword',
  );
  const hash = await hashPassword(input.newPassword, config.scryptCost);
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'users')
      .set({ password_hash: hash, must_change_password: 0, updated_at: nowIso() })
      .where('id', '=', ctx.userId)
      .execute();
    let others = trx.deleteFrom('sessions').where('user_id', '=', ctx.userId);
    if (principal.sessionId) others = others.where('id', '!=', principal.sessionId);
    await others.execute();
    await recordAudit(trx, actorOf(ctx), { action: 'user.password_change', entityType: 'user', entityId: ctx.userId });
  });
}
