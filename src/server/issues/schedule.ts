/** When the escalation sweep must next look at an issue after a change made by staff. */
import type { IssueSettings } from '../../shared/schemas/issues.js';
import type { WorkCalendar } from '../calendar/working-days.js';
import { now, nowIso } from '../clock.js';
import { planSweep } from './deadline-plan.js';

export interface ScheduleState {
  status: string;
  raised_at: string;
  reply_due_at: string | null;
  resolve_due_at: string | null;
  replied_at: string | null;
  escalation_level: number;
  notices: number;
}

export function nextCheck(calendar: WorkCalendar, settings: IssueSettings, s: ScheduleState): string | null {
  const plan = planSweep(
    calendar,
    settings,
    { status: s.status, raisedAt: s.raised_at, replyDueAt: s.reply_due_at, resolveDueAt: s.resolve_due_at, repliedAt: s.replied_at, escalationLevel: s.escalation_level, notices: s.notices },
    now(),
  );
  return plan.due.length ? nowIso() : plan.checkAt;
}
