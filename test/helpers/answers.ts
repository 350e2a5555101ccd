/**
 * Valid answers to a questionnaire version, for tests that complete a visit only to reach what follows it (the
 * server refuses a completed visit without its required answers). Free of server code, so the browser flows'
 * API setup uses it too.
 */
import { isAsked } from '../../src/shared/questionnaire-logic.js';
import type { Answers, Question } from '../../src/shared/schemas/questionnaires.js';

/**
 * Answers that complete a questionnaire: every required question that is asked, in order (so a follow-up that an
 * answer brings in is answered too), with the top score, the first option, yes or a short text.
 */
export function answersTo(questions: readonly Question[]): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    if (!q.required || !isAsked(q, answers)) continue;
    const first = q.options?.[0]?.value ?? '';
    answers[q.key] = { rating: 5, nps: 10, single: first, multiple: [first], yesno: true, text: '满意' }[q.type];
  }
  return answers;
}
