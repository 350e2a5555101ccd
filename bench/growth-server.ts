/**
 * The server of the growth benchmark at one size: the product's app on a database seeded by growth-seed.ts
 * (the SQLite file in GROWTH_SQLITE_FILE, or the PostgreSQL schema GROWTH_PG_SCHEMA of BENCH_DATABASE_URL),
 * with the product's clock set to the seed's "now" so that "last 30 days" and "overdue" mean the same rows on
 * every run. The manager, the first community's supervisor and its first visitor are signed in.
 *
 * Beside the API it listens on a second port for the benchmark's control requests: `POST /capture/start` and
 * `POST /capture/stop`, which answer the SQL statements (with their parameters) that the database driver ran
 * in between, so that the benchmark can run the very same SQL bare for its floor.
 * Prints one JSON line {port, controlPort, cookies, communityId} when ready.
 */
import http from 'node:http';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { SettableClock, setClock } from '../src/server/clock.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { GROWTH_NOW, PASSWORD, USERNAMES } from './growth-seed.js';

export interface Captured {
  sql: string;
  params: unknown[];
}

let capturing = false;
let captured: Captured[] = [];

// Every statement goes through these two driver methods: better-sqlite3's prepared statements, pg's Client.query.
const prepare = SQLite.prototype.prepare;
SQLite.prototype.prepare = function (this: SQLite.Database, source: string) {
  const stmt = prepare.call(this, source) as SQLite.Statement;
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const run = stmt[method] as (...args: unknown[]) => unknown;
    (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      if (capturing) captured.push({ sql: source, params: Array.isArray(args[0]) ? [...(args[0] as unknown[])] : [] });
      return run.apply(stmt, args);
    };
  }
  return stmt;
} as typeof SQLite.prototype.prepare;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (capturing && typeof args[0] === 'string') captured.push({ sql: args[0], params: Array.isArray(args[1]) ? [...(args[1] as unknown[])] : [] });
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const pgUrl = process.env.BENCH_DATABASE_URL || undefined;
const config = loadConfig({ LOG_LEVEL: 'silent', HUIFANG_SCRYPT_COST: '1024' }, 'bench');
const handle = openDatabase({ databaseUrl: pgUrl, pgSchema: pgUrl ? process.env.GROWTH_PG_SCHEMA : undefined, sqliteFile: process.env.GROWTH_SQLITE_FILE, poolSize: 10 });
await migrateToLatest(handle);
setClock(new SettableClock(GROWTH_NOW));
const app = await buildApp({ handle, config });
await app.listen({ port: 0, host: '127.0.0.1' });
// A round of slow requests at the largest size leaves the other servers' connections idle for longer than
// Node's 5 s keep-alive; closing them then races the benchmark's next request on the same socket.
app.server.keepAliveTimeout = 10 * 60_000;

async function login(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  const cookie = res.cookies.find((c) => c.name === 'huifang_session');
  if (!cookie) throw new Error(`${username} could not sign in: ${res.statusCode} ${res.body}`);
  return cookie.value;
}
const cookies = { manager: await login(USERNAMES.manager), supervisor: await login(USERNAMES.supervisor(0)), visitor: await login(USERNAMES.visitor(0, 0)) };
const community = await handle.db.selectFrom('communities').select('id').where('code', '=', 'G1').executeTakeFirstOrThrow();

const control = http.createServer((req, res) => {
  if (req.url === '/capture/start') {
    captured = [];
    capturing = true;
    res.end('[]');
  } else if (req.url === '/capture/stop') {
    capturing = false;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(captured));
    captured = [];
  } else {
    res.statusCode = 404;
    res.end();
  }
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));

const { port } = app.server.address() as { port: number };
const { port: controlPort } = control.address() as { port: number };
process.stdout.write(`${JSON.stringify({ port, controlPort, cookies, communityId: community.id })}\n`);
process.on('SIGTERM', async () => {
  control.close();
  await app.close();
  await handle.close();
  process.exit(0);
});
