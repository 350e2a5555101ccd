import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/server/calendar/working-days.js';
import { computeDeadlines, dueState, planSweep, type SweepState } from '../../src/server/issues/deadline-plan.js';
import { DEFAULT_ISSUE_SETTINGS } from '../../src/server/issues/defaults.js';
import { allowedEvents, ISSUE_TRANSITIONS, nextIssueStatus } from '../../src/server/issues/issue-status.js';
import { AppError } from '../../src/server/http/errors.js';
import { formatDeadline, shanghaiIso } from '../../src/shared/shanghai.js';

const calendar = new WorkCalendar();
const settings = DEFAULT_ISSUE_SETTINGS;
const problem = { kind: 'problem' as const, adoption: null };

describe('issue status machine', () => {
  it('a new problem can be started, resolved or withdrawn, but not confirmed or adopted', () => {
    expect(allowedEvents({ ...problem, status: 'new' }).sort()).toEqual(['resolve', 'start', 'withdraw']);
  });

  it('a resolved issue is confirmed (closed) or reopened; closed, withdrawn and not adopted are final', () => {
    expect(nextIssueStatus({ ...problem, status: 'resolved' }, 'confirm')).toBe('closed');
    expect(nextIssueStatus({ ...problem, status: 'resolved' }, 'reopen')).toBe('reopened');
    for (const status of ['closed', 'withdrawn', 'not_adopted'] as const) expect(ISSUE_TRANSITIONS[status]).toEqual({});
  });

  it('an illegal transition is refused with the allowed events listed', () => {
    try {
      nextIssueStatus({ ...problem, status: 'new' }, 'confirm');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('issue_transition_invalid');
      expect((err as AppError).extra.allowed?.sort()).toEqual(['resolve', 'start', 'withdraw']);
    }
  });

  it('a suggestion is decided once and implemented only after adoption; praise is only acknowledged', () => {
    expect(allowedEvents({ kind: 'suggestion', adoption: 'pending', status: 'new' }).sort()).toEqual(['adopt', 'reject', 'start', 'withdraw']);
    expect(allowedEvents({ kind: 'suggestion', adoption: 'adopted', status: 'in_progress' }).sort()).toEqual(['resolve', 'withdraw']);
    expect(allowedEvents({ kind: 'praise', adoption: null, status: 'new' }).sort()).toEqual(['acknowledge', 'withdraw']);
  });
});

describe('issue deadlines and the sweep plan', () => {
  const raisedAt = '2025-09-30T09:00:00.000Z'; // 17:00 in Shanghai
  const { reply, resolve } = computeDeadlines(calendar, settings, { kind: 'complaint', replyMode: 'written', raisedAt, resolveDays: 5 });
  const deadlines = { replyDueAt: reply!.dueAt, resolveDueAt: resolve!.dueAt };
  const state: SweepState = { status: 'assigned', raisedAt, ...deadlines, repliedAt: null, escalationLevel: 0, notices: 0 };

  it('written reply within 3 working days and resolution within 5, shown in Shanghai time; praise has none', () => {
    expect(shanghaiIso(deadlines.replyDueAt)).toBe('2025-10-11T23:59:59.999+08:00');
    expect(shanghaiIso(deadlines.resolveDueAt)).toBe('2025-10-14T23:59:59.999+08:00');
    expect(formatDeadline(deadlines.replyDueAt!)).toBe('2025-10-11 24:00');
    expect(computeDeadlines(calendar, settings, { kind: 'praise', replyMode: 'oral', raisedAt, resolveDays: 5 })).toEqual({ reply: null, resolve: null });
    expect(reply).toMatchObject({ days: 3, provisional: false });
    expect(resolve).toMatchObject({ days: 5, provisional: false });
  });

  it('nothing is due before the reminder; the sweep is next needed at the start of the day before the reply deadline', () => {
    const plan = planSweep(calendar, settings, state, Date.parse('2025-10-01T00:00:00+08:00'));
    expect(plan.due).toEqual([]);
    // 1 working day before 10-11 (a make-up Saturday) is Friday 10-10.
    expect(plan.checkAt).toBe(new Date('2025-10-10T00:00:00+08:00').toISOString());
  });

  it('after a long outage the levels reached together make one escalation to the highest, once, with the next check cleared', () => {
    const plan = planSweep(calendar, settings, state, Date.parse('2025-11-30T00:00:00+08:00'));
    // The reminders that come together with what they warn of are left out.
    expect(plan.due.map((n) => (n.type === 'escalate' ? `escalate:${n.from}→${n.level}` : n.type))).toEqual(['reply_overdue', 'escalate:0→3']);
    expect(plan.escalationLevel).toBe(3);
    expect(plan.checkAt).toBeNull();
    const again = planSweep(calendar, settings, { ...state, escalationLevel: plan.escalationLevel, notices: plan.notices }, Date.parse('2025-11-30T00:00:00+08:00'));
    expect(again.due).toEqual([]);
  });

  it('level 2 comes one working day after level 1: the resolution deadline 10-14 escalates on 10-15 and again on 10-16', () => {
    const level1 = planSweep(calendar, settings, { ...state, repliedAt: raisedAt }, Date.parse('2025-10-15T00:00:00.001+08:00'));
    expect(level1.due.map((n) => n.type)).toEqual(['escalate']);
    expect(level1.checkAt).toBe(new Date('2025-10-16T00:00:00.000+08:00').toISOString());
  });

  it('a resolved or closed issue needs nothing more', () => {
    expect(planSweep(calendar, settings, { ...state, status: 'resolved' }, Date.parse('2026-01-01T00:00:00Z'))).toMatchObject({ due: [], checkAt: null });
  });

  it('due states: on time, due soon from the reminder day, overdue after 24:00 of the last day, met or met late', () => {
    const now = (iso: string) => Date.parse(iso);
    const due = deadlines.replyDueAt;
    expect(dueState(calendar, settings, due, null, true, raisedAt, now('2025-10-09T12:00:00+08:00'))).toBe('on_time');
    expect(dueState(calendar, settings, due, null, true, raisedAt, now('2025-10-10T12:00:00+08:00'))).toBe('due_soon');
    expect(dueState(calendar, settings, due, null, true, raisedAt, now('2025-10-12T00:00:00+08:00'))).toBe('overdue');
    expect(dueState(calendar, settings, due, '2025-10-11T15:00:00Z', true, raisedAt, now('2025-10-20T00:00:00+08:00'))).toBe('met');
    expect(dueState(calendar, settings, due, '2025-10-11T16:00:00Z', true, raisedAt, now('2025-10-20T00:00:00+08:00'))).toBe('met_late');
  });
});
