/**
 * Deadlines of an issue and what the escalation sweep owes it. Pure: a calendar, the company's settings
 * and the issue's state in; deadlines, due notices and the next time to look out.
 *
 * - Reply deadline: oral replies within `oralReplyDays` working days (0 = the same working day), written
 *   ones within `writtenReplyDays`; resolution within the category's working days. Praise has none.
 * - Reminders go out at the start of the working day `reminderLeadDays` before a deadline's last day.
 * - When the reply deadline passes unanswered, the handler and department head are told once.
 * - When the resolution deadline passes the issue goes up one level (1 department head, 2 community
 *   supervisor, 3 management), and one more every `escalationStepDays` working days after that.
 * A sweep that runs late, or an issue entered after the fact, catches up: every notice whose time has come is
 * due at once, each only once, and the levels reached together make one escalation to the highest of them.
 */
import type { IssueSettings } from '../../shared/schemas/issues.js';
import { isOpenStatus } from './issue-status.js';
import { type WorkCalendar } from '../calendar/working-days.js';
import { endOfDayIso, shanghaiDay, startOfDayMs } from '../../shared/shanghai.js';

export const NOTICE_BITS = { reply_reminder: 1, reply_overdue: 2, resolve_reminder: 4 } as const;
export const TOP_LEVEL = 3;

/** An escalation names the level reached and the level it started from: catching up reaches several at once. */
export type Notice = { type: 'reply_reminder' | 'reply_overdue' | 'resolve_reminder'; dueAt: string } | { type: 'escalate'; level: number; from: number; dueAt: string };

export interface DeadlineInput {
  kind: string;
  replyMode: string;
  raisedAt: string;
  resolveDays: number;
  /** When the resolution period starts: when the issue was raised, or when it was last reopened. */
  resolveFrom?: string;
}

export interface Deadline {
  /** UTC ISO instant of 24:00 of the period's last day (see `shanghaiIso` for how it is shown) */
  dueAt: string;
  days: number;
  /** The period crosses a year whose holiday notice is not known yet: it may move when the notice is entered. */
  provisional: boolean;
}

/** The end of a period of `days` working days starting at an instant. */
export function periodEnd(calendar: WorkCalendar, from: string, days: number): Deadline {
  const start = shanghaiDay(from);
  const last = calendar.addWorkingDays(start, days);
  return { dueAt: utc(endOfDayIso(last)), days, provisional: calendar.isProvisional(start, last) };
}

/** The reply and resolution deadlines of an issue; praise has none. */
export function computeDeadlines(calendar: WorkCalendar, settings: IssueSettings, input: DeadlineInput): { reply: Deadline | null; resolve: Deadline | null } {
  if (input.kind === 'praise') return { reply: null, resolve: null };
  const replyDays = input.replyMode === 'oral' ? settings.oralReplyDays : settings.writtenReplyDays;
  return {
    reply: periodEnd(calendar, input.raisedAt, replyDays),
    resolve: periodEnd(calendar, input.resolveFrom ?? input.raisedAt, input.resolveDays),
  };
}

/** The issue columns that hold a reply deadline. */
export function replyColumns(d: Deadline | null) {
  return { reply_due_at: d?.dueAt ?? null, reply_days: d?.days ?? null, reply_due_provisional: d?.provisional ? 1 : 0 };
}

/** The issue columns that hold a resolution deadline. */
export function resolveColumns(d: Deadline | null) {
  return { resolve_due_at: d?.dueAt ?? null, resolve_days: d?.days ?? null, resolve_due_provisional: d?.provisional ? 1 : 0 };
}

export interface SweepState {
  status: string;
  raisedAt: string;
  replyDueAt: string | null;
  resolveDueAt: string | null;
  repliedAt: string | null;
  escalationLevel: number;
  notices: number;
}

export interface SweepPlan {
  due: Notice[];
  escalationLevel: number;
  notices: number;
  /** UTC ISO instant of the next notice, or null when none is pending */
  checkAt: string | null;
}


/** The instant a reminder for a deadline goes out, or null when it would come before the issue existed. */
export function reminderAt(calendar: WorkCalendar, settings: IssueSettings, dueAt: string, raisedAt: string): number | null {
  const day = calendar.workingDaysBefore(shanghaiDay(dueAt), settings.reminderLeadDays);
  const at = startOfDayMs(day);
  return at > Date.parse(raisedAt) ? at : null;
}

/** The instant level `level` (1…3) of escalation is reached for a resolution deadline. */
export function escalationAt(calendar: WorkCalendar, settings: IssueSettings, resolveDueAt: string, level: number): number {
  const day = calendar.addWorkingDays(shanghaiDay(resolveDueAt), (level - 1) * settings.escalationStepDays);
  return Date.parse(endOfDayIso(day)) + 1;
}

export function planSweep(calendar: WorkCalendar, settings: IssueSettings, s: SweepState, now: number): SweepPlan {
  const plan: SweepPlan = { due: [], escalationLevel: s.escalationLevel, notices: s.notices, checkAt: null };
  if (!isOpenStatus(s.status)) return plan;
  let next = Infinity;
  const consider = (at: number | null, fire: () => void) => {
    if (at === null) return;
    if (at <= now) fire();
    else next = Math.min(next, at);
  };
  const flag = (type: keyof typeof NOTICE_BITS, dueAt: string) => () => {
    plan.notices |= NOTICE_BITS[type];
    plan.due.push({ type, dueAt });
  };

  if (s.replyDueAt && !s.repliedAt) {
    if (!(s.notices & NOTICE_BITS.reply_reminder)) consider(reminderAt(calendar, settings, s.replyDueAt, s.raisedAt), flag('reply_reminder', s.replyDueAt));
    if (!(s.notices & NOTICE_BITS.reply_overdue)) consider(Date.parse(s.replyDueAt) + 1, flag('reply_overdue', s.replyDueAt));
  }
  if (s.resolveDueAt) {
    const dueAt = s.resolveDueAt;
    if (!(s.notices & NOTICE_BITS.resolve_reminder) && s.escalationLevel === 0) consider(reminderAt(calendar, settings, dueAt, s.raisedAt), flag('resolve_reminder', dueAt));
    for (let level = s.escalationLevel + 1; level <= TOP_LEVEL; level++) {
      const at = escalationAt(calendar, settings, dueAt, level);
      if (at > now) {
        next = Math.min(next, at);
        break;
      }
      plan.escalationLevel = level;
    }
    if (plan.escalationLevel > s.escalationLevel) plan.due.push({ type: 'escalate', level: plan.escalationLevel, from: s.escalationLevel, dueAt });
  }
  // A reminder that is due together with the overdue notice or escalation it warns of is pointless.
  if (plan.due.some((n) => n.type === 'escalate')) plan.due = plan.due.filter((n) => n.type !== 'resolve_reminder');
  if (plan.due.some((n) => n.type === 'reply_overdue')) plan.due = plan.due.filter((n) => n.type !== 'reply_reminder');
  plan.checkAt = Number.isFinite(next) ? new Date(next).toISOString() : null;
  return plan;
}

export type DueStateValue = 'on_time' | 'due_soon' | 'overdue' | 'met' | 'met_late';

/** How a deadline stands now: met (on time or late), or still open (on time, due soon, overdue). */
export function dueState(calendar: WorkCalendar, settings: IssueSettings, dueAt: string | null, metAt: string | null, open: boolean, raisedAt: string, now: number): DueStateValue | null {
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  if (metAt) return Date.parse(metAt) <= due ? 'met' : 'met_late';
  if (!open) return null;
  if (now > due) return 'overdue';
  const remind = reminderAt(calendar, settings, dueAt, raisedAt);
  return now >= (remind ?? Date.parse(raisedAt)) ? 'due_soon' : 'on_time';
}

function utc(offsetIso: string): string {
  return new Date(offsetIso).toISOString();
}
