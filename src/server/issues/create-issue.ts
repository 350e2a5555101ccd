/**
 * Creating issues: one entered by staff (a phone call, a WeChat message, a walk-in), or one for each item
 * raised in a visit record. Each is routed to its category's department, given its working-day
 * deadlines, put on the escalation sweep's schedule and announced to whoever must act.
 */
import type { Insertable } from 'kysely';
import type { CreateIssueBody, Issue, IssueCategory, IssueChannel, IssueKind, IssuePriority, IssueSettings, ReplyMode } from '../../shared/schemas/issues.js';
import type { IssuesTable } from '../db/schema.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import type { WorkCalendar } from '../calendar/working-days.js';
import { requirePermission, type Ctx } from '../context.js';
import { now, nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError, invalidReference } from '../http/errors.js';
import { enqueue } from '../notifications/outbox.js';
import { scopedCommunities, scopedHouseholds, scopedInsert, scopedResidents } from '../scope.js';
import { assertAssignees } from '../users/assignees.js';
import { loadCategories, matchCategory } from './categories.js';
import { computeDeadlines, planSweep, replyColumns, resolveColumns } from './deadline-plan.js';
import { getIssue } from './queries.js';
import { issueRef, Recipients } from './notify.js';
import { assertCompanyUser, assertDepartment } from './references.js';
import { loadSettings } from './settings.js';
import { actor, addTimeline } from './timeline.js';

/** Clocks may differ a little between a phone and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface NewIssue {
  kind: IssueKind;
  category: IssueCategory;
  description: string;
  communityId: number;
  householdId: number | null;
  residentId: number | null;
  recordId: number | null;
  recordItemId: number | null;
  channel: IssueChannel;
  raisedAt: string;
  replyMode: ReplyMode;
  priority: IssuePriority;
  departmentId: number | null;
  assigneeId: number | null;
  praisedUserId: number | null;
  praisedDepartmentId: number | null;
  /** An oral reply already given (by the visitor, on the spot): it meets the reply deadline at once. */
  reply?: { content: string; at: string } | null;
}

/** Inserts issues with deadlines, schedule, timeline and notices, inside the caller's transaction. */
export async function insertIssues(trx: Db, ctx: Ctx, calendar: WorkCalendar, settings: IssueSettings, issues: readonly NewIssue[]): Promise<number[]> {
  if (!issues.length) return [];
  const stamp = nowIso();
  const rows = issues.map((i) => {
    const { reply, resolve } = computeDeadlines(calendar, settings, { kind: i.kind, replyMode: i.replyMode, raisedAt: i.raisedAt, resolveDays: i.category.resolveDays });
    const status = i.assigneeId ? 'assigned' : 'new';
    const repliedAt = i.kind !== 'praise' && i.reply ? i.reply.at : null;
    const plan = planSweep(calendar, settings, { status, raisedAt: i.raisedAt, replyDueAt: reply?.dueAt ?? null, resolveDueAt: resolve?.dueAt ?? null, repliedAt, escalationLevel: 0, notices: 0 }, now());
    return {
      company_id: ctx.companyId,
      community_id: i.communityId,
      household_id: i.householdId,
      resident_id: i.residentId,
      record_id: i.recordId,
      record_item_id: i.recordItemId,
      kind: i.kind,
      category_id: i.category.id,
      description: i.description,
      channel: i.channel,
      raised_at: i.raisedAt,
      reply_mode: i.replyMode,
      priority: i.priority,
      department_id: i.departmentId,
      assignee_id: i.assigneeId,
      status,
      adoption: i.kind === 'suggestion' ? 'pending' : null,
      praised_user_id: i.praisedUserId,
      praised_department_id: i.praisedDepartmentId,
      ...replyColumns(reply),
      ...resolveColumns(resolve),
      resolve_from: i.raisedAt,
      replied_at: repliedAt,
      escalation_level: 0,
      reopen_count: 0,
      notices: 0,
      // Something already due (an item recorded after the fact) is left to the next sweep.
      check_at: plan.due.length ? stamp : plan.checkAt,
      created_by: ctx.userId,
      created_at: stamp,
      updated_at: stamp,
    } satisfies Insertable<IssuesTable>;
  });
  const ids = (await scopedInsert(trx, ctx, 'issues', rows).returning('id').execute()).map((r) => r.id);
  await addTimeline(
    trx,
    ids.map((issueId, n) => ({ issueId, companyId: ctx.companyId, type: 'created', toStatus: rows[n].status, actor: actor(ctx), data: { channel: rows[n].channel, recordId: rows[n].record_id } })),
  );
  const replies = ids.flatMap((issueId, n) => {
    const r = issues[n].reply;
    const row = rows[n];
    if (!r || !row.replied_at) return [];
    return [{ issueId, content: r.content, at: r.at, onTime: !row.reply_due_at || Date.parse(r.at) <= Date.parse(row.reply_due_at) }];
  });
  if (replies.length) {
    await trx
      .insertInto('issue_replies')
      .values(replies.map((r) => ({ issue_id: r.issueId, company_id: ctx.companyId, mode: 'oral', content: r.content, replied_by: ctx.userId, replied_at: r.at, on_time: r.onTime ? 1 : 0 })))
      .execute();
    await addTimeline(
      trx,
      replies.map((r) => ({ issueId: r.issueId, companyId: ctx.companyId, type: 'reply', comment: r.content, data: { mode: 'oral', onTime: r.onTime, toResident: false, onVisit: true }, actor: actor(ctx) })),
    );
  }
  const refs = ids.map((id, n) => issueRef({ ...rows[n], id, category_name: issues[n].category.name }));
  const recipients = new Recipients();
  await recipients.load(trx, refs);
  await enqueue(
    trx,
    refs.flatMap((ref, n) => (rows[n].kind === 'praise' ? [] : recipients.messages('issue_assigned', ref, recipients.level(ref, 0).filter((u) => u !== ctx.userId), { due: rows[n].resolve_due_at }))),
  );
  return ids;
}

export async function createIssue(db: Db, ctx: Ctx, input: CreateIssueBody): Promise<Issue> {
  requirePermission(ctx, 'issues.create', 'issues.manage');
  const raisedAt = input.raisedAt ? new Date(input.raisedAt) : new Date(now());
  if (raisedAt.getTime() > now() + FUTURE_TOLERANCE_MS) throw new AppError('raised_at_future', 422, {}, { errors: [{ path: 'raisedAt', code: 'raised_at_future' }] });
  const community = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', '=', input.communityId).executeTakeFirst();
  if (!community) throw invalidReference('community', 'communityId');
  if (input.householdId != null) {
    const h = await scopedHouseholds(db, ctx).select('households.id').where('households.id', '=', input.householdId).where('households.community_id', '=', community.id).executeTakeFirst();
    if (!h) throw invalidReference('household', 'householdId');
  }
  if (input.residentId != null) {
    if (input.householdId == null) throw invalidReference('resident', 'residentId');
    const r = await scopedResidents(db, ctx).select('residents.id').where('residents.id', '=', input.residentId).where('residents.household_id', '=', input.householdId).where('residents.erased_at', 'is', null).executeTakeFirst();
    if (!r) throw invalidReference('resident', 'residentId');
  }
  const categories = await loadCategories(db, ctx.companyId);
  const category = categories.find((c) => c.id === input.categoryId && c.active);
  if (!category) throw invalidReference('category', 'categoryId');
  const departmentId = input.departmentId === undefined ? category.departmentId : input.departmentId;
  await assertDepartment(db, ctx, departmentId, 'departmentId');
  await assertDepartment(db, ctx, input.praisedDepartmentId, 'praisedDepartmentId');
  await assertCompanyUser(db, ctx, input.praisedUserId, 'praisedUserId');
  if (input.assigneeId != null) await assertAssignees(db, ctx, community.id, [input.assigneeId], 'assigneeId', 'issues.handle');
  const [calendar, settings] = await Promise.all([loadCompanyCalendar(db, ctx.companyId), loadSettings(db, ctx.companyId)]);
  const praise = input.kind === 'praise';
  const [id] = await db.transaction().execute(async (trx) => {
    const ids = await insertIssues(trx, ctx, calendar, settings, [
      {
        kind: input.kind,
        category,
        description: input.description,
        communityId: community.id,
        householdId: input.householdId ?? null,
        residentId: input.residentId ?? null,
        recordId: null,
        recordItemId: null,
        channel: input.channel,
        raisedAt: raisedAt.toISOString(),
        replyMode: input.replyMode,
        priority: input.priority,
        departmentId,
        assigneeId: input.assigneeId ?? null,
        praisedUserId: praise ? (input.praisedUserId ?? null) : null,
        praisedDepartmentId: praise ? (input.praisedDepartmentId ?? null) : null,
      },
    ]);
    if (input.attachmentIds.length) await linkAttachments(trx, ctx, ids[0], community.id, input.attachmentIds);
    await recordAudit(trx, actorOf(ctx), { action: 'issue.create', entityType: 'issue', entityId: ids[0], communityId: community.id, after: { kind: input.kind, category: category.name, channel: input.channel, raisedAt: raisedAt.toISOString() } });
    return ids;
  });
  return getIssue(db, ctx, id);
}

/** Attaches uploads of the caller that belong to nothing yet. */
export async function linkAttachments(trx: Db, ctx: Ctx, issueId: number, communityId: number, attachmentIds: readonly number[]): Promise<void> {
  const linked = await trx
    .updateTable('attachments')
    .set({ issue_id: issueId, community_id: communityId })
    .where('id', 'in', [...attachmentIds])
    .where('company_id', '=', ctx.companyId)
    .where('uploaded_by', '=', ctx.userId)
    .where('record_id', 'is', null)
    .where('issue_id', 'is', null)
    .executeTakeFirst();
  if (Number(linked.numUpdatedRows) !== new Set(attachmentIds).size) throw invalidReference('attachment', 'attachmentIds');
}

export interface RaisedItem {
  id: number;
  kind: IssueKind;
  category: string;
  description: string;
  replyMode?: ReplyMode;
  /** the oral reply given on the spot */
  reply?: string;
}

export interface RaisingRecord {
  id: number;
  communityId: number;
  householdId: number;
  residentId: number | null;
  raisedAt: string;
  /** when the visit ended: an oral reply given in it was given then */
  endedAt?: string;
}

/** The issue an item raised in a visit becomes: routed by its category, a complaint with high priority. */
export function issueFromItem(categories: readonly IssueCategory[], record: RaisingRecord, item: RaisedItem, assigneeId: number | null = null): NewIssue {
  const category = matchCategory(categories, item.category);
  return {
    kind: item.kind,
    category,
    description: item.description,
    communityId: record.communityId,
    householdId: record.householdId,
    residentId: record.residentId,
    recordId: record.id,
    recordItemId: item.id,
    channel: 'visit',
    raisedAt: record.raisedAt,
    replyMode: item.reply ? 'oral' : (item.replyMode ?? 'written'),
    priority: item.kind === 'complaint' ? 'high' : 'normal',
    departmentId: category.departmentId,
    assigneeId,
    praisedUserId: null,
    praisedDepartmentId: null,
    reply: item.reply ? { content: item.reply, at: record.endedAt ?? record.raisedAt } : null,
  };
}

/** One issue per item raised in a visit, in the record's transaction; raised when the visit began. */
export async function createIssuesFromRecord(trx: Db, ctx: Ctx, record: RaisingRecord, items: readonly RaisedItem[]): Promise<number[]> {
  if (!items.length) return [];
  const [categories, calendar, settings] = await Promise.all([loadCategories(trx, ctx.companyId), loadCompanyCalendar(trx, ctx.companyId), loadSettings(trx, ctx.companyId)]);
  return insertIssues(
    trx,
    ctx,
    calendar,
    settings,
    items.map((item) => issueFromItem(categories, record, item)),
  );
}
