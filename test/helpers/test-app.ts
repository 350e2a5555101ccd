/**
 * A real application on a fresh database for each test file: in-memory SQLite by default, or a private
 * schema in the PostgreSQL named by TEST_DATABASE_URL. With `at`, the server's clock starts at that
 * instant (and runs on from it), so the file does not depend on the hour, the date or the time zone it
 * runs in.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { buildApp, type BuildOptions } from '../../src/server/app.js';
import { SettableClock, setClock, systemClock } from '../../src/server/clock.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { App } from '../../src/server/http/types.js';

export interface TestApp {
  app: App;
  handle: DatabaseHandle;
  config: Config;
  /** The server's clock: started at `at` when given, else at the real time. */
  clock: SettableClock;
  /** Another connection pool on the same database, like a second app instance (PostgreSQL only). */
  openSecondHandle(): DatabaseHandle;
  close(): Promise<void>;
}

export const TEST_ENV = {
  HUIFANG_SCRYPT_COST: '1024',
  LOG_LEVEL: 'silent',
  // Integration tests log in many times from one address; throttling has its own tests with low limits.
  HUIFANG_LOGIN_MAX_FAILURES_PER_IP: '1000',
  // Tests send bursts of parallel requests; load shedding has its own test with a tiny limit.
  HUIFANG_MAX_CONCURRENCY: '1000',
};

export interface TestOptions extends BuildOptions {
  /** The instant the server's clock starts at, e.g. '2025-06-18T15:00:00+08:00'. */
  at?: string;
}

export async function createTestApp(env: Record<string, string> = {}, options: TestOptions = {}): Promise<TestApp> {
  const clock = new SettableClock(options.at ?? Date.now());
  setClock(clock);
  const config = loadConfig({ ...TEST_ENV, ...env }, 'test');
  const { handle, dropSchema, schema } = await openTestDatabase();
  await migrateToLatest(handle);
  const app = await buildApp({ handle, config }, options);
  await app.ready();
  const extra: DatabaseHandle[] = [];
  return {
    app,
    handle,
    config,
    clock,
    openSecondHandle() {
      const url = process.env.TEST_DATABASE_URL;
      if (!url || !schema) throw new Error('a second handle needs PostgreSQL (TEST_DATABASE_URL)');
      const second = openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 4 });
      extra.push(second);
      return second;
    },
    async close() {
      await app.close();
      for (const h of extra) await h.close();
      await handle.close();
      await dropSchema();
      setClock(systemClock);
    },
  };
}

export async function openTestDatabase(): Promise<{ handle: DatabaseHandle; dropSchema: () => Promise<void>; schema?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { handle: openDatabase({ sqliteFile: ':memory:' }), dropSchema: async () => {} };
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    handle: openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 4 }),
    schema,
    async dropSchema() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
