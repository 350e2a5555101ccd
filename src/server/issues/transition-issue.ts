/**
 * Moving an issue along its status machine: start, resolve (with the resolution and photos), the
 * resident's confirmation or "not solved" (which reopens it with a fresh resolution deadline and counts
 * the reopening), adopting or not adopting a suggestion, acknowledging praise, withdrawing. Each change
 * is on the timeline; resolving schedules the confirmation visit; closing a complaint schedules the
 * complainant's follow-up visit.
 */
import type { Updateable } from 'kysely';
import type { Issue, IssueKind, IssueStatus, TransitionBody } from '../../shared/schemas/issues.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import type { IssuesTable } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { enqueue } from '../notifications/outbox.js';
import { linkAttachments } from './create-issue.js';
import { NOTICE_BITS, periodEnd, resolveColumns } from './deadline-plan.js';
import { createComplainantFollowUp, createConfirmationTask } from './follow-up-tasks.js';
import { callerEvents, canAct, findIssue, getIssue, type IssueRow } from './issue-queries.js';
import { nextIssueStatus } from './issue-status.js';
import { issueRef, Recipients } from './notify.js';
import { nextCheck } from './schedule.js';
import { loadSettings } from './settings.js';
import { actor, addTimeline } from './timeline.js';

export async function transitionIssue(db: Db, ctx: Ctx, id: number, input: TransitionBody): Promise<Issue> {
  requirePermission(ctx, 'issues.handle', 'issues.manage', 'issues.create');
  const row = await findIssue(db, ctx, id);
  // The status machine speaks first, so an impossible event is answered with the allowed ones.
  nextIssueStatus({ status: row.status as IssueStatus, kind: row.kind as IssueKind, adoption: row.adoption }, input.event);
  if (!canAct(ctx, row) || !callerEvents(ctx, row).includes(input.event)) throw new AppError('issue_not_yours', 403);
  await db.transaction().execute((trx) => applyIssueEvent(trx, ctx, row, input));
  return getIssue(db, ctx, id);
}

/**
 * Applies one event, inside the caller's transaction. Also used by a confirmation visit, whose visitor
 * acts on the issue through the task rather than through issue permissions.
 */
export async function applyIssueEvent(trx: Db, ctx: Ctx, row: IssueRow, input: TransitionBody, via: { recordId?: number } = {}): Promise<void> {
  const kind = row.kind as IssueKind;
  const to = nextIssueStatus({ status: row.status as IssueStatus, kind, adoption: row.adoption }, input.event);
  const comment = input.comment.trim();
  if (['resolve', 'reopen', 'reject', 'withdraw'].includes(input.event) && comment.length < 2) throw new AppError('issue_comment_required', 422, { event: input.event });
  if (input.event === 'confirm' && !input.rating) throw new AppError('issue_rating_required', 422);
  if (input.event === 'adopt' && (!input.plan || !input.plannedDate)) throw new AppError('issue_plan_required', 422);

  const [calendar, settings] = await Promise.all([loadCompanyCalendar(trx, ctx.companyId), loadSettings(trx, ctx.companyId)]);
  const now = nowIso();
  const patch: Updateable<IssuesTable> = { status: to, updated_at: now };
  switch (input.event) {
    case 'resolve':
      Object.assign(patch, { resolved_at: now, resolution: comment, ...(kind === 'suggestion' ? { adoption: 'implemented' } : {}) });
      break;
    case 'confirm':
      Object.assign(patch, { closed_at: now, satisfaction: input.rating });
      break;
    case 'reopen': {
      // A new period to resolve it starts now; escalation starts over from it.
      const category = await trx.selectFrom('issue_categories').select('resolve_days').where('id', '=', row.category_id).executeTakeFirstOrThrow();
      Object.assign(patch, {
        resolved_at: null,
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
      Object.assign(patch, { closed_at: now });
      break;
    case 'start':
      break;
  }
  patch.check_at = nextCheck(calendar, settings, { ...row, ...patch } as IssueRow);
  await trx.updateTable('issues').set(patch).where('id', '=', row.id).execute();
  if (input.event === 'resolve' && input.attachmentIds.length) await linkAttachments(trx, ctx, row.id, row.community_id, input.attachmentIds);

  const data: Record<string, unknown> = { ...(via.recordId ? { recordId: via.recordId } : {}) };
  if (input.event === 'resolve') {
    const taskId = await createConfirmationTask(trx, ctx, calendar, settings, row);
    if (taskId) data.confirmationTaskId = taskId;
  }
  if (input.event === 'confirm') {
    data.rating = input.rating;
    if (kind === 'complaint') {
      const taskId = await createComplainantFollowUp(trx, ctx, settings, row);
      if (taskId) data.followUpTaskId = taskId;
    }
  }
  if (input.event === 'adopt') Object.assign(data, { plan: input.plan, plannedDate: input.plannedDate });
  if (input.event === 'reopen') {
    const ref = issueRef(row);
    const recipients = new Recipients();
    await recipients.load(trx, [ref]);
    await enqueue(trx, recipients.messages('issue_reopened', ref, [...recipients.level(ref, 0), ...recipients.level(ref, 1)].filter((u) => u !== ctx.userId)));
  }
  if (input.event === 'reject' && row.resident_id) {
    await enqueue(trx, [{ companyId: row.company_id, channel: 'resident', recipientResidentId: row.resident_id, kind: 'issue_not_adopted', title: '建议回复', body: comment }]);
    data.toldResident = true;
  }
  await addTimeline(trx, [{ issueId: row.id, companyId: row.company_id, type: 'transition', event: input.event, fromStatus: row.status, toStatus: to, comment, data, actor: actor(ctx) }]);
  await recordAudit(trx, actorOf(ctx), { action: 'issue.transition', entityType: 'issue', entityId: row.id, communityId: row.community_id, before: { status: row.status }, after: { status: to, event: input.event, ...(data.rating ? { rating: data.rating } : {}) } });
}
