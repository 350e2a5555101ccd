/**
 * Key drivers (关键驱动因素), pure: from per-dimension sums (of the dimension's answer x and the overall measure
 * y over the visits that answered both, and of all the dimension's answers for its score) to each dimension's
 * importance (Pearson r), relative importance (squared-correlation shares), performance (the 0–100 dimension
 * score) and its quadrant, split at the mean importance and the mean performance (docs/kpis.md, "Key drivers").
 */
import type { DriverQuadrant, KpiDriver } from '../../shared/schemas/kpis.js';
import type { Question } from '../../shared/schemas/questionnaires.js';
import { isOverall } from '../questionnaires/answer-tally.js';
import { dimensionScore, round1 } from './formulas.js';

/** What the grouped query sums for one dimension. */
export interface DimensionSums {
  dimension: string;
  /** pairs: visits with both x and y */
  n: number;
  sx: number;
  sy: number;
  sxx: number;
  syy: number;
  sxy: number;
  /** the dimension's valid answers (1–5) in all scored visits of the period: their sum and count, and the visits */
  answerSum: number;
  answerCount: number;
  ratedBy: number;
}

/** Pearson's r from the sums; null with fewer than two pairs or when either side does not vary. */
export function pearson(s: Pick<DimensionSums, 'n' | 'sx' | 'sy' | 'sxx' | 'syy' | 'sxy'>): number | null {
  if (s.n < 2) return null;
  const cov = s.n * s.sxy - s.sx * s.sy;
  const vx = s.n * s.sxx - s.sx * s.sx;
  const vy = s.n * s.syy - s.sy * s.sy;
  // Sums of small integers are exact in doubles; a tiny rest of rounding is no variance.
  const eps = 1e-9 * Math.max(1, s.n * s.sxx, s.n * s.syy);
  if (vx <= eps || vy <= eps) return null;
  const r = cov / Math.sqrt(vx * vy);
  return Math.max(-1, Math.min(1, r));
}

/** keep: important and done well; improve (优先改进): important and done less well; maintain / secondary: less important. */
export function quadrantOf(importance: number, performance: number, importanceMean: number, performanceMean: number): DriverQuadrant {
  const important = importance >= importanceMean;
  const good = performance >= performanceMean;
  if (important) return good ? 'keep' : 'improve';
  return good ? 'maintain' : 'secondary';
}

export interface DriverAnalysis {
  importanceMean: number | null;
  performanceMean: number | null;
  dimensions: KpiDriver[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The analysis of a period: importance for the dimensions with at least `minSample` pairs and some variance,
 * shares of max(r, 0)² among them, quadrants split at the means over them (ties count as high). Sorted by
 * importance, highest first; the dimensions without an importance last, by name.
 */
export function analyseDrivers(sums: readonly DimensionSums[], minSample: number): DriverAnalysis {
  const rows = sums.map((s) => {
    const insufficient = s.n < minSample;
    const r = insufficient ? null : pearson(s);
    return { s, insufficient, r, performance: dimensionScore(s.answerSum, s.answerCount) };
  });
  const rated = rows.filter((x): x is typeof x & { r: number; performance: number } => x.r !== null && x.performance !== null);
  const importanceMean = rated.length ? rated.reduce((a, x) => a + x.r, 0) / rated.length : null;
  const performanceMean = rated.length ? rated.reduce((a, x) => a + x.performance, 0) / rated.length : null;
  const squares = rated.reduce((a, x) => a + Math.max(x.r, 0) ** 2, 0);

  const dimensions = rows.map(({ s, insufficient, r, performance }): KpiDriver & { raw: number | null } => {
    const has = r !== null && performance !== null && importanceMean !== null && performanceMean !== null;
    return {
      dimension: s.dimension,
      performance: performance === null ? null : round1(performance),
      ratedBy: s.ratedBy,
      n: s.n,
      importance: has ? round3(r) + 0 : null,
      share: has && squares > 0 ? round1((Math.max(r, 0) ** 2 / squares) * 100) + 0 : null,
      insufficient,
      quadrant: has ? quadrantOf(r, performance, importanceMean, performanceMean) : null,
      raw: has ? r : null,
    };
  });
  dimensions.sort((a, b) => (a.raw === null ? (b.raw === null ? a.dimension.localeCompare(b.dimension, 'zh-CN') : 1) : b.raw === null ? -1 : b.raw - a.raw || a.dimension.localeCompare(b.dimension, 'zh-CN')));
  return {
    importanceMean: importanceMean === null ? null : round3(importanceMean),
    performanceMean: performanceMean === null ? null : round1(performanceMean),
    dimensions: dimensions.map(({ raw: _raw, ...d }) => d),
  };
}

/** What a questionnaire version contributes: the rating keys of each dimension, and the overall question's keys. */
export interface VersionPlan {
  dimensions: Map<string, string[]>;
  overall: string[];
}

export function versionPlan(questions: readonly Question[]): VersionPlan {
  const dimensions = new Map<string, string[]>();
  const overall: string[] = [];
  for (const q of questions) {
    if (q.type !== 'rating') continue;
    if (isOverall(q)) overall.push(q.key);
    else if (q.dimension) dimensions.set(q.dimension, [...(dimensions.get(q.dimension) ?? []), q.key]);
  }
  return { dimensions, overall };
}
