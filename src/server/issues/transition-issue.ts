/**
 * Moving an issue along its status machine: start, resolve (with the resolution and photos), the resident's
 * confirmation or "not solved" in the confirmation visit (which reopens it with a fresh resolution deadline and
 * counts the reopening), a supervisor closing a resolved issue without confirmation (with a reason, counted
 * apart) or reopening it, closing as 未能确认 when the confirmation visit cannot reach the resident, adopting or
 * not adopting a suggestion, acknowledging praise, withdrawing. Each change is on the timeline; resolving
 * schedules the confirmation visit; closing a complaint schedules the complainant's follow-up visit; a
 * confirmation visit still pending when the issue leaves "resolved" another way is cancelled.
 *
 * Whoever works on an issue nobody was assigned to (starts, resolves, decides on it) becomes its handler.
 */
import type { Updateable } from 'kysely';
import type { Issue, IssueEventName, TransitionBody } from '../../shared/schemas/issues.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import { can, requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import type { IssuesTable } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { enqueue } from '../notifications/outbox.js';
import { linkAttachments } from './create-issue.js';
import { NOTICE_BITS, periodEnd, resolveColumns } from './deadline-plan.js';
import { cancelConfirmationTasks, createComplainantFollowUp, createConfirmationTask } from './follow-up-tasks.js';
import { callerEvents, findIssue, getIssue, type IssueRow } from './queries.js';
import { nextIssueStatus, NOT_BY_CALLERS, SUPERVISOR_EVENTS } from './issue-status.js';
import { issueRef, Recipients } from './notify.js';
import { nextCheck } from './schedule.js';
import { loadSettings } from './settings.js';
import { actor, addTimeline } from './timeline.js';
import { scopedUpdate } from '../scope.js';

/** Events that need a comment: the resolution, or the reason. */
const COMMENTED: ReadonlySet<IssueEventName> = new Set(['resolve', 'reopen', 'reject', 'withdraw', 'close', 'close_unconfirmed']);
/** Events by which whoever acts on an unassigned issue takes it. */
const TAKING: ReadonlySet<IssueEventName> = new Set(['start', 'resolve', 'adopt', 'reject']);

export async function transitionIssue(db: Db, ctx: Ctx, id: number, input: TransitionBody): Promise<Issue> {
  requirePermission(ctx, 'issues.handle', 'issues.manage', 'issues.create');
  const row = await findIssue(db, ctx, id);
  // The status machine speaks first, so an impossible event is answered with the allowed ones.
  nextIssueStatus({ status: row.status, kind: row.kind, adoption: row.adoption }, input.event);
  if (!callerEvents(ctx, row).includes(input.event)) {
    if (input.event === 'confirm') throw new AppError('issue_confirmed_by_resident', 403);
    if (NOT_BY_CALLERS.has(input.event)) throw new AppError('issue_event_system', 403, { event: input.event });
    if (SUPERVISOR_EVENTS.has(input.event) && row.status === 'resolved') {
      if (!can(ctx, 'issues.manage')) throw new AppError('issue_supervisor_only', 403, { event: input.event });
      throw new AppError('issue_own_resolution', 403);
    }
    throw new AppError('issue_not_yours', 403);
  }
  await db.transaction().execute((trx) => applyIssueEvent(trx, ctx, row, input));
  return getIssue(db, ctx, id);
}

export interface EventSource {
  /** The visit record the event came from (the confirmation visit). */
  recordId?: number;
  /** The system decided (no person on the timeline), e.g. closing as 未能确认. */
  system?: boolean;
  /** Extra facts for the timeline. */
  data?: Record<string, unknown>;
}

/**
 * Applies one event, inside the caller's transaction. Also used by a confirmation visit, whose visitor acts
 * on the issue through the task rather than through issue permissions, and by the system.
 */
export async function applyIssueEvent(trx: Db, ctx: Ctx, row: IssueRow, input: TransitionBody, via: EventSource = {}): Promise<void> {
  const kind = row.kind;
  const to = nextIssueStatus({ status: row.status, kind, adoption: row.adoption }, input.event);
  const comment = input.comment.trim();
  if (COMMENTED.has(input.event) && !via.system && comment.length < 2) throw new AppError('issue_comment_required', 422, { event: input.event });
  if (input.event === 'confirm' && !input.rating) throw new AppError('issue_rating_required', 422);
  if (input.event === 'adopt' && (!input.plan || !input.plannedDate)) throw new AppError('issue_plan_required', 422);

  const [calendar, settings] = await Promise.all([loadCompanyCalendar(trx, ctx.companyId), loadSettings(trx, ctx.companyId)]);
  const now = nowIso();
  const patch: Updateable<IssuesTable> = { status: to, updated_at: now };
  const data: Record<string, unknown> = { ...(via.recordId ? { recordId: via.recordId } : {}), ...via.data };
  if (!via.system && TAKING.has(input.event) && row.assignee_id === null && can(ctx, 'issues.handle')) {
    patch.assignee_id = ctx.userId;
    data.took = true;
  }
  switch (input.event) {
    case 'resolve':
      Object.assign(patch, { resolved_at: now, resolved_by: ctx.userId, resolved_department_id: row.department_id, unconfirmed_at: null, resolution: comment, ...(kind === 'suggestion' ? { adoption: 'implemented' } : {}) });
      break;
    case 'confirm':
      Object.assign(patch, { closed_at: now, satisfaction: input.rating, closure: 'confirmed' });
      break;
    case 'close':
      Object.assign(patch, { closed_at: now, closure: 'supervisor', close_reason: comment });
      break;
    case 'close_unconfirmed':
      Object.assign(patch, { closed_at: now, closure: 'unconfirmed', close_reason: comment || null });
      break;
    case 'reopen': {
      // A new period to resolve it starts now; escalation starts over from it.
      const category = await trx.selectFrom('issue_categories').select('resolve_days').where('id', '=', row.category_id).executeTakeFirstOrThrow();
      Object.assign(patch, {
        resolved_at: null,
        resolved_by: null,
        resolved_department_id: null,
        unconfirmed_at: null,
        reopen_count: row.reopen_count + 1,
        ...resolveColumns(periodEnd(calendar, now, category.resolve_days)),
        resolve_from: now,
        escalation_level: 0,
        escalated_at: null,
        notices: row.notices & ~NOTICE_BITS.resolve_reminder,
      });
      break;
    }
    case 'adopt':
      Object.assign(patch, { adoption: 'adopted', adoption_plan: input.plan, adoption_planned_date: input.plannedDate });
      break;
    case 'reject':
      Object.assign(patch, { adoption: 'not_adopted', adoption_reason: comment, closed_at: now });
      break;
    case 'withdraw':
      Object.assign(patch, { withdraw_reason: comment, closed_at: now });
      break;
    case 'acknowledge':
      Object.assign(patch, { closed_at: now, closure: 'acknowledged' });
      break;
    case 'start':
      break;
  }
  patch.check_at = nextCheck(calendar, settings, { ...row, ...patch } as IssueRow);
  await scopedUpdate(trx, ctx, 'issues').set(patch).where('id', '=', row.id).execute();
  if (input.event === 'resolve' && input.attachmentIds.length) await linkAttachments(trx, ctx, row.id, row.community_id, input.attachmentIds);

  if (input.event === 'resolve') {
    const taskId = await createConfirmationTask(trx, ctx, calendar, settings, row);
    if (taskId) data.confirmationTaskId = taskId;
  }
  // Leaving "resolved" other than through the confirmation visit leaves that visit nothing to ask.
  if (row.status === 'resolved' && !via.recordId) {
    const cancelled = await cancelConfirmationTasks(trx, row.id, input.event);
    if (cancelled.length) data.cancelledTaskIds = cancelled;
  }
  if (input.event === 'confirm') data.rating = input.rating;
  if (kind === 'complaint' && (input.event === 'confirm' || input.event === 'close' || input.event === 'close_unconfirmed')) {
    const taskId = await createComplainantFollowUp(trx, ctx, calendar, settings, { ...row, resolved_at: row.resolved_at ?? now });
    if (taskId) data.followUpTaskId = taskId;
  }
  if (input.event === 'adopt') Object.assign(data, { plan: input.plan, plannedDate: input.plannedDate });
  if (input.event === 'reopen') {
    const ref = issueRef({ ...row, assignee_id: patch.assignee_id ?? row.assignee_id });
    const recipients = new Recipients();
    await recipients.load(trx, [ref]);
    await enqueue(trx, recipients.messages('issue_reopened', ref, [...recipients.level(ref, 0), ...recipients.level(ref, 1)].filter((u) => u !== ctx.userId), { byVisit: Boolean(via.recordId) }));
  }
  if (input.event === 'reject' && row.resident_id) {
    await enqueue(trx, [{ companyId: row.company_id, channel: 'resident', recipientResidentId: row.resident_id, kind: 'issue_not_adopted', title: '建议回复', body: comment }]);
    data.toldResident = true;
  }
  await addTimeline(trx, [{ issueId: row.id, companyId: row.company_id, type: 'transition', event: input.event, fromStatus: row.status, toStatus: to, comment, data, actor: via.system ? null : actor(ctx) }]);
  await recordAudit(trx, actorOf(ctx), {
    action: 'issue.transition',
    entityType: 'issue',
    entityId: row.id,
    communityId: row.community_id,
    before: { status: row.status },
    after: { status: to, event: input.event, ...(data.rating ? { rating: data.rating } : {}), ...(patch.closure ? { closure: patch.closure } : {}) },
  });
}
