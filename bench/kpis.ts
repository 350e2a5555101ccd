/**
 * The dashboard's requests at a million visit records: the company seeded as the growth benchmark's 1M size
 * (growth-seed.ts: 200,000 households, 1,100,000 tasks, 300,000 issues, dates over the 12 months before its fixed
 * "now"), served by its own server process. Every API call the 数据看板 makes — the month's figures with the two
 * comparison periods, the figures per community (per building for one community), the 12-month trend, the key
 * drivers over the 12 months to the month, the households to visit again and the month's themes — for
 * the company-wide month and for one community, over HTTP with a manager's session. Beside each, the floor: the SQL
 * statements the request made (captured at the driver, the session lookup left out), run bare on the same
 * database one after another. Target: p95 < 300 ms for every call, on SQLite and on PostgreSQL.
 *
 * KPI_RECORDS (default 1000000) picks the size; KPI_ROUNDS (default 8) the measured rounds.
 */
import os from 'node:os';
import { addMonths, monthOf } from '../src/shared/schemas/kpis.js';
import { dateOfDay, shanghaiDay } from '../src/shared/shanghai.js';
import { prepareSize, type Size } from './growth.js';
import type { Captured } from './growth-server.js';
import { GROWTH_NOW } from './growth-seed.js';
import { percentile, type BenchResult } from './lib.js';

const TARGET_P95_MS = 300;
const month = dateOfDay(shanghaiDay(GROWTH_NOW)).slice(0, 7);
const period = `month:${month}`;
/** The dashboard's key-driver window: the 12 months ending with its month (DriversChart.tsx). */
const drivers = `custom:${addMonths(`${month}-01`, -11)}..${monthOf(`${month}-01`).to}`;
const RATES = 'coverage,completion,resolution,adoption,satisfaction_rate';
const BY_GROUP = 'coverage,completion,resolution,satisfaction_rate';

interface Call {
  label: string;
  path: (s: Size) => string;
}
const community = (s: Size) => `&communityId=${s.ready.communityId}`;
const CALLS: Call[] = [
  { label: 'company month: all figures with the previous month and a year earlier', path: () => `/kpis?period=${period}&compare=true` },
  { label: 'company month: headline rates per community', path: () => `/kpis?period=${period}&groupBy=community&kpi=${BY_GROUP}` },
  { label: 'company: 12-month trend of the five rates', path: () => `/kpis/trend?kpi=${RATES}&months=12&to=${month}` },
  { label: 'one community: all figures with comparisons', path: (s) => `/kpis?period=${period}&compare=true${community(s)}` },
  { label: 'one community: headline rates per building', path: (s) => `/kpis?period=${period}&groupBy=building&kpi=${BY_GROUP}${community(s)}` },
  { label: 'one community: 12-month trend', path: (s) => `/kpis/trend?kpi=${RATES}&months=12&to=${month}${community(s)}` },
  { label: 'company: key drivers over the 12 months to the month', path: () => `/kpis/drivers?period=${drivers}` },
  { label: 'company month: households to visit again (重点回访)', path: () => `/kpis/attention?period=${period}` },
  { label: 'company month: themes (热点话题)', path: () => `/kpis/themes?period=${period}&limit=20` },
  { label: 'one community: key drivers over 12 months', path: (s) => `/kpis/drivers?period=${drivers}${community(s)}` },
  { label: 'one community: households to visit again', path: (s) => `/kpis/attention?period=${period}${community(s)}` },
  { label: 'one community: themes', path: (s) => `/kpis/themes?period=${period}&limit=20${community(s)}` },
];

const fmt = (v: number) => (Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));

export async function kpiBenchmark(databaseUrl?: string): Promise<BenchResult> {
  const records = Number(process.env.KPI_RECORDS ?? 1_000_000);
  const rounds = Number(process.env.KPI_ROUNDS ?? 8);
  const db = databaseUrl ? 'PostgreSQL' : 'SQLite';
  const load = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  const s = await prepareSize(records, databaseUrl);
  try {
    const get = async (p: string) => {
      const res = await fetch(`http://127.0.0.1:${s.ready.port}/api/v1${p}`, { headers: { cookie: `huifang_session=${s.ready.cookies.manager}` } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${db} GET ${p}: HTTP ${res.status} ${body.slice(0, 300)}`);
      return body;
    };
    const control = async (what: 'start' | 'stop') => (await (await fetch(`http://127.0.0.1:${s.ready.controlPort}/capture/${what}`, { method: 'POST' })).json()) as Captured[];
    // One request of each call to warm up (the themes segment their months once), a second with its statements
    // captured (what a request runs once warm: the floor), then the measured rounds.
    const statements = new Map<number, Captured[]>();
    const sizes = new Map<number, number>();
    for (const call of CALLS) await get(call.path(s));
    for (const [i, call] of CALLS.entries()) {
      await control('start');
      sizes.set(i, (await get(call.path(s))).length);
      statements.set(i, (await control('stop')).filter((st) => /^\s*(select|with)\b/i.test(st.sql) && !/\bsessions\b/.test(st.sql)));
      await s.floor.run(statements.get(i)!);
    }
    const http = CALLS.map(() => [] as number[]);
    const bare = CALLS.map(() => [] as number[]);
    const started = performance.now();
    for (let r = 0; r < rounds; r++) {
      for (let j = 0; j < CALLS.length; j++) {
        const i = (j + r) % CALLS.length;
        let t = performance.now();
        await get(CALLS[i].path(s));
        http[i].push(performance.now() - t);
        t = performance.now();
        await s.floor.run(statements.get(i)!);
        bare[i].push(performance.now() - t);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const stat = (xs: number[], p: number) => percentile([...xs].sort((a, b) => a - b), p);
    const missed: string[] = [];
    const rows = CALLS.map((call, i) => {
      const p95 = stat(http[i], 95);
      if (!(p95 < TARGET_P95_MS)) missed.push(call.label);
      return [call.label, `${fmt(stat(http[i], 50))} / ${fmt(p95)} ms`, `${fmt(stat(bare[i], 50))} / ${fmt(stat(bare[i], 95))} ms`, String(statements.get(i)!.length), `${(sizes.get(i)! / 1024).toFixed(0)} KB`];
    });
    return {
      name: `The dashboard's API calls at ${records.toLocaleString('en')} visit records (${db})`,
      target: `every call p95 < ${TARGET_P95_MS} ms, company-wide and for one community`,
      table: [['call', 'HTTP p50 / p95', 'floor (bare SQL) p50 / p95', 'statements', 'response'], ...rows],
      verdict: records >= 1_000_000 ? (missed.length ? 'missed' : 'met') : 'info',
      notes:
        `The growth benchmark's ${records.toLocaleString('en')}-record company, ${period} (the seed's "now" is ${new Date(GROWTH_NOW).toISOString()}), a manager's session; one community is one of 20. ` +
        `Floor: the statements each request ran, bare through ${databaseUrl ? 'pg' : 'better-sqlite3'}; the rest of the HTTP time is reading the rows' dimension tallies and building figures in the server. ` +
        `${rounds} rounds in ${seconds.toFixed(0)} s, calls in a rotating order. Seeding: ${s.seed.cached ? 'reused from the cache' : `${s.seed.seedSeconds.toFixed(0)} s`}. Load average at the start: ${load}.` +
        (missed.length ? ` Missed by: ${missed.join('; ')}.` : ''),
    };
  } finally {
    await s.cleanup();
  }
}
