/**
 * Checks answers against a questionnaire version: every answer must belong to a question that was asked
 * (show-if logic decides), fit its type and range, and every asked required question must be answered.
 * Pure; returns field errors instead of throwing so callers can report all of them at once.
 */
import { isAsked, NOT_APPLICABLE } from '../../shared/questionnaire-logic.js';
import type { Answers, Question } from '../../shared/schemas/questionnaires.js';

export interface AnswerError {
  path: string;
  code: 'required' | 'unknown_question' | 'not_asked' | 'wrong_type' | 'out_of_range' | 'invalid_option' | 'not_applicable_not_allowed';
  params?: Record<string, unknown>;
}

type Value = Answers[string];

const isNotApplicable = (v: Value) => v === null || v === NOT_APPLICABLE;
const isEmpty = (v: Value | undefined) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function checkValue(q: Question, v: Value): AnswerError['code'] | null {
  if (isNotApplicable(v)) return q.type === 'rating' && q.allowNotApplicable ? null : 'not_applicable_not_allowed';
  const options = new Set((q.options ?? []).map((o) => o.value));
  switch (q.type) {
    case 'rating':
      if (typeof v !== 'number' || !Number.isInteger(v)) return 'wrong_type';
      return v >= 1 && v <= 5 ? null : 'out_of_range';
    case 'nps':
      if (typeof v !== 'number' || !Number.isInteger(v)) return 'wrong_type';
      return v >= 0 && v <= 10 ? null : 'out_of_range';
    case 'single':
      if (typeof v !== 'string') return 'wrong_type';
      return options.has(v) ? null : 'invalid_option';
    case 'multiple':
      if (!Array.isArray(v)) return 'wrong_type';
      return v.every((x) => options.has(x)) && new Set(v).size === v.length ? null : 'invalid_option';
    case 'yesno':
      return typeof v === 'boolean' ? null : 'wrong_type';
    case 'text':
      if (typeof v !== 'string') return 'wrong_type';
      return v.length <= 5000 ? null : 'out_of_range';
  }
}

export function validateAnswers(questions: Question[], answers: Answers): AnswerError[] {
  const errors: AnswerError[] = [];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key)) errors.push({ path: `answers.${key}`, code: 'unknown_question', params: { key } });
  }
  for (const q of questions) {
    const v = answers[q.key];
    const asked = isAsked(q, answers);
    if (!asked) {
      if (!isEmpty(v)) errors.push({ path: `answers.${q.key}`, code: 'not_asked', params: { key: q.key } });
      continue;
    }
    if (isEmpty(v)) {
      if (q.required) errors.push({ path: `answers.${q.key}`, code: 'required' });
      continue;
    }
    const code = checkValue(q, v!);
    if (code) errors.push({ path: `answers.${q.key}`, code, params: { type: q.type } });
  }
  return errors;
}

/** Mean of the valid 1–5 rating answers (not applicable and unanswered excluded); null when there are none. */
export function averageScore(questions: Question[], answers: Answers): number | null {
  const scores = questions
    .filter((q) => q.type === 'rating')
    .map((q) => answers[q.key])
    .filter((v): v is number => typeof v === 'number');
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
}
