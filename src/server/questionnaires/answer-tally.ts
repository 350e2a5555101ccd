/**
 * What one visit's answers give the satisfaction figures, by the one definition docs/kpis.md writes down: valid
 * rating answers are numbers 1–5 (null, "n/a" and unanswered are not), satisfied ones 4 or 5; valid recommend
 * answers are numbers 0–10, promoters 9–10 and detractors 0–6; only questions of the version the visit was
 * answered in count. A record keeps its tally in its own columns when it is written (visit_records.sat_*), so
 * that the figures of a period are sums in SQL; kpis/formulas.ts adds tallies up.
 */
import type { Answers, Question } from '../../shared/schemas/questionnaires.js';

export interface AnswerTally {
  /** valid rating answers, and those of 4 or 5 */
  rated: number;
  satisfied: number;
  /** recommend answers, promoters and detractors among them */
  npsAnswers: number;
  promoters: number;
  detractors: number;
  /** per service dimension: [sum, count, satisfied] of its valid rating answers */
  dimensions: Record<string, [number, number, number]>;
}

export function answerTally(questions: readonly Question[], answers: Answers): AnswerTally {
  const t: AnswerTally = { rated: 0, satisfied: 0, npsAnswers: 0, promoters: 0, detractors: 0, dimensions: {} };
  for (const q of questions) {
    const v = answers[q.key];
    if (typeof v !== 'number') continue;
    if (q.type === 'rating' && v >= 1 && v <= 5) {
      t.rated++;
      if (v >= 4) t.satisfied++;
      if (q.dimension) {
        const d = (t.dimensions[q.dimension] ??= [0, 0, 0]);
        d[0] += v;
        d[1]++;
        if (v >= 4) d[2]++;
      }
    } else if (q.type === 'nps' && v >= 0 && v <= 10) {
      t.npsAnswers++;
      if (v >= 9) t.promoters++;
      else if (v <= 6) t.detractors++;
    }
  }
  return t;
}

/** The columns of visit_records that keep a record's tally (null for a visit without a questionnaire). */
export function tallyColumns(questions: readonly Question[] | null, answers: Answers) {
  if (!questions) return { sat_rated: null, sat_satisfied: null, nps_answers: null, nps_promoters: null, nps_detractors: null, sat_dimensions: null };
  const t = answerTally(questions, answers);
  return {
    sat_rated: t.rated,
    sat_satisfied: t.satisfied,
    nps_answers: t.npsAnswers,
    nps_promoters: t.promoters,
    nps_detractors: t.detractors,
    sat_dimensions: JSON.stringify(t.dimensions),
  };
}
