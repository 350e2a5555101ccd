/**
 * What one visit's answers give the satisfaction figures, by the one definition docs/kpis.md writes down: valid
 * rating answers are numbers 1–5 (null, "n/a" and unanswered are not), satisfied ones 4 or 5; valid recommend
 * answers are numbers 0–10, promoters 9–10 and detractors 0–6; only questions of the version the visit was
 * answered in count. It also gives the key drivers what they need of the visit (docs/kpis.md, "Key drivers"):
 * the overall measure y (the mean valid answer of the version's overall question, else the visit's mean rating)
 * and, per service dimension, the valid answers of its questions other than the overall one (x is their mean).
 * A record keeps its tally in its own columns when it is written (visit_records.sat_*), so that the figures of
 * a period are sums in SQL; kpis/formulas.ts adds tallies up.
 */
import type { Answers, Question } from '../../shared/schemas/questionnaires.js';
import { averageScore } from './validate-answers.js';

/**
 * One dimension of one visit: [sum, count, satisfied] of its valid rating answers (all of them, for the
 * dimension score), then [sum, count] of those of its questions that are not the overall question (the drivers'
 * x), then 1 when the version asks the dimension in a question other than the overall one (it is a driver,
 * answered or not), else 0. A dimension the version asks has an entry even when it was not answered.
 */
export type DimensionTally = [sum: number, count: number, satisfied: number, driverSum: number, driverCount: number, driver: 0 | 1];

export interface AnswerTally {
  /** valid rating answers, and those of 4 or 5 */
  rated: number;
  satisfied: number;
  /** recommend answers, promoters and detractors among them */
  npsAnswers: number;
  promoters: number;
  detractors: number;
  dimensions: Record<string, DimensionTally>;
}

/** A rating question is the overall measure when its key is `overall` or its dimension is 总体 / 整体 / overall. */
const OVERALL_DIMENSIONS = new Set(['总体', '整体', 'overall']);
export const isOverall = (q: Pick<Question, 'key' | 'type' | 'dimension'>) =>
  q.type === 'rating' && (q.key === 'overall' || (!!q.dimension && OVERALL_DIMENSIONS.has(q.dimension.trim().toLowerCase())));

export function answerTally(questions: readonly Question[], answers: Answers): AnswerTally {
  const t: AnswerTally = { rated: 0, satisfied: 0, npsAnswers: 0, promoters: 0, detractors: 0, dimensions: {} };
  for (const q of questions) {
    const v = answers[q.key];
    const valid = typeof v === 'number';
    if (q.type === 'rating') {
      const overall = isOverall(q);
      const d = q.dimension ? (t.dimensions[q.dimension] ??= [0, 0, 0, 0, 0, 0]) : null;
      if (d && !overall) d[5] = 1;
      if (!valid || v < 1 || v > 5) continue;
      t.rated++;
      if (v >= 4) t.satisfied++;
      if (!d) continue;
      d[0] += v;
      d[1]++;
      if (v >= 4) d[2]++;
      if (!overall) {
        d[3] += v;
        d[4]++;
      }
    } else if (q.type === 'nps' && valid && v >= 0 && v <= 10) {
      t.npsAnswers++;
      if (v >= 9) t.promoters++;
      else if (v <= 6) t.detractors++;
    }
  }
  return t;
}

/**
 * The overall measure y of a visit for the key drivers: with an overall question in the version, the mean of
 * its valid answers (null when unanswered) and `item` 1; without one, the visit's mean rating and `item` 0.
 */
export function overallMeasure(questions: readonly Question[], answers: Answers): { y: number | null; item: 0 | 1 } {
  const overall = questions.filter(isOverall);
  if (!overall.length) return { y: averageScore([...questions], answers), item: 0 };
  const valid = overall.map((q) => answers[q.key]).filter((v): v is number => typeof v === 'number' && v >= 1 && v <= 5);
  return { y: valid.length ? valid.reduce((a, b) => a + b, 0) / valid.length : null, item: 1 };
}

/** The columns of visit_records that keep a record's tally (null for a visit without a questionnaire). */
export function tallyColumns(questions: readonly Question[] | null, answers: Answers) {
  if (!questions) {
    return { sat_rated: null, sat_satisfied: null, nps_answers: null, nps_promoters: null, nps_detractors: null, sat_dimensions: null, sat_overall: null, sat_overall_item: null };
  }
  const t = answerTally(questions, answers);
  const { y, item } = overallMeasure(questions, answers);
  return {
    sat_rated: t.rated,
    sat_satisfied: t.satisfied,
    nps_answers: t.npsAnswers,
    nps_promoters: t.promoters,
    nps_detractors: t.detractors,
    sat_dimensions: JSON.stringify(t.dimensions),
    sat_overall: y,
    sat_overall_item: item,
  };
}
