/**
 * Visit benchmarks on a company with 100,000 tasks:
 *  - a visitor's task list (today / overdue / upcoming / all, 30,000 of the tasks are theirs): p95 < 30 ms;
 *  - submitting visit records through the API (8 scores, a complaint on every 5th, an Idempotency-Key each),
 *    loaded with autocannon at 10 connections: ≥ 1,000 records/s sustained, p99 < 50 ms on SQLite, ≥ 500/s and
 *    p99 < 100 ms on PostgreSQL. Its floors are measured in the same run, loaded the same way: the same requests
 *    to a bare Fastify route that answers 201, and to a route that writes the record as bare SQL (record, items,
 *    task status, audit entry in one transaction; see visits-server.ts).
 */
import autocannon from 'autocannon';
import { percentile, startBenchServer, stop, type BenchResult } from './lib.js';

const LIST_REQUESTS = 200;
const RECORD_SECONDS = 10;
const FLOOR_SECONDS = 5;

interface Ready {
  port: number;
  cookie: string;
  csrfToken: string;
  taskIds: number[];
  floorTaskIds: number[];
  versionId: number;
  seedSeconds: number;
}

function startServer(databaseUrl?: string) {
  return startBenchServer<Ready>('bench/visits-server.ts', { BENCH_DATABASE_URL: databaseUrl ?? '' });
}

export async function visitBenchmarks(databaseUrl?: string): Promise<BenchResult[]> {
  const db = databaseUrl ? 'PostgreSQL' : 'SQLite';
  const { ready, child } = await startServer(databaseUrl);
  const base = `http://127.0.0.1:${ready.port}/api/v1`;
  const headers = { cookie: `huifang_session=${ready.cookie}` };

  // 1. The visitor's task list.
  const rows: string[][] = [];
  const all: number[] = [];
  for (const view of ['today', 'overdue', 'upcoming', 'all']) {
    for (let i = 0; i < 20; i++) await (await fetch(`${base}/visit-tasks?view=${view}`, { headers })).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < LIST_REQUESTS; i++) {
      const t = performance.now();
      const res = await fetch(`${base}/visit-tasks?view=${view}&offset=${(i % 10) * 50}`, { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`task list ${view}: HTTP ${res.status}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    rows.push([`view=${view}`, `${percentile(times, 50).toFixed(1)} ms`, `${percentile(times, 95).toFixed(1)} ms`, `${percentile(times, 99).toFixed(1)} ms`]);
  }
  all.sort((a, b) => a - b);
  const listP95 = percentile(all, 95);
  rows.push(['all views', `${percentile(all, 50).toFixed(1)} ms`, `${listP95.toFixed(1)} ms`, `${percentile(all, 99).toFixed(1)} ms`]);
  const list: BenchResult = {
    name: `A visitor's task list, 100,000 tasks in the company (${db})`,
    target: 'p95 < 30 ms',
    table: [['request', 'p50', 'p95', 'p99'], ...rows],
    verdict: listP95 < 30 ? 'met' : 'missed',
    notes: `${LIST_REQUESTS} sequential requests per view, 50 tasks per page with the total; the visitor holds 30,000 tasks due over ±60 days.`,
  };

  // 2. Submitting records: the floors first (they use tasks of other visitors), then the API.
  const keys = ['cleaning', 'security', 'greening', 'repairs', 'facilities', 'fees', 'service', 'overall'];
  const now = new Date();
  const body = (i: number) =>
    JSON.stringify({
      questionnaireVersionId: ready.versionId,
      answers: Object.fromEntries(keys.map((k, j) => [k, 3 + ((i + j) % 3)])),
      startedAt: new Date(now.getTime() - 600_000).toISOString(),
      endedAt: now.toISOString(),
      spokenTo: '业主本人',
      opinions: i % 5 === 0 ? '楼道灯坏了' : '',
      items: i % 5 === 0 ? [{ kind: 'complaint', category: '设施设备', description: `${i} 号楼道灯不亮` }] : [],
    });
  let floorNext = 0;
  let sqlNext = 0;
  const cpu = async () => {
    const { user, system } = (await (await fetch(`http://127.0.0.1:${ready.port}/floor/cpu`)).json()) as NodeJS.CpuUsage;
    return user + system;
  };
  const load = async (label: string, path: (taskId: number) => string, taskIds: number[], seconds: number, take: () => number) => {
    const cpuBefore = await cpu();
    const result = await autocannon({
      url: base,
      connections: 10,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const i = take();
            if (i >= taskIds.length) throw new Error(`${label}: ran out of tasks; raise the task counts in visits-server.ts`);
            return {
              ...req,
              path: path(taskIds[i]),
              headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': ready.csrfToken, 'idempotency-key': `bench-${process.pid}-${label}-${i}` },
              body: body(i),
            };
          },
        },
      ],
    });
    const cpuUsed = (await cpu()) - cpuBefore;
    const failed = result.non2xx + result.errors;
    const perSecond = result['2xx'] / seconds;
    const cpuUs = cpuUsed / Math.max(1, result.requests.total);
    return { perSecond, failed, row: [label, perSecond.toFixed(0), `${result.latency.p50} ms`, `${result.latency.p99} ms`, `${result.latency.max} ms`, String(failed), `${(cpuUs / 1000).toFixed(2)} ms`], p99: result.latency.p99 };
  };
  const fastifyFloor = await load('floor: bare Fastify route, 201', (id) => `/floor/fastify/${id}`, ready.floorTaskIds, FLOOR_SECONDS, () => floorNext++ % ready.floorTaskIds.length);
  const sqlFloor = await load('floor: bare SQL of one record', (id) => `/floor/sql/${id}`, ready.floorTaskIds, FLOOR_SECONDS, () => sqlNext++);
  let next = 0;
  const api = await load('POST /visit-tasks/:id/record', (id) => `/api/v1/visit-tasks/${id}/record`, ready.taskIds, RECORD_SECONDS, () => next++);
  await stop(child);
  const [minRate, maxP99] = databaseUrl ? [500, 100] : [1000, 50];
  const submit: BenchResult = {
    name: `Submitting visit records through the API (${db})`,
    target: `≥ ${minRate.toLocaleString('en')} records/s sustained, p99 < ${maxP99} ms`,
    table: [['requests', 'records/s', 'p50', 'p99', 'max', 'failed', 'server CPU per request'], api.row, sqlFloor.row, fastifyFloor.row],
    verdict: api.perSecond >= minRate && api.p99 < maxP99 && api.failed === 0 ? 'met' : 'missed',
    notes: `autocannon, 10 connections for ${RECORD_SECONDS} s (the floors ${FLOOR_SECONDS} s each, measured first in the same run), each request a different task with 8 scores, every 5th with a complaint item, each with its own Idempotency-Key; server and load generator share the 2 cores. Server CPU per request is the server process's CPU time (user + system) over the run divided by the requests sent, less sensitive to a busy machine than the rate. Seeding took ${ready.seedSeconds.toFixed(0)} s.`,
  };
  return [list, submit];
}
