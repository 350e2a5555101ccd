/**
 * Cold start: from launching `node dist/server/main.js` to the first healthy response, on SQLite.
 * "First start" begins with an empty data folder (migrations and the administrator are created);
 * "restart" reuses the folder. Target: < 2 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, ms, percentile, spawnNode, stop, waitForHealth, type BenchResult } from './lib.js';

const RUNS = 5;

async function once(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnNode(['dist/server/main.js'], { ...process.env, PORT: String(port), HOST: '127.0.0.1', HUIFANG_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', HUIFANG_DEMO: '' });
  child.stdout?.resume();
  await waitForHealth(port);
  const elapsed = performance.now() - started;
  await stop(child);
  return elapsed;
}

export async function coldStart(): Promise<BenchResult> {
  if (!fs.existsSync('dist/server/main.js')) throw new Error('build the server first (npm run build:server)');
  const first: number[] = [];
  const restart: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-cold-'));
    first.push(await once(dir));
    restart.push(await once(dir));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const row = (label: string, xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return [label, ms(percentile(s, 50)), ms(s[s.length - 1]), ms(s[0])];
  };
  const worst = Math.max(...first, ...restart);
  return {
    name: 'Cold start to first healthy response (SQLite)',
    target: '< 2 s',
    table: [['start', 'median', 'max', 'min'], row(`first start, empty data folder (${RUNS} runs)`, first), row(`restart, existing database (${RUNS} runs)`, restart)],
    verdict: worst < 2000 ? 'met' : 'missed',
  };
}
