import SQLite from 'better-sqlite3';
import { startBenchServer } from './lib.js';
import type { Captured } from './growth-server.js';
const file = process.argv[2];
const { ready, child } = await startBenchServer<any>('bench/growth-server.ts', { GROWTH_SQLITE_FILE: file, BENCH_DATABASE_URL: '' });
const sqlite = new SQLite(file);
const control = async (what: string) => (await (await fetch(`http://127.0.0.1:${ready.controlPort}/capture/${what}`, { method: 'POST' })).json()) as Captured[];
const paths = process.argv.slice(3);
for (const p0 of paths) {
  const p = p0.replace('CID', String(ready.communityId));
  await control('start');
  let t = performance.now();
  const res = await fetch(`http://127.0.0.1:${ready.port}/api/v1${p}`, { headers: { cookie: `huifang_session=${ready.cookies.manager}` } });
  await res.text();
  const first = performance.now() - t;
  const sts = (await control('stop')).filter((s) => /^\s*(select|with)\b/i.test(s.sql) && !/\bsessions\b/.test(s.sql));
  t = performance.now();
  await (await fetch(`http://127.0.0.1:${ready.port}/api/v1${p}`, { headers: { cookie: `huifang_session=${ready.cookies.manager}` } })).text();
  console.log(`\n== ${p} status ${res.status} first ${first.toFixed(0)} ms second ${(performance.now() - t).toFixed(0)} ms, ${sts.length} statements`);
  const agg = new Map<string, { ms: number; n: number }>();
  for (const s of sts) {
    const t0 = performance.now();
    sqlite.prepare(s.sql).all(s.params);
    const d = performance.now() - t0;
    const k = s.sql.slice(0, 260);
    const a = agg.get(k) ?? { ms: 0, n: 0 };
    a.ms += d; a.n++; agg.set(k, a);
  }
  for (const [k, a] of [...agg].sort((x, y) => y[1].ms - x[1].ms).slice(0, 8)) console.log(`${a.ms.toFixed(0).padStart(6)} ms x${a.n}  ${k}`);
}
child.kill();
sqlite.close();
