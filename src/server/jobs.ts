/**
 * Housekeeping that runs inside the app: expired sessions and old login attempts are removed hourly.
 * Deletes are idempotent, so several instances on one PostgreSQL may run it side by side.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import { nowIso, type Db } from './db/database.js';

export async function pruneExpired(db: Db, config: Config): Promise<void> {
  const now = Date.now();
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', nowIso()), eb('last_seen_at', '<=', new Date(now - config.sessionIdleMs).toISOString())]))
    .execute();
  await db.deleteFrom('login_attempts').where('at', '<=', new Date(now - 24 * 3_600_000).toISOString()).execute();
}

export function startHousekeeping(db: Db, config: Config, log: FastifyBaseLogger): () => void {
  const run = () => pruneExpired(db, config).catch((err: unknown) => log.error({ err }, 'housekeeping failed'));
  void run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
