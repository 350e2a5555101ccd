/**
 * Signs a user in: throttles repeated failures per username and per IP, verifies the password without
 * revealing whether the username exists, records the attempt and the audit entry, opens a session.
 */
import type { Config } from '../config.js';
import { recordAudit } from '../audit/record-audit.js';
import { now, nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { hashPassword, randomSecret, sha256, verifyPassword } from './secrets.js';

export interface LoginResult {
  sessionToken: string;
  userId: number;
}

let dummyHash: Promise<string> | undefined;

export async function login(
  db: Db,
  config: Config,
  input: { username: string; password: string; ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  await refuseWhenThrottled(db, config, username, input.ip);

  const user = await db
    .selectFrom('users')
    .select(['id', 'company_id', 'display_name', 'password_hash', 'status'])
    .where('username', '=', username)
    .executeTakeFirst();
  // Hash against a dummy when the user is unknown so that timing does not reveal which usernames exist.
  dummyHash ??= hashPassword(randomSecret(), config.scryptCost);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash));
  const at = nowIso();
  const actor = { companyId: user?.company_id ?? null, userId: user?.id ?? null, name: user?.display_name ?? null, ip: input.ip };

  if (!user || !ok) {
    await db.insertInto('login_attempts').values({ username, ip: input.ip, at, succeeded: 0 }).execute();
    await recordAudit(db, actor, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id, after: { username } });
    throw new AppError('invalid_credentials', 401);
  }
  if (user.status !== 'active') {
    await recordAudit(db, actor, { action: 'auth.login_refused', entityType: 'user', entityId: user.id, after: { reason: 'disabled' } });
    throw new AppError('account_disabled', 403);
  }

  const sessionToken = randomSecret(32);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('login_attempts').values({ username, ip: input.ip, at, succeeded: 1 }).execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sha256(sessionToken),
        user_id: user.id,
        csrf_token: randomSecret(24),
        created_at: at,
        last_seen_at: at,
        expires_at: new Date(now() + config.sessionAbsoluteMs).toISOString(),
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await trx.updateTable('users').set({ last_login_at: at }).where('id', '=', user.id).execute();
    await recordAudit(trx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { sessionToken, userId: user.id };
}

async function refuseWhenThrottled(db: Db, config: Config, username: string, ip: string) {
  const since = new Date(now() - config.loginWindowMs).toISOString();
  const count = async (column: 'username' | 'ip', value: string) =>
    db
      .selectFrom('login_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where(column, '=', value)
      .where('succeeded', '=', 0)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
  const [byUser, byIp] = await Promise.all([count('username', username), count('ip', ip)]);
  const blocked =
    Number(byUser.n) >= config.loginMaxFailuresPerUser ? byUser : Number(byIp.n) >= config.loginMaxFailuresPerIp ? byIp : null;
  if (!blocked) return;
  const retryMs = Math.max(1000, Date.parse(String(blocked.oldest)) + config.loginWindowMs - now());
  const minutes = Math.ceil(retryMs / 60_000);
  throw new AppError('too_many_attempts', 429, { minutes }, { headers: { 'retry-after': String(Math.ceil(retryMs / 1000)) } });
}
