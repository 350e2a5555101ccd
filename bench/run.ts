/**
 * `npm run bench [-- name …]`: runs the benchmarks (all, or the named ones) and records their figures in
 * docs/benchmarks.json, from which docs/benchmarks.md is written; each result keeps the time and machine it
 * was measured on, so a partial run updates only its own sections. BENCH_DATABASE_URL adds the PostgreSQL
 * variants. Benchmarks measure; they do not pass or fail a build.
 */
import fs from 'node:fs';
import { authOverhead } from './auth-overhead.js';
import { coldStart } from './cold-start.js';
import { consoleLoad } from './console-load.js';
import { growth } from './growth.js';
import { householdSearch } from './household-search.js';
import { issueSweep } from './issue-sweep.js';
import { kpiBenchmark } from './kpis.js';
import { loadShedding } from './load-shedding.js';
import { machine, type BenchResult } from './lib.js';
import { recordExport } from './record-export.js';
import { rosterImport } from './roster-import.js';
import { visitBenchmarks } from './visits.js';
import { workingDays } from './working-days.js';

const pgUrl = process.env.BENCH_DATABASE_URL;
// `--render` rewrites docs/benchmarks.md from the stored figures without running anything.
const renderOnly = process.argv.includes('--render');
const only = process.argv.slice(2).filter((a) => a !== '--render');
const STORE = 'docs/benchmarks.json';

const BENCHMARKS: Record<string, () => Promise<BenchResult | BenchResult[]>> = {
  'cold-start': coldStart,
  'console-load': consoleLoad,
  'auth-overhead-sqlite': () => authOverhead(),
  ...(pgUrl ? { 'auth-overhead-postgres': () => authOverhead(pgUrl) } : {}),
  'household-search-sqlite': () => householdSearch(),
  ...(pgUrl ? { 'household-search-postgres': () => householdSearch(pgUrl) } : {}),
  'load-shedding-sqlite': () => loadShedding(),
  ...(pgUrl ? { 'load-shedding-postgres': () => loadShedding(pgUrl) } : {}),
  'visits-sqlite': () => visitBenchmarks(),
  ...(pgUrl ? { 'visits-postgres': () => visitBenchmarks(pgUrl) } : {}),
  'record-export-sqlite': () => recordExport(),
  ...(pgUrl ? { 'record-export-postgres': () => recordExport(pgUrl) } : {}),
  'roster-import-sqlite': () => rosterImport(),
  ...(pgUrl ? { 'roster-import-postgres': () => rosterImport(pgUrl) } : {}),
  'working-days': workingDays,
  'issue-sweep-sqlite': () => issueSweep(),
  ...(pgUrl ? { 'issue-sweep-postgres': () => issueSweep(pgUrl) } : {}),
  'kpis-sqlite': () => kpiBenchmark(),
  ...(pgUrl ? { 'kpis-postgres': () => kpiBenchmark(pgUrl) } : {}),
  'growth-sqlite': () => growth(),
  ...(pgUrl ? { 'growth-postgres': () => growth(pgUrl) } : {}),
};

interface Stored extends BenchResult {
  key: string;
  measuredAt: string;
  machine: string;
}

const unknown = only.filter((k) => !(k in BENCHMARKS));
if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
const stored: Stored[] = fs.existsSync(STORE) ? (JSON.parse(fs.readFileSync(STORE, 'utf8')) as Stored[]) : [];
for (const [key, run] of Object.entries(BENCHMARKS)) {
  if (renderOnly || (only.length && !only.includes(key))) continue;
  process.stdout.write(`running ${key}…\n`);
  const results = [await run()].flat();
  const measuredAt = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  for (const [i, r] of results.entries()) {
    process.stdout.write(`${render(r)}\n`);
    const entry: Stored = { ...r, key: `${key}#${i}`, measuredAt, machine: machine() };
    const index = stored.findIndex((s) => s.key === entry.key);
    if (index >= 0) stored[index] = entry;
    else stored.push(entry);
  }
}
const order = Object.keys(BENCHMARKS);
stored.sort((a, b) => order.indexOf(a.key.split('#')[0]) - order.indexOf(b.key.split('#')[0]) || a.key.localeCompare(b.key));
fs.writeFileSync(STORE, `${JSON.stringify(stored, null, 2)}\n`);
fs.writeFileSync('docs/benchmarks.md', document(stored));

function render(r: BenchResult, measured?: string): string {
  const [head, ...rows] = r.table;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `### ${r.name}`,
    '',
    `Target: ${r.target} — **${r.verdict === 'met' ? 'met' : r.verdict === 'missed' ? 'missed' : 'measured'}**`,
    ...(measured ? ['', measured] : []),
    '',
    line(head),
    line(head.map(() => '---')),
    ...rows.map(line),
    ...(r.notes ? ['', r.notes] : []),
    '',
  ].join('\n');
}

function document(rs: Stored[]): string {
  const machines = [...new Set(rs.map((r) => r.machine))];
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (all benchmarks) or `npm run bench -- <name> …` (some of them) from',
    '`docs/benchmarks.json`; set `BENCH_DATABASE_URL=postgres://…` to include PostgreSQL. Do not edit by hand.',
    '',
    `Machine${machines.length > 1 ? 's' : ''}: ${machines.join('; ')}.`,
    '',
    ...rs.map((r) => render(r, `Measured ${r.measuredAt}.`)),
  ].join('\n');
}
