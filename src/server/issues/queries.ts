/**
 * Reading issues: lists with filters (a department's queue, the supervision view of everything overdue or
 * escalated), one issue with its timeline and replies, and who may act on it. Deadlines are stored as UTC
 * instants and shown in Asia/Shanghai time with their offset.
 */
import { sql, type SqlBool } from 'kysely';
import type { Page } from '../../shared/schemas/common.js';
import type { Adoption, Issue, IssueEventName, IssueKind, IssueListQuery, IssueSettings, IssueSummary } from '../../shared/schemas/issues.js';
import { OPEN_ISSUE_STATUSES } from '../../shared/schemas/issues.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import { type WorkCalendar } from '../calendar/working-days.js';
import { can, requirePermission, type Ctx } from '../context.js';
import { now, nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { boundedCount, COUNT_BOUND, cut, inOrderOf, keysetPage, readCursor, type KeyValue, type SortKey } from '../db/paging.js';
import { notFound } from '../http/errors.js';
import { formatRoomLabel } from '../households/room.js';
import { inCompany, scopedIssues, scopedTasks } from '../scope.js';
import { dueState, TOP_LEVEL } from './deadline-plan.js';
import { allowedEvents, isOpenStatus, NOT_BY_CALLERS, SUPERVISOR_EVENTS } from './issue-status.js';
import { loadSettings } from './settings.js';
import { addDays, endOfDayIso, shanghaiDay, shanghaiIso, startOfDateIso } from '../../shared/shanghai.js';

function selectIssues(db: Db, ctx: Ctx) {
  return scopedIssues(db, ctx)
    .innerJoin('issue_categories as cat', 'cat.id', 'issues.category_id')
    .innerJoin('communities as com', 'com.id', 'issues.community_id')
    .leftJoin('households as h', 'h.id', 'issues.household_id')
    .leftJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as un', 'un.id', 'h.unit_id')
    .leftJoin('residents as r', 'r.id', 'issues.resident_id')
    .leftJoin('departments as d', 'd.id', 'issues.department_id')
    .leftJoin('users as a', 'a.id', 'issues.assignee_id')
    .selectAll('issues')
    .select([
      'cat.name as category_name',
      'com.name as community_name',
      'b.name as building_name',
      'un.name as unit_name',
      'h.room as room',
      'r.name as resident_name',
      'd.name as department_name',
      'a.display_name as assignee_name',
    ]);
}
export type IssueRow = Awaited<ReturnType<ReturnType<typeof selectIssues>['execute']>>[number];
/** The issues table alone, in the caller's scope: what a list filters, orders, pages and counts. */
type IssueBase = ReturnType<typeof scopedIssues>;

/**
 * Who sees which issues: holders of issues.read, manage or oversee see every issue of their communities;
 * a handler with only issues.handle sees what is assigned to them or routed to their department.
 */
function visible<Q extends IssueBase | ReturnType<typeof selectIssues>>(q: Q, ctx: Ctx): Q {
  requirePermission(ctx, 'issues.read', 'issues.handle', 'issues.manage', 'issues.oversee');
  if (can(ctx, 'issues.read') || can(ctx, 'issues.manage') || can(ctx, 'issues.oversee')) return q;
  return (q as IssueBase).where((eb) =>
    eb.or([eb('issues.assignee_id', '=', ctx.userId), ...(ctx.departmentId ? [eb('issues.department_id', '=', ctx.departmentId)] : [])]),
  ) as Q;
}

/** The caller may reply, work on, resolve and reassign the issue. */
export function canAct(ctx: Ctx, row: { assignee_id: number | null; department_id: number | null }): boolean {
  if (can(ctx, 'issues.manage')) return true;
  if (!can(ctx, 'issues.handle')) return false;
  return row.assignee_id === ctx.userId || (ctx.departmentId !== null && row.department_id === ctx.departmentId);
}

export function callerEvents(ctx: Ctx, row: IssueRow): IssueEventName[] {
  if (!canAct(ctx, row)) return [];
  const events = allowedEvents({ status: row.status, kind: row.kind, adoption: row.adoption }).filter((e) => !NOT_BY_CALLERS.has(e));
  return events.filter((e) => {
    // Withdrawing takes a supervisor or whoever entered the issue.
    if (e === 'withdraw') return can(ctx, 'issues.manage') || row.created_by === ctx.userId;
    // A resolved issue is closed by the resident's confirmation; a supervisor may close it without one — but
    // never their own resolution — or reopen it.
    if (SUPERVISOR_EVENTS.has(e) && row.status === 'resolved') return can(ctx, 'issues.manage') && (e !== 'close' || row.resolved_by !== ctx.userId);
    return true;
  });
}

export interface Clock {
  calendar: WorkCalendar;
  settings: IssueSettings;
  now: number;
}

export async function clockFor(db: Db, companyId: number): Promise<Clock> {
  const [calendar, settings] = await Promise.all([loadCompanyCalendar(db, companyId), loadSettings(db, companyId)]);
  return { calendar, settings, now: now() };
}

export function toSummary(r: IssueRow, clock: Clock): IssueSummary {
  const open = isOpenStatus(r.status);
  const state = (due: string | null, met: string | null) => dueState(clock.calendar, clock.settings, due, met, open, r.raised_at, clock.now);
  return {
    id: r.id,
    kind: r.kind,
    categoryId: r.category_id,
    categoryName: r.category_name,
    description: r.description,
    channel: r.channel,
    communityId: r.community_id,
    communityName: r.community_name,
    householdId: r.household_id,
    householdLabel: r.building_name && r.room ? formatRoomLabel({ building: r.building_name, unit: r.unit_name, room: r.room }) : null,
    residentId: r.resident_id,
    residentName: r.resident_name,
    recordId: r.record_id,
    raisedAt: r.raised_at,
    replyMode: r.reply_mode as IssueSummary['replyMode'],
    priority: r.priority,
    departmentId: r.department_id,
    departmentName: r.department_name,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    replyDueAt: shanghaiIso(r.reply_due_at),
    resolveDueAt: shanghaiIso(r.resolve_due_at),
    repliedAt: r.replied_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    replyState: state(r.reply_due_at, r.replied_at),
    resolveState: state(r.resolve_due_at, r.resolved_at),
    replyDueProvisional: r.reply_due_provisional === 1 && !r.replied_at,
    resolveDueProvisional: r.resolve_due_provisional === 1 && !r.resolved_at,
    expectedResolveDate: r.expected_resolve_date,
    escalationLevel: r.escalation_level,
    reopenCount: r.reopen_count,
    adoption: r.adoption,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Past its resolution deadline, or past its reply deadline without a reply. */
const overdueAt = (now: string) => sql<SqlBool>`(issues.resolve_due_at < ${now} or (issues.replied_at is null and issues.reply_due_at < ${now}))`;

/**
 * Open and resolved issues, with their statuses as literals: the partial index issues_supervision_idx (migration
 * 2026_12_02_0002) names exactly these, and SQLite uses a partial index only when the query says its condition
 * as written.
 */
const SUPERVISED = sql<SqlBool>`issues.status in (${sql.join([...OPEN_ISSUE_STATUSES, 'resolved'].map((s) => sql.lit(s)))})`;

/** The issues the caller may see, with the list's filters, with their display columns: the xlsx export reads these. */
export function filteredIssues(db: Db, ctx: Ctx, f: Filter, clock: Clock) {
  return withFilters(db, visible(selectIssues(db, ctx), ctx), ctx, f, clock);
}

/** The same issues from the issues table alone: the list pages and counts these, then joins the page's names. */
function filteredIssueBase(db: Db, ctx: Ctx, f: Filter, clock: Clock) {
  return withFilters(db, visible(scopedIssues(db, ctx), ctx), ctx, f, clock);
}

type Filter = Omit<IssueListQuery, 'limit' | 'offset' | 'cursor'>;

/** The list's filters; they name only columns of `issues`, so they apply to the table alone or with its joins. */
function withFilters<Q extends IssueBase | ReturnType<typeof selectIssues>>(db: Db, query: Q, ctx: Ctx, f: Filter, clock: Clock): Q {
  const now = nowIso();
  let q = query as IssueBase;
  const open = [...OPEN_ISSUE_STATUSES];
  if (f.view === 'mine') q = q.where('issues.assignee_id', '=', ctx.userId);
  if (f.view === 'department') q = q.where('issues.department_id', '=', ctx.departmentId ?? -1).where('issues.status', 'in', open);
  if (f.view === 'supervision') {
    // Open and overdue or escalated, and resolved issues whose confirmation visit failed: a supervisor decides.
    q = q.where(SUPERVISED).where((eb) =>
      eb.or([
        eb.and([eb('issues.status', 'in', open), eb.or([eb('issues.escalation_level', '>', 0), overdueAt(now)])]),
        eb.and([eb('issues.status', '=', 'resolved'), eb('issues.unconfirmed_at', 'is not', null)]),
      ]),
    );
  }
  if (f.status) q = q.where('issues.status', '=', f.status);
  if (f.open === 'true') q = q.where('issues.status', 'in', open);
  if (f.open === 'false') q = q.where('issues.status', 'not in', open);
  if (f.due) {
    q = q.where('issues.status', 'in', open);
    const today = shanghaiDay(clock.now);
    const until = (day: number) => new Date(endOfDayIso(day)).toISOString();
    if (f.due === 'overdue') q = q.where(overdueAt(now));
    else {
      const limit = f.due === 'due_today' ? until(today) : until(clock.calendar.addWorkingDays(today, Math.max(1, clock.settings.reminderLeadDays)));
      q = q.where((eb) =>
        eb.or([
          eb.and([eb('issues.resolve_due_at', '>=', now), eb('issues.resolve_due_at', '<=', limit)]),
          eb.and([eb('issues.replied_at', 'is', null), eb('issues.reply_due_at', '>=', now), eb('issues.reply_due_at', '<=', limit)]),
        ]),
      );
    }
  }
  if (f.kind) q = q.where('issues.kind', '=', f.kind);
  if (f.categoryId) q = q.where('issues.category_id', '=', f.categoryId);
  if (f.communityId) q = q.where('issues.community_id', '=', f.communityId);
  if (f.departmentId) q = q.where('issues.department_id', '=', f.departmentId);
  if (f.assigneeId) q = q.where('issues.assignee_id', '=', f.assigneeId);
  if (f.householdId) q = q.where('issues.household_id', '=', f.householdId);
  if (f.escalated === 'true') q = q.where('issues.escalation_level', '>', 0);
  if (f.escalated === 'false') q = q.where('issues.escalation_level', '=', 0);
  if (f.provisional === 'true') {
    q = q
      .where('issues.status', 'in', open)
      .where((eb) => eb.or([eb.and([eb('issues.reply_due_provisional', '=', 1), eb('issues.replied_at', 'is', null)]), eb('issues.resolve_due_provisional', '=', 1)]));
  }
  if (f.q) q = q.where('issues.description', 'like', `%${f.q.replace(/[\\%_]/g, '')}%`);
  return withKpiFilters(db, q, ctx, f) as Q;
}

/** The start of a Shanghai day, and of the day after one, as stored instants: a day range [from, to]. */
const dayStart = (date: string) => startOfDateIso(date);
const dayEnd = (date: string) => startOfDateIso(addDays(date, 1));

/** The filters the KPIs drill into (kpis/drill-down.ts): each KPI's numerator and denominator is one of these lists. */
function withKpiFilters(db: Db, q: IssueBase, ctx: Ctx, f: Filter): IssueBase {
  if (f.kinds) q = q.where('issues.kind', 'in', f.kinds.split(',') as IssueKind[]);
  if (f.withdrawn === 'false') q = q.where('issues.status', '!=', 'withdrawn');
  if (f.withdrawn === 'true') q = q.where('issues.status', '=', 'withdrawn');
  if (f.buildingId) q = q.where('issues.household_id', 'in', inCompany(db, ctx, 'households as hb').select('hb.id').where('hb.building_id', '=', f.buildingId));
  if (f.resolvedDepartmentId) q = q.where('issues.resolved_department_id', '=', f.resolvedDepartmentId);
  if (f.replyMode) q = q.where('issues.reply_mode', '=', f.replyMode);
  if (f.closure) q = q.where('issues.closure', '=', f.closure);
  if (f.adoption) q = q.where('issues.adoption', 'in', f.adoption.split(',') as Adoption[]);
  if (f.raisedFrom) q = q.where('issues.raised_at', '>=', dayStart(f.raisedFrom));
  if (f.raisedTo) q = q.where('issues.raised_at', '<', dayEnd(f.raisedTo));
  if (f.replyDueFrom) q = q.where('issues.reply_due_at', '>=', dayStart(f.replyDueFrom));
  if (f.replyDueTo) q = q.where('issues.reply_due_at', '<', dayEnd(f.replyDueTo));
  if (f.resolveDueFrom) q = q.where('issues.resolve_due_at', '>=', dayStart(f.resolveDueFrom));
  if (f.resolveDueTo) q = q.where('issues.resolve_due_at', '<', dayEnd(f.resolveDueTo));
  if (f.repliedOnTime === 'true') q = q.where('issues.replied_at', 'is not', null).whereRef('issues.replied_at', '<=', 'issues.reply_due_at');
  if (f.resolvedOnTime === 'true') q = q.where('issues.resolved_at', 'is not', null).whereRef('issues.resolved_at', '<=', 'issues.resolve_due_at');
  if (f.resolvedFrom || f.resolvedTo) q = q.where('issues.id', 'in', eventIds(db, ctx, 'resolve', f.resolvedFrom, f.resolvedTo));
  if (f.reopenedSince) q = q.where('issues.id', 'in', eventIds(db, ctx, 'reopen', f.reopenedSince, undefined));
  return q;
}

/** Issues with a timeline event of this name between two days (issue_events_company_event_idx). */
function eventIds(db: Db, ctx: Ctx, event: IssueEventName, from: string | undefined, to: string | undefined) {
  let e = db.selectFrom('issue_events').select('issue_events.issue_id').where('issue_events.company_id', '=', ctx.companyId).where('issue_events.event', '=', event);
  if (from) e = e.where('issue_events.at', '>=', dayStart(from));
  if (to) e = e.where('issue_events.at', '<', dayEnd(to));
  return e;
}

const NEWEST_FIRST: SortKey[] = [{ ref: 'issues.id', dir: 'desc' }];
/** 督办: the earliest resolution deadline first, the newest issue first within one; issues without one come last. */
const DEADLINE_FIRST: SortKey[] = [
  { ref: 'issues.resolve_due_at', dir: 'asc' },
  { ref: 'issues.id', dir: 'desc' },
];

/**
 * A page of issues: the page's ids from the issues table alone (scope, filters, order, limit), then the names
 * joined for those ids only; the total is counted over the same base query, up to `countBound`.
 */
export async function listIssues(db: Db, ctx: Ctx, f: IssueListQuery, countBound = COUNT_BOUND): Promise<Page<IssueSummary>> {
  const clock = await clockFor(db, ctx.companyId);
  const supervision = f.view === 'supervision';
  const from = supervision ? readCursor('supervision', ['instant?', 'int'], f) : readCursor('issues', ['int'], f);
  const q = filteredIssueBase(db, ctx, f, clock);
  const [count, found] = await Promise.all([
    boundedCount(db, q, countBound),
    supervision ? byDeadline(db, q, f.limit + 1, f.offset, from) : newestFirst(q, f.limit + 1, f.offset, from),
  ]);
  const { rows: page, nextCursor } = cut(supervision ? 'supervision' : 'issues', found, f.limit, (r) => (supervision ? [r.resolve_due_at, r.id] : [r.id]));
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await selectIssues(db, ctx).where('issues.id', 'in', ids).execute() : [];
  return { items: inOrderOf(ids, rows).map((r) => toSummary(r, clock)), ...count, nextCursor };
}

interface PageRow {
  id: number;
  resolve_due_at: string | null;
}

async function newestFirst(q: IssueBase, limit: number, offset: number, from: KeyValue[] | null): Promise<PageRow[]> {
  return keysetPage(q.select(['issues.id', 'issues.resolve_due_at']), NEWEST_FIRST, from, limit, offset).execute();
}

/**
 * 督办 in two index-ordered parts (issues_supervision_idx): issues with a resolution deadline by deadline, then
 * those without (praise waiting for its reply) newest first. A cursor with a null deadline is in the second part.
 */
async function byDeadline(db: Db, q: IssueBase, limit: number, offset: number, from: KeyValue[] | null): Promise<PageRow[]> {
  const select = (p: IssueBase) => p.select(['issues.id', 'issues.resolve_due_at']);
  const dated = q.where('issues.resolve_due_at', 'is not', null);
  const undated = q.where('issues.resolve_due_at', 'is', null);
  const inUndated = from !== null && from[0] === null;
  let first: PageRow[] = [];
  if (!inUndated) {
    first = await keysetPage(select(dated), DEADLINE_FIRST, from, limit, offset).execute();
    if (first.length === limit) return first;
  }
  let skip = 0;
  if (!from && offset > 0) {
    // Rows of the offset that the dated part did not hold: the dated issues, counted up to the offset.
    const counted = first.length > 0 ? { total: offset + first.length } : await boundedCount(db, dated, offset);
    skip = Math.max(0, offset - counted.total);
  }
  const rest = await keysetPage(select(undated), NEWEST_FIRST, inUndated ? from.slice(1) : null, limit - first.length, skip).execute();
  return [...first, ...rest];
}

/** One issue the caller can see, as stored; 404 when missing or out of scope. */
export async function findIssue(db: Db, ctx: Ctx, id: number): Promise<IssueRow> {
  const row = await visible(selectIssues(db, ctx), ctx).where('issues.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('issue');
  return row;
}

/** An issue in the caller's communities, for use cases authorised by something else (a confirmation task). */
export async function findIssueForTask(db: Db, ctx: Ctx, id: number): Promise<IssueRow | undefined> {
  return selectIssues(db, ctx).where('issues.id', '=', id).executeTakeFirst();
}

export async function getIssue(db: Db, ctx: Ctx, id: number): Promise<Issue> {
  const row = await findIssue(db, ctx, id);
  const [clock, events, replies, attachments, people, task] = await Promise.all([
    clockFor(db, ctx.companyId),
    db.selectFrom('issue_events').selectAll().where('issue_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('issue_replies as rp')
      .leftJoin('users as u', 'u.id', 'rp.replied_by')
      .select(['rp.id', 'rp.mode', 'rp.content', 'rp.replied_at', 'rp.on_time', 'u.display_name'])
      .where('rp.issue_id', '=', id)
      .orderBy('rp.id')
      .execute(),
    db.selectFrom('attachments').select(['id', 'file_name', 'content_type', 'size', 'created_at']).where('issue_id', '=', id).orderBy('id').execute(),
    scopedIssues(db, ctx)
      .leftJoin('users as c', 'c.id', 'issues.created_by')
      .leftJoin('users as p', 'p.id', 'issues.praised_user_id')
      .leftJoin('departments as pd', 'pd.id', 'issues.praised_department_id')
      .leftJoin('users as rb', 'rb.id', 'issues.resolved_by')
      .select(['c.display_name as created_by_name', 'p.display_name as praised_user_name', 'pd.name as praised_department_name', 'rb.display_name as resolved_by_name'])
      .where('issues.id', '=', id)
      .executeTakeFirstOrThrow(),
    scopedTasks(db, ctx).select('visit_tasks.id').where('visit_tasks.issue_id', '=', id).where('visit_tasks.reason', '=', 'confirmation').orderBy('visit_tasks.id', 'desc').limit(1).executeTakeFirst(),
  ]);
  const canEdit = canAct(ctx, row) && isOpenStatus(row.status);
  return {
    ...toSummary(row, clock),
    resolution: row.resolution,
    satisfaction: row.satisfaction,
    adoptionPlan: row.adoption_plan,
    adoptionPlannedDate: row.adoption_planned_date,
    adoptionReason: row.adoption_reason,
    withdrawReason: row.withdraw_reason,
    praisedUserId: row.praised_user_id,
    praisedUserName: people.praised_user_name,
    praisedDepartmentId: row.praised_department_id,
    praisedDepartmentName: people.praised_department_name,
    createdByName: people.created_by_name,
    confirmationTaskId: task?.id ?? null,
    closure: row.closure,
    closeReason: row.close_reason,
    resolvedByName: people.resolved_by_name,
    unconfirmedAt: row.unconfirmed_at,
    unconfirmedReason: row.unconfirmed_reason as Issue['unconfirmedReason'],
    allowedEvents: callerEvents(ctx, row),
    canEdit,
    canSetExpectedDate: canEdit && row.kind !== 'praise',
    canEscalate: canEdit && row.kind !== 'praise' && row.escalation_level < TOP_LEVEL,
    timeline: events.map((e) => ({
      id: e.id,
      at: e.at,
      actorName: e.actor_name,
      type: e.type,
      event: e.event,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      comment: e.comment,
      data: JSON.parse(e.data) as Record<string, unknown>,
    })),
    replies: replies.map((r) => ({ id: r.id, mode: r.mode as 'oral' | 'written', content: r.content, repliedAt: r.replied_at, repliedByName: r.display_name, onTime: r.on_time === 1 })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, size: a.size, createdAt: a.created_at })),
  };
}
