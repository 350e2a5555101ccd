/**
 * Signs a user in: claims one attempt against the limits per username and per IP before the password is
 * checked, verifies the password without revealing whether the username exists, records the attempt and the
 * audit entry, opens a session.
 *
 * The claim is a `login_attempts` row written as a failure in a transaction that first counts the recent
 * failures of the username and of the address; on PostgreSQL the transaction holds advisory locks on both keys,
 * so claims for one key are serialised across connections and app instances, and on SQLite the one connection
 * serialises them. So at most the limit of attempts is ever verified, however many arrive at once; a verified
 * right password turns its row into a success.
 */
import { sql } from 'kysely';
import type { Config } from '../config.js';
import { recordAudit } from '../audit/record-audit.js';
import { now, nowIso } from '../clock.js';
import { type DatabaseHandle } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { hashPassword, randomSecret, sha256, verifyPassword } from './secrets.js';
import { unscoped } from '../scope.js';

export interface LoginResult {
  sessionToken: string;
  userId: number;
}

let dummyHash: Promise<string> | undefined;

export async function login(
  handle: DatabaseHandle,
  config: Config,
  input: { username: string; password: string; ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const { db } = handle;
  const username = input.username.trim().toLowerCase();
  const attemptId = await claimAttempt(handle, config, username, input.ip);

  const user = await unscoped(db, 'login: the user is found by username before there is a caller')
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
    await recordAudit(db, actor, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id, after: { username } });
    throw new AppError('invalid_credentials', 401);
  }
  if (user.status !== 'active') {
    // The right password of a disabled account is not a failed guess.
    await db.deleteFrom('login_attempts').where('id', '=', attemptId).execute();
    await recordAudit(db, actor, { action: 'auth.login_refused', entityType: 'user', entityId: user.id, after: { reason: 'disabled' } });
    throw new AppError('account_disabled', 403);
  }

  const sessionToken = randomSecret(32);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', attemptId).execute();
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
    await unscoped(trx, 'login: the signed-in user').updateTable('users').set({ last_login_at: at }).where('id', '=', user.id).execute();
    await recordAudit(trx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { sessionToken, userId: user.id };
}

/** Counts the recent failures of the username and of the address and, below both limits, claims one attempt. */
async function claimAttempt(handle: DatabaseHandle, config: Config, username: string, ip: string): Promise<number> {
  return handle.db.transaction().execute(async (trx) => {
    if (handle.dialect === 'postgres') {
      // Always the username's lock first, then the address's: two claims never wait on each other in a cycle.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`login-user:${username}`}, 0)), pg_advisory_xact_lock(hashtextextended(${`login-ip:${ip}`}, 0))`.execute(trx);
    }
    const since = new Date(now() - config.loginWindowMs).toISOString();
    const count = (column: 'username' | 'ip', value: string) =>
      trx
        .selectFrom('login_attempts')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
        .where(column, '=', value)
        .where('succeeded', '=', 0)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
    const byUser = await count('username', username);
    const byIp = await count('ip', ip);
    const blocked =
      Number(byUser.n) >= config.loginMaxFailuresPerUser ? byUser : Number(byIp.n) >= config.loginMaxFailuresPerIp ? byIp : null;
    if (blocked) {
      const retryMs = Math.max(1000, Date.parse(String(blocked.oldest)) + config.loginWindowMs - now());
      const minutes = Math.ceil(retryMs / 60_000);
      throw new AppError('too_many_attempts', 429, { minutes }, { headers: { 'retry-after': String(Math.ceil(retryMs / 1000)) } });
    }
    const row = await trx.insertInto('login_attempts').values({ username, ip, at: nowIso(), succeeded: 0 }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  });
}
