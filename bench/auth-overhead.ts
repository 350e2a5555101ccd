/**
 * The cost of the session + validation layer: GET /api/v1/communities as a supervisor scoped to
 * 40 of 200 communities, against a bare route in the same server reading the same rows. Both are loaded
 * alternately with autocannon from this process while the server runs in its own process.
 * Target: the layer costs < 30% of the bare route's throughput.
 */
import autocannon from 'autocannon';
import { startBenchServer, stop, type BenchResult } from './lib.js';

const DURATION_S = 8;
const CONNECTIONS = 10;
const ROUNDS = 2;

function load(url: string, headers: Record<string, string>) {
  return autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1 });
}

export async function authOverhead(databaseUrl?: string): Promise<BenchResult> {
  const { ready, child } = await startBenchServer<{ port: number; cookie: string }>('bench/overhead-server.ts', { BENCH_DATABASE_URL: databaseUrl ?? '' });
  const base = `http://127.0.0.1:${ready.port}`;
  const scopedHeaders = { cookie: `huifang_session=${ready.cookie}` };
  // Warm up both paths (JIT, statement caches).
  await autocannon({ url: `${base}/bench/bare/communities`, duration: 2, connections: CONNECTIONS });
  await autocannon({ url: `${base}/api/v1/communities?limit=50`, headers: scopedHeaders, duration: 2, connections: CONNECTIONS });

  const bare: autocannon.Result[] = [];
  const scoped: autocannon.Result[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bare.push(await load(`${base}/bench/bare/communities`, {}));
    scoped.push(await load(`${base}/api/v1/communities?limit=50`, scopedHeaders));
  }
  await stop(child);
  const errors = [...bare, ...scoped].reduce((n, r) => n + r.errors + r.non2xx, 0);
  if (errors > 0) throw new Error(`${errors} failed requests during the overhead benchmark`);
  const mean = (rs: autocannon.Result[], f: (r: autocannon.Result) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
  const bareRps = mean(bare, (r) => r.requests.average);
  const scopedRps = mean(scoped, (r) => r.requests.average);
  const cost = 1 - scopedRps / bareRps;
  const row = (label: string, rs: autocannon.Result[]) => [
    label,
    mean(rs, (r) => r.requests.average).toFixed(0),
    `${mean(rs, (r) => r.latency.p50).toFixed(2)} ms`,
    `${mean(rs, (r) => r.latency.p99).toFixed(2)} ms`,
  ];
  return {
    name: `Session + scope + validation layer vs bare route (${databaseUrl ? 'PostgreSQL' : 'SQLite'})`,
    target: 'layer costs < 30% of the bare route throughput',
    table: [
      ['route', 'req/s', 'p50', 'p99'],
      row('bare: same use case and query, no session or schema', bare),
      row('GET /api/v1/communities as scoped supervisor', scoped),
      ['cost of the layer', `${(cost * 100).toFixed(1)}%`, '', ''],
    ],
    verdict: cost < 0.3 ? 'met' : 'missed',
    notes: `${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_S} s each; the load generator shares the 2 cores with the server.`,
  };
}
