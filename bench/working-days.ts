/**
 * Working-day deadlines (DESIGN.md §5): how many `calendar.deadline(raisedAt, days)` computations a
 * WorkCalendar with a company's overrides answers per second, for raise instants spread over 2025–2026 given
 * as epoch-ms numbers and as ISO strings, with days in {0, 1, 3, 5, 10}; beside it the floor (the
 * working-day walk alone, on day numbers) and the cost of building a WorkCalendar.
 * Target: ≥ 500,000 deadlines/s for both kinds of input.
 */
import { performance } from 'node:perf_hooks';
import { shanghaiIso } from '../src/shared/shanghai.js';
import { percentile, type BenchResult } from './lib.js';

const INSTANTS = 10_000;
const DAYS = [0, 1, 3, 5, 10];
const WARMUP_MS = 500;
const ROUNDS = 5;
const ROUND_MS = 500;
const BUILDS = 30;
const TARGET = 500_000;

const OVERRIDES = [
  { date: '2025-09-21', kind: 'workday' },
  { date: '2025-09-24', kind: 'holiday' },
  { date: '2025-10-10', kind: 'rest_day' },
  { date: '2026-03-01', kind: 'workday' },
  { date: '2026-06-22', kind: 'holiday' },
  { date: '2026-12-31', kind: 'rest_day' },
] as const;

/** Deterministic pseudo-random instants over 2025-01-01 00:00 … 2026-12-31 24:00 Shanghai time, at any time of day. */
function instants(): { ms: number[]; iso: string[] } {
  const start = Date.parse('2025-01-01T00:00:00+08:00');
  const span = Date.parse('2027-01-01T00:00:00+08:00') - start;
  let seed = 0x2025_1001;
  const ms: number[] = [];
  for (let i = 0; i < INSTANTS; i++) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    ms.push(start + Math.floor((seed / 2 ** 32) * span));
  }
  // Half in UTC ("…Z"), half with the Shanghai offset ("…+08:00"), as clients send them.
  const iso = ms.map((t, i) => (i % 2 ? new Date(t).toISOString() : shanghaiIso(new Date(t).toISOString())));
  return { ms, iso };
}

/** Runs `batch` (one pass over the inputs, returning how many computations it made) repeatedly for `forMs`. */
function timed(batch: () => number, forMs: number): number {
  let n = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    n += batch();
    elapsed = performance.now() - started;
  } while (elapsed < forMs);
  return (n / elapsed) * 1000;
}

function rates(batch: () => number): number[] {
  timed(batch, WARMUP_MS);
  const out: number[] = [];
  for (let r = 0; r < ROUNDS; r++) out.push(timed(batch, ROUND_MS));
  return out.sort((a, b) => a - b);
}

const fmt = (perSecond: number) => Math.round(perSecond).toLocaleString('en-US');

export async function workingDays(): Promise<BenchResult> {
  const loadStarted = performance.now();
  const { WorkCalendar } = await import('../src/server/calendar/working-days.js');
  const { shanghaiDay } = await import('../src/shared/shanghai.js');
  const loadMs = performance.now() - loadStarted;

  // Building a calendar: the first one (cold), then BUILDS more.
  let t = performance.now();
  const calendar = new WorkCalendar([...OVERRIDES]);
  const firstBuildMs = performance.now() - t;
  const builds: number[] = [];
  for (let i = 0; i < BUILDS; i++) {
    t = performance.now();
    new WorkCalendar([...OVERRIDES]);
    builds.push(performance.now() - t);
  }
  builds.sort((a, b) => a - b);

  // Sanity: the DESIGN.md example, and the overrides are in force.
  if (new WorkCalendar().deadline('2025-09-30T17:00:00+08:00', 3) !== '2025-10-11T23:59:59.999+08:00') throw new Error('wrong deadline for the DESIGN.md example');
  if (calendar.deadline('2025-09-30T17:00:00+08:00', 3) !== '2025-10-13T23:59:59.999+08:00') throw new Error('rest-day override on 2025-10-10 not applied');

  const { ms, iso } = instants();
  const days = ms.map((_, i) => DAYS[(i * 7 + (i >> 3)) % DAYS.length]);
  const dayNumbers = ms.map((m) => shanghaiDay(m));
  for (let i = 0; i < 100; i++) {
    if (calendar.deadline(ms[i], days[i]) !== calendar.deadline(iso[i], days[i])) throw new Error(`numeric and ISO inputs disagree for ${iso[i]}`);
  }

  // Every result is folded into `sink` so that no computation can be optimised away.
  let sink = 0;
  const numeric = rates(() => {
    for (let i = 0; i < INSTANTS; i++) sink += calendar.deadline(ms[i], days[i]).length;
    return INSTANTS;
  });
  const strings = rates(() => {
    for (let i = 0; i < INSTANTS; i++) sink += calendar.deadline(iso[i], days[i]).length;
    return INSTANTS;
  });
  const walk = rates(() => {
    for (let i = 0; i < INSTANTS; i++) sink += calendar.addWorkingDays(dayNumbers[i], days[i]);
    return INSTANTS;
  });
  if (sink === 0) throw new Error('nothing computed');

  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];
  const row = (label: string, xs: number[]) => [label, fmt(median(xs)), fmt(xs[0]), fmt(xs[xs.length - 1]), `${(1e9 / median(xs)).toFixed(0)} ns`];
  const met = median(numeric) >= TARGET && median(strings) >= TARGET;
  return {
    name: 'Working-day deadlines (WorkCalendar.deadline)',
    target: `≥ ${TARGET.toLocaleString('en-US')} deadlines/s (epoch-ms and ISO-string input)`,
    table: [
      ['input', 'deadlines/s (median)', 'slowest round', 'fastest round', 'per deadline'],
      row('epoch-ms number', numeric),
      row('ISO string (half "Z", half "+08:00")', strings),
      row('floor: addWorkingDays on day numbers', walk),
      ['building a WorkCalendar (6 overrides)', `${percentile(builds, 50).toFixed(2)} ms median`, `${builds[builds.length - 1].toFixed(2)} ms max`, `${firstBuildMs.toFixed(2)} ms first`, ''],
    ],
    verdict: met ? 'met' : 'missed',
    notes:
      `${INSTANTS.toLocaleString('en-US')} pseudo-random raise instants over 2025–2026 (any time of day), days cycling through {${DAYS.join(', ')}}; ` +
      `${WARMUP_MS} ms warm-up, then ${ROUNDS} rounds of ${ROUND_MS} ms per input kind, in one process. ` +
      `Deadline strings come from a per-day cache, so after warm-up formatting is a Map lookup. ` +
      `Building a calendar fills a 97-year working-day table (2004–2100); ${BUILDS} builds after the first. ` +
      `Loading the module (JSON of the official notices and the official table) took ${loadMs.toFixed(0)} ms.`,
  };
}
