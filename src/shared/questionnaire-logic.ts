/**
 * Show-if logic of a questionnaire, one copy for the server (which refuses answers to questions that were
 * not asked) and the console (which shows follow-up questions while answering). Free of zod on purpose.
 */
import type { Answers, Question } from './schemas/questionnaires.js';

/** The answer meaning "不清楚 / not applicable". */
export const NOT_APPLICABLE = 'n/a';

/** Whether a question is asked, given the answers so far; an unanswered or "不清楚" answer triggers nothing. */
export function isAsked(question: Question, answers: Answers): boolean {
  const rule = question.showIf;
  if (!rule) return true;
  const v = answers[rule.question];
  if (v === undefined || v === null || v === NOT_APPLICABLE) return false;
  switch (rule.op) {
    case 'lte':
      return typeof v === 'number' && typeof rule.value === 'number' && v <= rule.value;
    case 'gte':
      return typeof v === 'number' && typeof rule.value === 'number' && v >= rule.value;
    case 'eq':
      return v === rule.value;
    case 'in':
      return Array.isArray(rule.value) && rule.value.some((x) => (Array.isArray(v) ? v.includes(String(x)) : v === x));
  }
}
