/**
 * Jobs that run inside the app: hourly housekeeping (expired sessions, old login attempts, the query
 * planner's statistics on SQLite), the deadline
 * sweep (reminders, escalation) every minute and notification delivery every few seconds. Each is safe
 * when several instances run it against one PostgreSQL: deletes are idempotent, the sweep and the
 * delivery claim their rows with FOR UPDATE SKIP LOCKED.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import { now, nowIso } from './clock.js';
import { type DatabaseHandle, type Db } from './db/database.js';
import { refreshStatistics } from './db/statistics.js';
import { sweepDeadlines } from './issues/sweep-deadlines.js';
import { deliverOutbox } from './notifications/deliver-outbox.js';

export async function pruneExpired(db: Db, config: Config): Promise<void> {
  const at = now();
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', nowIso()), eb('last_seen_at', '<=', new Date(at - config.sessionIdleMs).toISOString())]))
    .execute();
  await db.deleteFrom('login_attempts').where('at', '<=', new Date(at - 24 * 3_600_000).toISOString()).execute();
}

/** One round of housekeeping: expired sessions and login attempts go, the planner's statistics are refreshed. */
export async function keepHouse(handle: DatabaseHandle, config: Config): Promise<void> {
  await pruneExpired(handle.db, config);
  await refreshStatistics(handle);
}

export function startHousekeeping(handle: DatabaseHandle, config: Config, log: FastifyBaseLogger): () => void {
  const run = () => keepHouse(handle, config).catch((err: unknown) => log.error({ err }, 'housekeeping failed'));
  void run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Runs `job` every `everyMs`, never two runs of it at once in this process. */
function every(everyMs: number, job: () => Promise<unknown>, log: FastifyBaseLogger, name: string): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    job()
      .catch((err: unknown) => log.error({ err }, `${name} failed`))
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function startIssueJobs(handle: DatabaseHandle, config: Config, log: FastifyBaseLogger): () => void {
  const stopSweep = every(
    config.sweepIntervalMs,
    async () => {
      const r = await sweepDeadlines(handle);
      if (r.notices) log.info(r, 'deadline sweep');
    },
    log,
    'deadline sweep',
  );
  const stopOutbox = every(config.outboxIntervalMs, () => deliverOutbox(handle, log), log, 'notification delivery');
  return () => {
    stopSweep();
    stopOutbox();
  };
}
