/**
 * Which questions the visit form shows and sends, using the show-if rule shared with the server (which
 * refuses answers to questions that were not asked).
 */
import { isAsked } from '../../../shared/questionnaire-logic';
import type { Answers, Question } from '../../../shared/schemas/questionnaires';

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
