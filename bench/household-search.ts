/**
 * Household search with 200,000 households in the company, through the API: what staff type — a room
 * label, a bare room number, the last four phone digits, a full name, a surname — one request at a time.
 * Target: p95 < 50 ms.
 */
import { percentile, startBenchServer, stop, type BenchResult } from './lib.js';

const PER_KIND = 200;
const SURNAMES = '王李张刘陈杨黄赵吴周';

const n = (max: number) => 1 + Math.floor(Math.random() * max);

/** What staff type into the search box, with a random value each time: the path and query under /api/v1. */
export const SEARCHES: [label: string, path: (communityId: number) => string][] = [
  ['room label "3-2-1502", company-wide', () => `/households?q=${n(20)}-${n(2)}-${n(25)}${String(n(10)).padStart(2, '0')}`],
  ['room label "3栋2单元1502", one community', (c) => `/communities/${c}/households?q=${encodeURIComponent(`${n(20)}栋${n(2)}单元${n(25)}0${n(9)}`)}`],
  ['bare room "1502", company-wide (800 matches)', () => `/households?q=${n(25)}${String(n(10)).padStart(2, '0')}`],
  ['last 4 phone digits, company-wide', () => `/households?q=${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`],
  ['surname "张", company-wide (thousands of matches)', () => `/households?q=${encodeURIComponent(SURNAMES[Math.floor(Math.random() * SURNAMES.length)])}`],
  ['community list page with role filter', (c) => `/communities/${c}/households?role=owner&offset=${n(100) * 50}`],
];

export async function householdSearch(databaseUrl?: string): Promise<BenchResult> {
  const { ready, child } = await startBenchServer<{ port: number; cookie: string; seedSeconds: number; communityId: number }>('bench/search-server.ts', { BENCH_DATABASE_URL: databaseUrl ?? '' });
  const base = `http://127.0.0.1:${ready.port}/api/v1`;
  const headers = { cookie: `huifang_session=${ready.cookie}` };
  const kinds = SEARCHES.map(([label, path]): [string, () => string] => [label, () => `${base}${path(ready.communityId)}`]);
  for (const [, url] of kinds) for (let i = 0; i < 20; i++) await fetch(url(), { headers }); // warm up
  const rows: string[][] = [];
  const all: number[] = [];
  for (const [label, url] of kinds) {
    const times: number[] = [];
    for (let i = 0; i < PER_KIND; i++) {
      const t = performance.now();
      const res = await fetch(url(), { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${label}: HTTP ${res.status}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    rows.push([label, `${percentile(times, 50).toFixed(1)} ms`, `${percentile(times, 95).toFixed(1)} ms`, `${percentile(times, 99).toFixed(1)} ms`]);
  }
  await stop(child);
  all.sort((a, b) => a - b);
  const p95 = percentile(all, 95);
  rows.push(['all searches', `${percentile(all, 50).toFixed(1)} ms`, `${p95.toFixed(1)} ms`, `${percentile(all, 99).toFixed(1)} ms`]);
  return {
    name: `Household search, 200,000 households in the company (${databaseUrl ? 'PostgreSQL' : 'SQLite'})`,
    target: 'p95 < 50 ms through the API',
    table: [['search', 'p50', 'p95', 'p99'], ...rows],
    verdict: p95 < 50 ? 'met' : 'missed',
    notes: `${PER_KIND} sequential requests per kind over HTTP with a session cookie, 50 results per page with the total; seeding took ${ready.seedSeconds.toFixed(0)} s.`,
  };
}
