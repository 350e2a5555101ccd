/**
 * Visits that follow an issue: the confirmation visit (复访) once it is resolved — "is it really solved?" —
 * and, for complaints, the visit within a month after resolution that the regulations ask for. Both go to
 * the visitor of the original visit when that account is still active, else to the community supervisor.
 * A confirmation visit left pending when the issue closes or reopens another way is cancelled.
 */
import type { IssueSettings } from '../../shared/schemas/issues.js';
import type { WorkCalendar } from '../calendar/working-days.js';
import type { Ctx } from '../context.js';
import { now, nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { enqueue } from '../notifications/outbox.js';
import { cancelIssueTasks, countedDue, type CountedDue, insertTasks } from '../visits/insert-tasks.js';
import { issueRef, Recipients } from './notify.js';
import { shanghaiDay } from '../../shared/shanghai.js';
import { inCompany } from '../scope.js';

export interface FollowedIssue {
  id: number;
  company_id: number;
  community_id: number;
  household_id: number | null;
  resident_id: number | null;
  record_id: number | null;
  department_id: number | null;
  description: string;
  category_name: string;
}

async function visitorFor(trx: Db, ctx: Ctx, issue: FollowedIssue): Promise<number | null> {
  if (issue.record_id) {
    const visitor = await inCompany(trx, ctx, 'visit_records as r')
      .innerJoin('users as u', 'u.id', 'r.visitor_id')
      .select('u.id')
      .where('r.id', '=', issue.record_id)
      .where('u.status', '=', 'active')
      .executeTakeFirst();
    if (visitor) return visitor.id;
  }
  const community = await inCompany(trx, ctx, 'communities').select('supervisor_id').where('id', '=', issue.community_id).executeTakeFirst();
  return community?.supervisor_id ?? null;
}

async function createTask(trx: Db, ctx: Ctx, issue: FollowedIssue, reason: 'confirmation' | 'after_complaint', due: CountedDue): Promise<number | null> {
  if (!issue.household_id) return null;
  const assigneeId = await visitorFor(trx, ctx, issue);
  const now = nowIso();
  const [id] = await insertTasks(trx, [
    {
      company_id: issue.company_id,
      community_id: issue.community_id,
      household_id: issue.household_id,
      resident_id: issue.resident_id,
      reason,
      method: 'phone',
      assignee_id: assigneeId,
      ...due,
      appointment_at: null,
      status: 'pending',
      attempt_count: 0,
      questionnaire_id: null,
      note: `#${issue.id} ${issue.category_name}：${issue.description}`.slice(0, 500),
      issue_id: issue.id,
      cancel_reason: null,
      created_by: ctx.userId,
      created_at: now,
      updated_at: now,
    },
  ]);
  if (assigneeId && assigneeId !== ctx.userId && reason === 'confirmation') {
    const ref = issueRef({ ...issue, assignee_id: assigneeId });
    const recipients = new Recipients();
    await recipients.load(trx, [ref]);
    await enqueue(trx, recipients.messages('confirmation_task', ref, [assigneeId]));
  }
  return id;
}

/** The confirmation visit, due within the configured working days. */
export async function createConfirmationTask(trx: Db, ctx: Ctx, calendar: WorkCalendar, settings: IssueSettings, issue: FollowedIssue): Promise<number | null> {
  return createTask(trx, ctx, issue, 'confirmation', countedDue(calendar, shanghaiDay(now()), settings.confirmationDays));
}

/**
 * The complainant's follow-up visit (regulation: within one month after the complaint is resolved): due the
 * configured number of calendar days after resolution or closing, moved to the next working day when that is
 * a day off, and never in the past. 0 days: none.
 */
export async function createComplainantFollowUp(
  trx: Db,
  ctx: Ctx,
  calendar: WorkCalendar,
  settings: IssueSettings,
  issue: FollowedIssue & { resolved_at: string },
): Promise<number | null> {
  if (settings.complainantFollowUpDays <= 0) return null;
  const start = settings.complainantFollowUpFrom === 'closed' ? now() : issue.resolved_at;
  const day = Math.max(shanghaiDay(start) + settings.complainantFollowUpDays, shanghaiDay(now()));
  return createTask(trx, ctx, issue, 'after_complaint', countedDue(calendar, day, 0));
}

/** Cancels the issue's confirmation visits still to be made; returns their ids. */
export function cancelConfirmationTasks(trx: Db, issueId: number, event: string): Promise<number[]> {
  return cancelIssueTasks(trx, issueId, 'confirmation', event === 'reopen' ? '问题已重新打开' : '问题已关闭，无需复访');
}
