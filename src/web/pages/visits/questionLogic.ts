/**
 * Show-if logic of a questionnaire in the browser, so follow-up questions appear while answering. Mirrors
 * the server's rule (an unanswered or "不清楚" answer never triggers a follow-up) because the server refuses
 * answers to questions that were not asked.
 */
import { NOT_APPLICABLE, type Answers, type Question } from '../../../shared/schemas/questionnaires';

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

/** The questions asked given the answers so far; a follow-up may depend on an earlier follow-up. */
export function askedQuestions(questions: Question[], answers: Answers): Question[] {
  const asked: Question[] = [];
  const effective: Answers = {};
  for (const q of questions) {
    if (!isAsked(q, effective)) continue;
    asked.push(q);
    if (answers[q.key] !== undefined) effective[q.key] = answers[q.key];
  }
  return asked;
}

/** Only the non-empty answers to asked questions: what the server accepts. */
export function submittedAnswers(questions: Question[], answers: Answers): Answers {
  const result: Answers = {};
  for (const q of askedQuestions(questions, answers)) {
    const v = answers[q.key];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    result[q.key] = typeof v === 'string' ? v.trim() : v;
  }
  return result;
}
