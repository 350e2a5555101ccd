/**
 * The KPI formulas, pure: a rate with its status against a target, the mean and the 90th percentile, the
 * satisfaction figures from a visit's answers (满意率, dimension scores, the weighted index, NPS) and the
 * working days between two days. The queries count; these decide what the counts mean (docs/kpis.md).
 */
import type { Locale } from '../../shared/schemas/common.js';
import type { KpiFigure, KpiKey, KpiReason, KpiStatus, KpiTargets } from '../../shared/schemas/kpis.js';
import type { Answers, Question } from '../../shared/schemas/questionnaires.js';
import { KPI_REASONS, KPI_TEXTS } from './kpi-texts.js';
import { answerTally, type AnswerTally } from '../questionnaires/answer-tally.js';

/** Below this many rows a figure is flagged as a small sample. */
export const SMALL_SAMPLE = 30;

export const round1 = (x: number) => Math.round(x * 10) / 10;

/** met at or above the target, near within `margin` points under it, missed further under. */
export function statusOf(value: number | null, target: number | null, margin: number): KpiStatus | null {
  if (value === null || target === null) return null;
  if (value >= target) return 'met';
  return value >= target - margin ? 'near' : 'missed';
}

export interface FigureInput {
  key: KpiKey;
  dimension?: string | null;
  unit: KpiFigure['unit'];
  /** the value before rounding, or null when it cannot be computed */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number;
  target?: number | null;
  reason: KpiReason;
  drillDown?: KpiFigure['drillDown'];
}

export function figure(input: FigureInput, locale: Locale, margin: number): KpiFigure {
  const value = input.value === null || !Number.isFinite(input.value) ? null : round1(input.value);
  const target = input.target ?? null;
  return {
    key: input.key,
    dimension: input.dimension ?? null,
    label: input.dimension ? `${KPI_TEXTS[input.key].label[locale]} · ${input.dimension}` : KPI_TEXTS[input.key].label[locale],
    unit: input.unit,
    value,
    numerator: input.numerator,
    denominator: input.denominator,
    n: input.n,
    smallSample: input.n < SMALL_SAMPLE,
    target,
    status: statusOf(value, target, margin),
    reason: value === null ? input.reason : null,
    reasonText: value === null ? KPI_REASONS[input.reason][locale] : null,
    formula: KPI_TEXTS[input.key].formula[locale],
    drillDown: input.drillDown ?? [],
  };
}

/** numerator ÷ denominator × 100, or null when the denominator is 0. */
export const percent = (numerator: number, denominator: number) => (denominator > 0 ? (numerator / denominator) * 100 : null);

export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** The nearest-rank 90th percentile: the smallest value that at least 90% of the values do not exceed. */
export function p90(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1];
}

/** Working days after `fromDay` up to and including `toDay` (the start day does not count, as for deadlines). */
export function workingDaysBetween(isWorkingDay: (day: number) => boolean, fromDay: number, toDay: number): number {
  let count = 0;
  for (let d = fromDay + 1; d <= toDay; d++) if (isWorkingDay(d)) count++;
  return count;
}

/** What the satisfaction figures are computed from, summed over many visits. */
export interface SatisfactionTally {
  /** rating answers of 4 or 5, and valid rating answers (1–5) */
  satisfied: number;
  valid: number;
  /** visits with at least one valid rating answer */
  records: number;
  /** per dimension: the sum and count of valid answers, those of 4 or 5, and the visits that gave one */
  dimensions: Map<string, { sum: number; count: number; satisfied: number; records: number }>;
  /** recommend (NPS, 0–10) answers */
  promoters: number;
  detractors: number;
  npsAnswers: number;
}

export const emptyTally = (): SatisfactionTally => ({ satisfied: 0, valid: 0, records: 0, dimensions: new Map(), promoters: 0, detractors: 0, npsAnswers: 0 });

/** Adds one visit's answers (their tally by questionnaires/answer-tally.ts, the one definition). */
export function tallyAnswers(tally: SatisfactionTally, questions: readonly Question[], answers: Answers): void {
  addTally(tally, answerTally(questions, answers));
}

/** Adds one visit's tally, as computed when it was answered or kept in its record's columns. */
export function addTally(tally: SatisfactionTally, t: Pick<AnswerTally, 'rated' | 'satisfied' | 'npsAnswers' | 'promoters' | 'detractors' | 'dimensions'>): void {
  tally.valid += t.rated;
  tally.satisfied += t.satisfied;
  if (t.rated > 0) tally.records++;
  tally.npsAnswers += t.npsAnswers;
  tally.promoters += t.promoters;
  tally.detractors += t.detractors;
  addDimensions(tally, t.dimensions);
}

/**
 * Adds one visit's dimension tallies ([sum, count, satisfied, …] per dimension; the visit counts once in each
 * dimension it answered; a dimension it was asked and did not answer adds nothing).
 */
export function addDimensions(tally: SatisfactionTally, dimensions: Record<string, readonly [number, number, number, ...number[]]>): void {
  for (const [name, [sum, count, satisfied]] of Object.entries(dimensions)) {
    if (count === 0) continue;
    const d = tally.dimensions.get(name) ?? { sum: 0, count: 0, satisfied: 0, records: 0 };
    d.sum += sum;
    d.count += count;
    d.satisfied += satisfied;
    d.records++;
    tally.dimensions.set(name, d);
  }
}

/** A dimension's 0–100 score from its mean on the 1–5 scale. */
export const dimensionScore = (sum: number, count: number) => (count > 0 ? ((sum / count - 1) / (5 - 1)) * 100 : null);

/** The weighted mean of the dimension scores that have answers; a dimension without a weight weighs 1. */
export function satisfactionIndex(tally: SatisfactionTally, weights: KpiTargets['dimensionWeights']): number | null {
  let total = 0;
  let weight = 0;
  for (const [dimension, d] of tally.dimensions) {
    const score = dimensionScore(d.sum, d.count);
    if (score === null) continue;
    const w = weights[dimension] ?? 1;
    total += w * score;
    weight += w;
  }
  return weight > 0 ? total / weight : null;
}

/** % promoters (9–10) − % detractors (0–6). */
export const nps = (t: SatisfactionTally) => (t.npsAnswers > 0 ? ((t.promoters - t.detractors) / t.npsAnswers) * 100 : null);
