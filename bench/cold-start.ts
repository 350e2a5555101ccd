/**
 * Cold start: from launching `node dist/server/main.js` to the first healthy response, on SQLite, and the idle
 * RSS one second later. "First start" begins with an empty data folder (migrations and the administrator are
 * created); "restart" reuses the folder. The floor, measured in the same run and started the same way, is a bare
 * Fastify process with one health route. Targets: restart < 1.5 s, idle RSS < 100 MB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, ms, percentile, spawnNode, stop, waitForHealth, type BenchResult } from './lib.js';

const RUNS = 5;
const FLOOR = `import Fastify from 'fastify';
const app = Fastify();
app.get('/api/v1/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

/** Resident set size of a process in MB (Linux), NaN elsewhere. */
function rssMb(pid: number | undefined): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

async function once(args: string[], env: NodeJS.ProcessEnv): Promise<{ time: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnNode(args, { ...process.env, ...env, PORT: String(port) });
  child.stdout?.resume();
  await waitForHealth(port);
  const time = performance.now() - started;
  await new Promise((r) => setTimeout(r, 1000));
  const rss = rssMb(child.pid);
  await stop(child);
  return { time, rss };
}

const server = (dataDir: string) =>
  once(['dist/server/main.js'], { HOST: '127.0.0.1', HUIFANG_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', HUIFANG_DEMO: '' });

export async function coldStart(): Promise<BenchResult> {
  if (!fs.existsSync('dist/server/main.js')) throw new Error('build the server first (npm run build:server)');
  const first: { time: number; rss: number }[] = [];
  const restart: { time: number; rss: number }[] = [];
  const floor: { time: number; rss: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-cold-'));
    first.push(await server(dir));
    restart.push(await server(dir));
    fs.rmSync(dir, { recursive: true, force: true });
    floor.push(await once(['--input-type=module', '-e', FLOOR], {}));
  }
  const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  const mb = (v: number) => `${v.toFixed(0)} MB`;
  const row = (label: string, xs: { time: number; rss: number }[]) => {
    const t = xs.map((x) => x.time).sort((a, b) => a - b);
    return [label, ms(percentile(t, 50)), ms(t[t.length - 1]), ms(t[0]), mb(median(xs.map((x) => x.rss)))];
  };
  const restartTime = median(restart.map((x) => x.time));
  const restartRss = median(restart.map((x) => x.rss));
  const floorTime = median(floor.map((x) => x.time));
  const floorRss = median(floor.map((x) => x.rss));
  return {
    name: 'Cold start to first healthy response (SQLite)',
    target: 'restart < 1.5 s, idle RSS < 100 MB',
    table: [
      ['start', 'median', 'max', 'min', 'idle RSS (median)'],
      row(`first start, empty data folder (${RUNS} runs)`, first),
      row(`restart, existing database (${RUNS} runs)`, restart),
      row(`floor: bare Fastify, one route (${RUNS} runs)`, floor),
    ],
    verdict: restartTime < 1500 && restartRss < 100 ? 'met' : 'missed',
    notes: `Restart ${(restartTime / floorTime).toFixed(1)}× the floor's time and ${(restartRss / floorRss).toFixed(1)}× its idle RSS.`,
  };
}
