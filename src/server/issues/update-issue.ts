/**
 * Changing who handles an issue and how: reassigning the department or person (a new or reopened issue
 * with an assignee becomes assigned), the category (the resolution deadline follows its target), the
 * priority, the reply mode (the reply deadline follows), the staff or department a praise credits.
 */
import type { Issue, UpdateIssueBody } from '../../shared/schemas/issues.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError, invalidReference } from '../http/errors.js';
import { enqueue } from '../notifications/outbox.js';
import { assertAssignees } from '../users/assignees.js';
import { loadCategories } from './categories.js';
import { assertCompanyUser, assertDepartment } from './references.js';
import { computeDeadlines, NOTICE_BITS, replyColumns, resolveColumns } from './deadline-plan.js';
import { canAct, findIssue, getIssue } from './queries.js';
import { isOpenStatus } from './issue-status.js';
import { issueRef, Recipients } from './notify.js';
import { nextCheck } from './schedule.js';
import { loadSettings } from './settings.js';
import { actor, addTimeline } from './timeline.js';
import { scopedUpdate } from '../scope.js';

export async function updateIssue(db: Db, ctx: Ctx, id: number, input: UpdateIssueBody): Promise<Issue> {
  requirePermission(ctx, 'issues.handle', 'issues.manage');
  const row = await findIssue(db, ctx, id);
  if (!canAct(ctx, row)) throw new AppError('issue_not_yours', 403);
  if (!isOpenStatus(row.status)) throw new AppError('issue_closed', 409, { status: row.status });
  const categories = await loadCategories(db, ctx.companyId);
  const category = input.categoryId === undefined ? categories.find((c) => c.id === row.category_id) : categories.find((c) => c.id === input.categoryId && c.active);
  if (!category) throw invalidReference('category', 'categoryId');
  await assertDepartment(db, ctx, input.departmentId, 'departmentId');
  await assertDepartment(db, ctx, input.praisedDepartmentId, 'praisedDepartmentId');
  await assertCompanyUser(db, ctx, input.praisedUserId, 'praisedUserId');
  if (input.assigneeId != null) await assertAssignees(db, ctx, row.community_id, [input.assigneeId], 'assigneeId', 'issues.handle');

  const before = {
    categoryId: row.category_id,
    priority: row.priority,
    replyMode: row.reply_mode,
    departmentId: row.department_id,
    assigneeId: row.assignee_id,
    praisedUserId: row.praised_user_id,
    praisedDepartmentId: row.praised_department_id,
  };
  const after = {
    categoryId: category.id,
    priority: input.priority ?? row.priority,
    replyMode: input.replyMode ?? row.reply_mode,
    departmentId: input.departmentId === undefined ? row.department_id : input.departmentId,
    assigneeId: input.assigneeId === undefined ? row.assignee_id : input.assigneeId,
    praisedUserId: input.praisedUserId === undefined ? row.praised_user_id : input.praisedUserId,
    praisedDepartmentId: input.praisedDepartmentId === undefined ? row.praised_department_id : input.praisedDepartmentId,
  };
  const diff = changes(before, after);
  if (!diff.changed) return getIssue(db, ctx, id);

  const [calendar, settings] = await Promise.all([loadCompanyCalendar(db, ctx.companyId), loadSettings(db, ctx.companyId)]);
  // The resolution period runs from when the issue was raised or last reopened.
  const deadlines = computeDeadlines(calendar, settings, { kind: row.kind, replyMode: after.replyMode, raisedAt: row.raised_at, resolveFrom: row.resolve_from ?? row.raised_at, resolveDays: category.resolveDays });
  let notices = row.notices;
  // A deadline already met stays as it was.
  const reply = row.replied_at ? null : replyColumns(deadlines.reply);
  const replyDueAt = reply ? reply.reply_due_at : row.reply_due_at;
  if (replyDueAt !== row.reply_due_at) notices &= ~(NOTICE_BITS.reply_reminder | NOTICE_BITS.reply_overdue);
  const resolve = resolveColumns(deadlines.resolve);
  const resolveDueAt = resolve.resolve_due_at;
  if (resolveDueAt !== row.resolve_due_at) notices &= ~NOTICE_BITS.resolve_reminder;
  const status = after.assigneeId && (row.status === 'new' || row.status === 'reopened') ? 'assigned' : row.status;
  const patch = {
    category_id: after.categoryId,
    priority: after.priority,
    reply_mode: after.replyMode,
    department_id: after.departmentId,
    assignee_id: after.assigneeId,
    praised_user_id: after.praisedUserId,
    praised_department_id: after.praisedDepartmentId,
    ...reply,
    ...resolve,
    notices,
    status,
    updated_at: nowIso(),
  };
  const check_at = nextCheck(calendar, settings, { ...row, ...patch });
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'issues').set({ ...patch, check_at }).where('id', '=', id).execute();
    await addTimeline(trx, [
      { issueId: id, companyId: row.company_id, type: 'updated', fromStatus: row.status, toStatus: status !== row.status ? status : null, comment: input.comment, data: { before: diff.before, after: diff.after }, actor: actor(ctx) },
    ]);
    // Whoever now handles it hears of it: a new assignee, or the new department when nobody is assigned.
    const handlerChanged = after.assigneeId !== row.assignee_id || (!after.assigneeId && after.departmentId !== row.department_id);
    if (handlerChanged && row.kind !== 'praise') {
      const ref = issueRef({ ...row, department_id: after.departmentId, assignee_id: after.assigneeId, category_name: category.name });
      const recipients = new Recipients();
      await recipients.load(trx, [ref]);
      await enqueue(trx, recipients.messages('issue_assigned', ref, recipients.level(ref, 0).filter((u) => u !== ctx.userId), { due: resolveDueAt }));
    }
    await recordAudit(trx, actorOf(ctx), { action: 'issue.update', entityType: 'issue', entityId: id, communityId: row.community_id, before: diff.before, after: diff.after });
  });
  return getIssue(db, ctx, id);
}

