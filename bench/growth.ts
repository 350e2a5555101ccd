/**
 * How the console's lists grow with the data: the same company seeded at 10,000, 100,000 and 1,000,000 visit
 * records (growth-seed.ts: 2,000 / 20,000 / 200,000 households, 1.1 × as many tasks, 0.3 × as many issues,
 * 1.2 × as many audit entries, the same rows on SQLite and PostgreSQL), each served by its own server process
 * (growth-server.ts) at the seed's fixed "now". Every list is requested over HTTP with a session, as its
 * console page asks for it; beside each, the floor: the SQL statements that request made (captured at the
 * driver, the session lookup left out) run bare through better-sqlite3 / pg on the same database, one after
 * another. Requests and floors are interleaved — in each round every list at every size, in a rotating order —
 * so that the machine's noise falls on all sizes alike.
 * Target (page 1 of every list): p95 < 100 ms at 1M records, and 1M / 10k ≤ 3×.
 *
 * GROWTH_SIZES=10000,100000 limits the sizes; GROWTH_ROUNDS (default 15) and GROWTH_BUDGET_SECONDS (default 360,
 * at least 5 rounds) bound the measuring. Seeded SQLite files are kept in the temp folder (huifang-growth-cache),
 * keyed by the seeder's source and the product's migrations, so that a re-run skips seeding.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { addDays, dateOfDay, shanghaiDay } from '../src/shared/shanghai.js';
import type { Captured } from './growth-server.js';
import { GROWTH_NOW, SEED_VERSION, shape, type SeedInfo } from './growth-seed.js';
import { percentile, startBenchServer, stop, type BenchResult } from './lib.js';

export type Actor = 'manager' | 'supervisor' | 'visitor';
interface Ready {
  port: number;
  controlPort: number;
  cookies: Record<Actor, string>;
  communityId: number;
}
interface ListSpec {
  label: string;
  actor: Actor;
  /** a page 1 the target applies to (the offset page is shown, not judged) */
  judged: boolean;
  path: (s: Size) => string | null;
}
export interface Size {
  records: number;
  ready: Ready;
  seed: SeedInfo & { cached: boolean };
  cursorPath: string | null;
  floor: Floor;
  cleanup: () => Promise<void>;
}
interface Floor {
  run(statements: Captured[]): Promise<void>;
  close(): Promise<void>;
}

const TARGET_P95_MS = 100;
const TARGET_GROWTH = 3;
const PAGE = 20;
const today = dateOfDay(shanghaiDay(GROWTH_NOW));

const LISTS: ListSpec[] = [
  { label: 'visit records, page 1 with total (manager, company-wide)', actor: 'manager', judged: true, path: () => `/visit-records?limit=${PAGE}&offset=0` },
  { label: 'visit records, offset 5,000', actor: 'manager', judged: false, path: () => `/visit-records?limit=${PAGE}&offset=5000` },
  { label: 'visit records, the page after 5,000 rows by cursor', actor: 'manager', judged: true, path: (s) => s.cursorPath },
  { label: 'visit records, last 30 days, company-wide', actor: 'manager', judged: true, path: () => `/visit-records?from=${addDays(today, -29)}&to=${today}&limit=${PAGE}&offset=0` },
  { label: 'issues, supervision (督办) view', actor: 'manager', judged: true, path: () => `/issues?view=supervision&limit=${PAGE}&offset=0` },
  { label: 'issues, open and overdue', actor: 'manager', judged: true, path: () => `/issues?open=true&due=overdue&limit=${PAGE}&offset=0` },
  { label: "supervisor's tasks, one community", actor: 'supervisor', judged: true, path: (s) => `/visit-tasks?communityId=${s.ready.communityId}&limit=${PAGE}&offset=0` },
  { label: "visitor's tasks, today (200 a page)", actor: 'visitor', judged: true, path: () => `/visit-tasks?mine=true&view=today&limit=200&offset=0` },
  { label: "visitor's tasks, upcoming (200 a page)", actor: 'visitor', judged: true, path: () => `/visit-tasks?mine=true&view=upcoming&limit=200&offset=0` },
  { label: 'households of a community', actor: 'manager', judged: true, path: (s) => `/communities/${s.ready.communityId}/households?limit=${PAGE}&offset=0` },
  { label: 'audit log (manager)', actor: 'manager', judged: true, path: () => `/audit-log?limit=${PAGE}&offset=0` },
];

const n = (v: number) => v.toLocaleString('en');
const short = (records: number) => (records >= 1_000_000 ? `${records / 1_000_000}M` : `${records / 1000}k`);
const fmt = (v: number) => (Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));

export async function growth(databaseUrl?: string): Promise<BenchResult> {
  const sizes = (process.env.GROWTH_SIZES ?? '10000,100000,1000000').split(',').map(Number).sort((a, b) => a - b);
  const maxRounds = Number(process.env.GROWTH_ROUNDS ?? 15);
  const budgetMs = Number(process.env.GROWTH_BUDGET_SECONDS ?? 360) * 1000;
  const db = databaseUrl ? 'PostgreSQL' : 'SQLite';
  const load = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  const prepared: Size[] = [];
  try {
    for (const records of sizes) prepared.push(await prepareSize(records, databaseUrl));
    const base = (s: Size) => `http://127.0.0.1:${s.ready.port}/api/v1`;
    const get = async (s: Size, actor: Actor, p: string) => {
      const res = await fetch(`${base(s)}${p}`, { headers: { cookie: `huifang_session=${s.ready.cookies[actor]}` } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${db} ${short(s.records)} GET ${p}: HTTP ${res.status} ${body.slice(0, 300)}`);
      return JSON.parse(body) as { items: unknown[]; total: number; totalKind?: string; nextCursor?: string | null };
    };

    // The page after 5,000 records by cursor, where the API pages by cursor (walked in pages of 200).
    for (const s of prepared) {
      let page = await get(s, 'manager', '/visit-records?limit=200&offset=0');
      if (page.nextCursor === undefined) continue;
      let seen = page.items.length;
      while (seen < 5000 && page.nextCursor) {
        page = await get(s, 'manager', `/visit-records?limit=200&cursor=${encodeURIComponent(page.nextCursor)}`);
        seen += page.items.length;
      }
      if (page.nextCursor) s.cursorPath = `/visit-records?limit=${PAGE}&cursor=${encodeURIComponent(page.nextCursor)}`;
    }

    // One request of each list at each size with the driver's statements captured; it also warms up.
    const control = async (s: Size, what: 'start' | 'stop') => (await (await fetch(`http://127.0.0.1:${s.ready.controlPort}/capture/${what}`, { method: 'POST' })).json()) as Captured[];
    const statements = new Map<string, Captured[]>();
    const facts = new Map<string, { total: number; totalKind?: string; items: number; statements: number }>();
    const cells = LISTS.flatMap((list, l) => prepared.map((s, i) => ({ list, l, s, i, path: list.path(s) }))).filter((c) => c.path !== null);
    const key = (l: number, i: number) => `${l}:${i}`;
    for (const c of cells) {
      await control(c.s, 'start');
      const page = await get(c.s, c.list.actor, c.path!);
      const ran = (await control(c.s, 'stop')).filter((st) => /^\s*(select|with)\b/i.test(st.sql) && !/\bsessions\b/.test(st.sql));
      statements.set(key(c.l, c.i), ran);
      facts.set(key(c.l, c.i), { total: page.total, totalKind: page.totalKind, items: page.items.length, statements: ran.length });
      await c.s.floor.run(ran);
    }

    // The measured rounds.
    const http = new Map<string, number[]>();
    const bare = new Map<string, number[]>();
    const push = (m: Map<string, number[]>, k: string, v: number) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
    const started = performance.now();
    let rounds = 0;
    while (rounds < maxRounds && (rounds < 5 || performance.now() - started < budgetMs)) {
      for (const [l, list] of LISTS.entries()) {
        for (let j = 0; j < prepared.length; j++) {
          const i = (j + rounds + l) % prepared.length;
          const s = prepared[i];
          const p = list.path(s);
          if (p === null) continue;
          const k = key(l, i);
          // Quick requests are sampled a few times a round, so that their percentiles rest on more samples.
          const previous = http.get(k) ?? [];
          const reps = previous.length && previous[previous.length - 1] < 30 ? 3 : 1;
          for (let r = 0; r < reps; r++) {
            let t = performance.now();
            await get(s, list.actor, p);
            push(http, k, performance.now() - t);
            t = performance.now();
            await s.floor.run(statements.get(k)!);
            push(bare, k, performance.now() - t);
          }
        }
      }
      rounds++;
    }
    const seconds = (performance.now() - started) / 1000;

    // The table.
    const stat = (m: Map<string, number[]>, k: string, p: number) => {
      const xs = [...(m.get(k) ?? [])].sort((a, b) => a - b);
      return percentile(xs, p);
    };
    const first = 0;
    const last = prepared.length - 1;
    const header = ['list', ...prepared.flatMap((s) => [`${short(s.records)} p50 / p95`, `floor ${short(s.records)}`]), ...(prepared.length > 1 ? [`growth ${short(prepared[last].records)} / ${short(prepared[first].records)}`, 'floor growth'] : [])];
    let met = sizes.includes(1_000_000);
    const missed: string[] = [];
    const rows = LISTS.map((list, l) => {
      if (list.path(prepared[0]) === null) return [list.label, ...prepared.flatMap(() => ['not offered', '']), ...(prepared.length > 1 ? ['', ''] : [])];
      const cellsOf = prepared.flatMap((s, i) => [`${fmt(stat(http, key(l, i), 50))} / ${fmt(stat(http, key(l, i), 95))} ms`, `${fmt(stat(bare, key(l, i), 50))} ms`]);
      const growthOf = (m: Map<string, number[]>) => stat(m, key(l, last), 50) / stat(m, key(l, first), 50);
      const g = growthOf(http);
      const top = prepared[last];
      if (list.judged && top.records === 1_000_000) {
        const p95 = stat(http, key(l, last), 95);
        if (!(p95 < TARGET_P95_MS) || !(g <= TARGET_GROWTH)) {
          met = false;
          missed.push(list.label);
        }
      }
      return [list.label, ...cellsOf, ...(prepared.length > 1 ? [`${g.toFixed(1)}×`, `${growthOf(bare).toFixed(1)}×`] : [])];
    });
    if (!prepared.some((s) => s.cursorPath)) met = false;
    const totals = LISTS.map((list, l) => {
      const f = prepared.map((s, i) => facts.get(key(l, i))).filter((x) => x !== undefined);
      if (!f.length) return null;
      return `${list.label}: ${f.map((x) => `${n(x.total)}${x.totalKind === 'atLeast' ? '+' : ''}`).join(' / ')}`;
    }).filter(Boolean);
    const seeds = prepared.map((s) => `${short(s.records)} ${s.seed.cached ? 'reused from the cache' : `${s.seed.seedSeconds.toFixed(0)} s (indexes ${s.seed.indexSeconds.toFixed(0)} s)`}`).join(', ');
    const samples = [...http.values()].map((v) => v.length);
    return {
      name: `Growth of the lists, ${sizes.map((r) => n(r)).join(' / ')} visit records (${db})`,
      target: `page 1 of every list p95 < ${TARGET_P95_MS} ms at 1,000,000 records, and ≤ ${TARGET_GROWTH}× its time at 10,000`,
      table: [header, ...rows],
      verdict: sizes.includes(1_000_000) ? (met ? 'met' : 'missed') : 'info',
      notes:
        `Each size is its own seeded company (${prepared.map((s) => { const x = shape(s.records); return `${short(s.records)}: ${n(x.households)} households, ${n(x.tasks)} tasks, ${n(x.issues)} issues, ${n(x.audit)} audit entries`; }).join('; ')}), 20 communities with a supervisor and 10 visitors each, dates over the 12 months before ${new Date(GROWTH_NOW).toISOString()} (the servers' fixed clock). ` +
        `Times are over HTTP with a session cookie, pages of ${PAGE} (the visitor's of 200) as the console asks for them; the manager is company-wide, the supervisor and the visitor work in one community. ` +
        `Floor: the SQL statements the request ran (captured at the driver; the session lookup left out), run bare one after another through ${databaseUrl ? 'pg' : 'better-sqlite3'} on the same database. Growth is of the p50. ` +
        `${rounds} interleaved rounds in ${seconds.toFixed(0)} s, ${Math.min(...samples)}–${Math.max(...samples)} samples per cell. ` +
        `${prepared.some((s) => s.cursorPath) ? 'The cursor row follows nextCursor through 25 pages of 200.' : 'The API gives no nextCursor: no cursor paging to time.'} ` +
        `Totals the API reported (${prepared.map((s) => short(s.records)).join(' / ')}): ${totals.join('; ')}. ` +
        `Seeding: ${seeds}. Load average at the start: ${load}.` +
        (missed.length ? ` Missed by: ${missed.join('; ')}.` : ''),
    };
  } finally {
    for (const s of prepared) await s.cleanup();
  }
}

/** Seeds (or finds in the cache) the database of one size, starts its server and opens the floor's connection. */
export async function prepareSize(records: number, databaseUrl?: string): Promise<Size> {
  const seedChild = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/growth-seed.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
        .trim()
        .split('\n')
        .pop()!,
    ) as SeedInfo;
  if (databaseUrl) {
    const schema = `bench_growth_${records}_${process.pid}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(statement);
      await client.end();
    };
    await admin(`CREATE SCHEMA ${schema}`);
    try {
      const seed = { ...seedChild([String(records)], { BENCH_DATABASE_URL: databaseUrl, GROWTH_PG_SCHEMA: schema }), cached: false };
      const { ready, child } = await startBenchServer<Ready>('bench/growth-server.ts', { BENCH_DATABASE_URL: databaseUrl, GROWTH_PG_SCHEMA: schema });
      const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
      await client.connect();
      const floor: Floor = {
        async run(statements) {
          for (const st of statements) await client.query(st.sql, st.params);
        },
        close: () => client.end(),
      };
      return {
        records,
        ready,
        seed,
        cursorPath: null,
        floor,
        cleanup: async () => {
          await floor.close();
          await stop(child);
          await admin(`DROP SCHEMA ${schema} CASCADE`);
        },
      };
    } catch (err) {
      await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      throw err;
    }
  }
  const dir = path.join(os.tmpdir(), 'huifang-growth-cache');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `growth-${cacheKey()}-${records}.db`);
  let seed: Size['seed'];
  if (fs.existsSync(file) && fs.existsSync(`${file}.json`)) seed = { ...(JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as SeedInfo), cached: true };
  else {
    for (const f of fs.readdirSync(dir)) if ([`-${records}.db`, `-${records}.db.json`, `-${records}.db-wal`, `-${records}.db-shm`].some((end) => f.endsWith(end))) fs.rmSync(path.join(dir, f), { force: true });
    const partial = `${file}.partial`;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
    // The SQLite variant seeds and serves the file even when BENCH_DATABASE_URL is set for the PostgreSQL ones.
    seed = { ...seedChild([String(records), partial], { BENCH_DATABASE_URL: '' }), cached: false };
    fs.renameSync(partial, file);
    fs.writeFileSync(`${file}.json`, JSON.stringify(seed));
  }
  const { ready, child } = await startBenchServer<Ready>('bench/growth-server.ts', { GROWTH_SQLITE_FILE: file, BENCH_DATABASE_URL: '' });
  const sqlite = new SQLite(file);
  const cache = new Map<string, SQLite.Statement>();
  const floor: Floor = {
    async run(statements) {
      for (const st of statements) {
        let stmt = cache.get(st.sql);
        if (!stmt) cache.set(st.sql, (stmt = sqlite.prepare(st.sql)));
        stmt.all(st.params);
      }
    },
    close: async () => {
      sqlite.close();
    },
  };
  return { records, ready, seed, cursorPath: null, floor, cleanup: async () => { await floor.close(); await stop(child); } };
}

/** The seeder's source and the product's migrations: a change to either seeds the cached files again. */
function cacheKey(): string {
  const hash = crypto.createHash('sha256').update(`v${SEED_VERSION}\n`).update(fs.readFileSync('bench/growth-seed.ts'));
  const migrations = 'src/server/db/migrations';
  for (const f of fs.readdirSync(migrations).sort()) hash.update(f).update(fs.readFileSync(path.join(migrations, f)));
  return hash.digest('hex').slice(0, 12);
}
