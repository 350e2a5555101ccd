/**
 * Household search under overload, 200,000 households (the search benchmark's server), driven from this
 * process. First without a limit: the floor (one connection, i.e. the service time of one search),
 * then connections doubled until throughput stops growing (where the database saturates), then 200 connections.
 * Then the same 200 connections against a server with HUIFANG_MAX_CONCURRENCY at its default: the searches
 * answered, the 503s, and the requests that took longer than 10 s (autocannon's timeout) in each case.
 * Target: at 200 connections with the limit, no request past 10 s and p99 of the answered searches < 1 s.
 */
import http from 'node:http';
import os from 'node:os';
import autocannon from 'autocannon';
import { loadConfig } from '../src/server/config.js';
import { SEARCHES } from './household-search.js';
import { percentile, startBenchServer, stop, type BenchResult } from './lib.js';

const SWEEP_SECONDS = 5;
const OVERLOAD_SECONDS = 20;
const OVERLOAD_CONNECTIONS = 200;

interface Server {
  port: number;
  cookie: string;
  communityId: number;
  stop: () => Promise<void>;
}

async function startServer(databaseUrl: string | undefined, maxConcurrency: number): Promise<Server> {
  const { ready, child } = await startBenchServer<{ port: number; cookie: string; communityId: number }>('bench/search-server.ts', {
    BENCH_DATABASE_URL: databaseUrl ?? '',
    BENCH_MAX_CONCURRENCY: String(maxConcurrency),
  });
  return { ...ready, stop: () => stop(child) };
}

/** A search as in the search benchmark: room labels, room numbers, phone digits, surnames, a list page. */
function searchPath(communityId: number): string {
  return `/api/v1${SEARCHES[Math.floor(Math.random() * SEARCHES.length)][1](communityId)}`;
}

interface Load {
  connections: number;
  rps: number;
  ok: number[];
  shed: number;
  other: number;
  timeouts: number;
}

async function load(server: Server, connections: number, seconds: number): Promise<Load> {
  const ok: number[] = [];
  let shed = 0;
  let other = 0;
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `http://127.0.0.1:${server.port}`,
        connections,
        duration: seconds,
        timeout: 10,
        headers: { cookie: `huifang_session=${server.cookie}` },
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: searchPath(server.communityId) }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  instance!.on('response', (_client, status, _bytes, time) => {
    if (status === 200) ok.push(time);
    else if (status === 503) shed++;
    else other++;
  });
  const result = await done;
  ok.sort((a, b) => a - b);
  return { connections, rps: (ok.length + shed + other) / seconds, ok, shed, other, timeouts: result.timeouts };
}

/**
 * Clients as a console or an integration behaves: each keeps one connection, sends its next search when the
 * last one is answered, and after a 503 waits the Retry-After it was given. A search unanswered after 10 s
 * is given up (counted past 10 s) and the client carries on.
 */
async function clients(server: Server, connections: number, seconds: number): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const ok: number[] = [];
  let shed = 0;
  let other = 0;
  let timeouts = 0;
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<{ status: number; retryAfter: number }>((resolve) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: searchPath(server.communityId), agent, headers: { cookie: `huifang_session=${server.cookie}` }, timeout: 10_000 },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: Number(res.headers['retry-after'] ?? 0) }));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => resolve({ status: err.message === 'timeout' ? -1 : 0, retryAfter: 0 }));
    });
  const client = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const { status, retryAfter } = await one();
      if (status === 200) ok.push(performance.now() - started);
      else if (status === 503) {
        shed++;
        await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      } else if (status === -1) timeouts++;
      else other++;
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  agent.destroy();
  ok.sort((a, b) => a - b);
  return { connections, rps: (ok.length + shed + other) / seconds, ok, shed, other, timeouts };
}

const fmt = (v: number) => (Number.isNaN(v) ? '—' : `${v.toFixed(0)} ms`);
const row = (label: string, l: Load) => [
  label,
  String(l.connections),
  (l.ok.length / (l.connections === OVERLOAD_CONNECTIONS ? OVERLOAD_SECONDS : SWEEP_SECONDS)).toFixed(0),
  fmt(percentile(l.ok, 50)),
  fmt(percentile(l.ok, 99)),
  String(l.shed),
  String(l.timeouts),
];

export async function loadShedding(databaseUrl?: string): Promise<BenchResult> {
  const limit = loadConfig({ DATABASE_URL: databaseUrl }).maxConcurrency;
  const loadAverage = os.loadavg().map((v) => v.toFixed(2)).join(', ');
  const unlimited = await startServer(databaseUrl, 10_000);
  await load(unlimited, 8, 3); // warm up
  const floor = await load(unlimited, 1, SWEEP_SECONDS);
  const sweep: Load[] = [floor];
  for (let c = 2; c <= 64; c *= 2) {
    const l = await load(unlimited, c, SWEEP_SECONDS);
    sweep.push(l);
    const best = Math.max(...sweep.map((s) => s.ok.length));
    if (l.ok.length < best * 1.05 && sweep.length >= 4) break; // a doubling that adds under 5% is saturation
  }
  const peak = sweep.reduce((a, b) => (b.ok.length > a.ok.length ? b : a));
  const saturation = sweep.find((s) => s.ok.length >= peak.ok.length * 0.95)!;
  const overloaded = await clients(unlimited, OVERLOAD_CONNECTIONS, OVERLOAD_SECONDS);
  await unlimited.stop();

  const limited = await startServer(databaseUrl, limit);
  await load(limited, 8, 3);
  const shedding = await clients(limited, OVERLOAD_CONNECTIONS, OVERLOAD_SECONDS);
  await limited.stop();
  const errors = [...sweep, overloaded, shedding].reduce((n, l) => n + l.other, 0);
  if (errors > 0) throw new Error(`${errors} responses other than 200 and 503 during the load-shedding benchmark`);

  const p99 = percentile(shedding.ok, 99);
  const database = databaseUrl ? 'PostgreSQL' : 'SQLite';
  return {
    name: `Household search under overload: load shedding at ${OVERLOAD_CONNECTIONS} connections (${database})`,
    target: `at ${OVERLOAD_CONNECTIONS} connections with the limit: no request past 10 s, p99 of answered searches < 1 s`,
    table: [
      ['run', 'connections', 'searches/s', 'p50', 'p99', '503', 'past 10 s'],
      row('floor: one connection, no limit', floor),
      ...sweep.slice(1).map((l) => row('no limit', l)),
      row('no limit', overloaded),
      row(`HUIFANG_MAX_CONCURRENCY=${limit}`, shedding),
    ],
    verdict: shedding.timeouts === 0 && p99 < 1000 ? 'met' : 'missed',
    notes:
      `Saturation: throughput stops growing at about ${saturation.connections} concurrent search${saturation.connections === 1 ? '' : 'es'} ` +
      `(${(saturation.ok.length / SWEEP_SECONDS).toFixed(0)} searches/s, the best of the doubling rows; a doubling that adds under 5% ends them), ` +
      `beside the floor measured in the same run: ${fmt(percentile(floor.ok, 50))} per search at one connection (${(floor.ok.length / SWEEP_SECONDS).toFixed(0)}/s). ` +
      `At ${OVERLOAD_CONNECTIONS} connections without a limit: p99 ${fmt(percentile(overloaded.ok, 99))}, ${overloaded.timeouts} past 10 s; ` +
      `with HUIFANG_MAX_CONCURRENCY=${limit}: p99 ${fmt(percentile(shedding.ok, 99))}, ${shedding.timeouts} past 10 s, ${shedding.shed} answered 503. ` +
      `Searches are mixed as in the search benchmark, with a session cookie. The floor and the doubling rows are autocannon runs of ${SWEEP_SECONDS} s; ` +
      `the ${OVERLOAD_CONNECTIONS}-connection rows are ${OVERLOAD_SECONDS} s of ${OVERLOAD_CONNECTIONS} clients in this process that each send the next search when the last is answered and wait the Retry-After after a 503. ` +
      `The load generator shares the 2 cores with the server${databaseUrl ? ' and PostgreSQL' : ''}, and so does whatever else runs on the machine: ` +
      `load average when the benchmark started ${loadAverage}, at its end ${os.loadavg().map((v) => v.toFixed(2)).join(', ')}. p50/p99 are of the answered (200) searches.`,
  };
}
