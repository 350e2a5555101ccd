import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/shared/schemas/questionnaires.js';
import { DEFAULT_QUESTIONNAIRE } from '../../src/server/questionnaires/default-template.js';
import { isAsked } from '../../src/shared/questionnaire-logic.js';
import { averageScore, validateAnswers } from '../../src/server/questionnaires/validate-answers.js';
import { nextStatus, statusAfterAttempt, TASK_TRANSITIONS } from '../../src/server/visits/task-status.js';
import { addDays, shanghaiDate } from '../../src/shared/shanghai.js';

const questions: Question[] = [
  { key: 'cleaning', type: 'rating', title: '保洁', required: true, dimension: '保洁', allowNotApplicable: true },
  { key: 'cleaning_issue', type: 'text', title: '哪里不满意', required: true, showIf: { question: 'cleaning', op: 'lte', value: 2 } },
  { key: 'security', type: 'rating', title: '安保', required: false, dimension: '安保' },
  { key: 'nps', type: 'nps', title: '推荐', required: false },
  { key: 'needs', type: 'multiple', title: '需求', required: false, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
  { key: 'agree', type: 'yesno', title: '同意', required: false },
];

describe('answers against a questionnaire version', () => {
  it('accepts a complete, fitting set of answers', () => {
    expect(validateAnswers(questions, { cleaning: 4, security: 5, nps: 9, needs: ['a'], agree: true })).toEqual([]);
  });

  it('reports missing required, out of range, wrong type, unknown and invalid options, each with its path', () => {
    const errors = validateAnswers(questions, { security: 6, nps: '9', needs: ['c'], agree: 'yes', mystery: 1 });
    expect(errors.map((e) => `${e.path}:${e.code}`).sort()).toEqual(
      ['answers.agree:wrong_type', 'answers.cleaning:required', 'answers.mystery:unknown_question', 'answers.needs:invalid_option', 'answers.nps:wrong_type', 'answers.security:out_of_range'].sort(),
    );
  });

  it('asks "what was wrong?" only when the score is 2 or less', () => {
    expect(isAsked(questions[1], { cleaning: 2 })).toBe(true);
    expect(isAsked(questions[1], { cleaning: 3 })).toBe(false);
    expect(validateAnswers(questions, { cleaning: 1 }).map((e) => e.code)).toEqual(['required']);
    expect(validateAnswers(questions, { cleaning: 5, cleaning_issue: '脏' }).map((e) => e.code)).toEqual(['not_asked']);
  });

  it('allows "not applicable" only where the question says so, and leaves it out of the average', () => {
    expect(validateAnswers(questions, { cleaning: 'n/a' })).toEqual([]);
    expect(validateAnswers(questions, { cleaning: 3, security: null }).map((e) => e.code)).toEqual(['not_applicable_not_allowed']);
    expect(averageScore(questions, { cleaning: 'n/a', security: 4 })).toBe(4);
    expect(averageScore(questions, { cleaning: 3, security: 4 })).toBe(3.5);
    expect(averageScore(questions, {})).toBeNull();
  });

  it('the default template rates all seven service dimensions and validates its own sample', () => {
    const dims = DEFAULT_QUESTIONNAIRE.questions.filter((q) => q.type === 'rating' && q.dimension).map((q) => q.dimension);
    expect(dims).toEqual(['保洁', '安保', '绿化', '维修', '设施设备', '收费', '客服']);
    const answers = Object.fromEntries(DEFAULT_QUESTIONNAIRE.questions.filter((q) => q.type === 'rating').map((q) => [q.key, 4]));
    expect(validateAnswers(DEFAULT_QUESTIONNAIRE.questions, answers)).toEqual([]);
  });
});

describe('task status machine', () => {
  it('refuses illegal transitions and lists the allowed ones', () => {
    expect(nextStatus('pending', 'appoint')).toBe('appointed');
    expect(() => nextStatus('completed', 'cancel')).toThrow(expect.objectContaining({ code: 'task_transition_invalid', extra: { allowed: [] } }));
    expect(Object.keys(TASK_TRANSITIONS.pending)).toContain('cancel');
  });

  it('turns a refusal into refused and the third failed attempt into unreachable', () => {
    expect(statusAfterAttempt('pending', 'no_answer', 1, 3)).toBe('pending');
    expect(statusAfterAttempt('appointed', 'busy', 2, 3)).toBe('appointed');
    expect(statusAfterAttempt('pending', 'not_home', 3, 3)).toBe('unreachable');
    expect(statusAfterAttempt('pending', 'refused', 1, 3)).toBe('refused');
  });
});

describe('Asia/Shanghai dates', () => {
  it('uses the Shanghai calendar date whatever the server time zone', () => {
    expect(shanghaiDate('2025-09-30T16:30:00Z')).toBe('2025-10-01');
    expect(shanghaiDate('2025-09-30T15:59:59Z')).toBe('2025-09-30');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});
