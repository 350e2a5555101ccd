/**
 * Reading visit tasks: a visitor's "today / overdue / upcoming", a supervisor's lists, one task (with the
 * questionnaire its visit is answered in). Every task carries what the caller may do with it.
 * Dates are Asia/Shanghai calendar dates.
 */
import { sql, type SqlBool } from 'kysely';
import type { Page } from '../../shared/schemas/common.js';
import type { TaskListQuery, VisitTask, VisitTaskDetail } from '../../shared/schemas/visits.js';
import { can, requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { boundedCount, COUNT_BOUND, cut, inOrderOf, keysetPage, readCursor, type KeyType, type KeyValue, type SortKey } from '../db/paging.js';
import { cursorInvalid, notFound } from '../http/errors.js';
import { formatRoomLabel } from '../households/room.js';
import { inCompany, scopedTasks } from '../scope.js';
import { latestVersionColumn, taskQuestionnaire } from '../questionnaires/task-questionnaire.js';
import { compiledQuery, scopeArgs, scopeShape, scopeSlots } from '../db/compiled-query.js';
import { OPEN_STATUSES } from './task-status.js';
import { taskActions } from './visit-rules.js';
import { shanghaiToday } from '../clock.js';
import { addDays, startOfDateIso } from '../../shared/shanghai.js';

function selectTasks(db: Db, ctx: Ctx) {
  return scopedTasks(db, ctx)
    .innerJoin('households', 'households.id', 'visit_tasks.household_id')
    .innerJoin('buildings', 'buildings.id', 'households.building_id')
    .leftJoin('units', 'units.id', 'households.unit_id')
    .leftJoin('residents', 'residents.id', 'visit_tasks.resident_id')
    .leftJoin('users', 'users.id', 'visit_tasks.assignee_id')
    .leftJoin('visit_records', 'visit_records.task_id', 'visit_tasks.id')
    .selectAll('visit_tasks')
    .select([
      'buildings.name as building_name',
      'units.name as unit_name',
      'households.room',
      'residents.name as resident_name',
      'users.display_name as assignee_name',
      'visit_records.id as record_id',
    ]);
}
type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['execute']>>[number];

function toTask(ctx: Ctx, r: TaskRow): VisitTask {
  return {
    id: r.id,
    communityId: r.community_id,
    householdId: r.household_id,
    householdLabel: formatRoomLabel({ building: r.building_name, unit: r.unit_name, room: r.room }),
    residentId: r.resident_id,
    residentName: r.resident_name,
    reason: r.reason,
    method: r.method,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    dueDate: r.due_date,
    dueProvisional: r.due_provisional === 1 && OPEN_STATUSES.includes(r.status),
    appointmentAt: r.appointment_at,
    status: r.status,
    overdue: OPEN_STATUSES.includes(r.status) && r.due_date < shanghaiToday(),
    attemptCount: r.attempt_count,
    questionnaireId: r.questionnaire_id,
    recordId: r.record_id,
    issueId: r.issue_id,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    allowedActions: taskActions(ctx, { status: r.status, assigneeId: r.assignee_id }),
  };
}

/**
 * Who may see which tasks: visitors only their own; supervisors every task in their communities; readers of
 * visits (management) every task in scope, read-only (allowedActions stays empty), so that the KPIs drill into them.
 */
function visibleTasks(db: Db, ctx: Ctx, mineOnly: boolean) {
  requirePermission(ctx, 'visits.work', 'visits.manage', 'visits.read');
  let q = scopedTasks(db, ctx);
  if (mineOnly || (!can(ctx, 'visits.manage') && !can(ctx, 'visits.read'))) q = q.where('visit_tasks.assignee_id', '=', ctx.userId);
  return q;
}

/**
 * Open and closed tasks, written with their statuses as literals: the partial indexes visit_tasks_open_… and
 * visit_tasks_closed_… (migration 2026_12_02_0002) name exactly these, and SQLite uses a partial index only
 * when the query says its condition as written.
 */
const STATUS_LIST = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
const isOpen = sql<SqlBool>`visit_tasks.status in (${STATUS_LIST})`;
const isClosed = sql<SqlBool>`visit_tasks.status not in (${STATUS_LIST})`;

const DUE_FIRST: SortKey[] = [
  { ref: 'visit_tasks.due_date', dir: 'asc' },
  { ref: 'visit_tasks.id', dir: 'asc' },
];
const RECENT_FIRST: SortKey[] = [
  { ref: 'visit_tasks.due_date', dir: 'desc' },
  { ref: 'visit_tasks.id', dir: 'desc' },
];
/** A task list's cursor: which part of the list it is in (open tasks, then closed ones), the due date, the id. */
const CURSOR: KeyType[] = ['text', 'date', 'int'];
interface PageRow {
  id: number;
  due_date: string;
  part: 'open' | 'closed';
}

/**
 * Filters and pages on visit_tasks alone (its indexes serve every view), counts the same rows up to the bound,
 * then joins the household, resident, assignee and record for the one page only.
 */
export async function listTasks(db: Db, ctx: Ctx, f: TaskListQuery, countBound = COUNT_BOUND): Promise<Page<VisitTask>> {
  const from = readCursor('tasks', CURSOR, f);
  if (from && from[0] !== 'open' && (from[0] !== 'closed' || f.view !== 'all')) throw cursorInvalid();
  let q = visibleTasks(db, ctx, f.mine === 'true');
  const today = shanghaiToday();
  if (f.view !== 'all') q = q.where(isOpen);
  if (f.view === 'today') {
    // Due today, or an appointment today (appointment_at is UTC; today is an Asia/Shanghai date).
    const from = startOfDateIso(today);
    const to = startOfDateIso(addDays(today, 1));
    q = q.where((eb) => eb.or([eb('visit_tasks.due_date', '=', today), eb.and([eb('visit_tasks.appointment_at', '>=', from), eb('visit_tasks.appointment_at', '<', to)])]));
  }
  if (f.view === 'overdue') q = q.where('visit_tasks.due_date', '<', today);
  if (f.view === 'upcoming') q = q.where('visit_tasks.due_date', '>', today);
  if (f.communityId) q = q.where('visit_tasks.community_id', '=', f.communityId);
  if (f.assigneeId) q = q.where('visit_tasks.assignee_id', '=', f.assigneeId);
  if (f.status) q = q.where('visit_tasks.status', '=', f.status);
  if (f.reason) q = q.where('visit_tasks.reason', '=', f.reason);
  if (f.method) q = q.where('visit_tasks.method', '=', f.method);
  if (f.householdId) q = q.where('visit_tasks.household_id', '=', f.householdId);
  if (f.buildingId) q = q.where('visit_tasks.household_id', 'in', inCompany(db, ctx, 'households as hb').select('hb.id').where('hb.building_id', '=', f.buildingId));
  if (f.dueFrom) q = q.where('visit_tasks.due_date', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('visit_tasks.due_date', '<=', f.dueTo);
  if (f.cancelled === 'false') q = q.where('visit_tasks.status', '!=', 'cancelled');
  if (f.cancelled === 'true') q = q.where('visit_tasks.status', '=', 'cancelled');
  const [count, found] = await Promise.all([
    boundedCount(db, q, countBound),
    f.view === 'all' ? openFirst(db, q, f.limit + 1, f.offset, from) : part(q, 'open', DUE_FIRST, from?.slice(1) ?? null, f.limit + 1, from ? 0 : f.offset),
  ]);
  const { rows: page, nextCursor } = cut('tasks', found, f.limit, (r) => [r.part, r.due_date, r.id]);
  if (page.length === 0) return { items: [], ...count, nextCursor };
  const ids = page.map((r) => r.id);
  const rows = await selectTasks(db, ctx).where('visit_tasks.id', 'in', ids).execute();
  const items = inOrderOf(ids, rows).map((r) => toTask(ctx, r));
  // Within a day, appointments come in the order of their time.
  if (f.view === 'today') items.sort((a, b) => (a.appointmentAt ?? '9').localeCompare(b.appointmentAt ?? '9'));
  return { items, ...count, nextCursor };
}

/** One part of a list (the open or the closed tasks) in its order, after a cursor or from an offset. */
async function part(q: ReturnType<typeof visibleTasks>, which: PageRow['part'], order: SortKey[], after_: KeyValue[] | null, limit: number, offset: number): Promise<PageRow[]> {
  const rows = await keysetPage(q.where(which === 'open' ? isOpen : isClosed).select(['visit_tasks.id', 'visit_tasks.due_date']), order, after_, limit, offset).execute();
  return rows.map((r) => ({ id: r.id, due_date: r.due_date, part: which }));
}

/**
 * The page of "all" tasks: the open ones first, the most urgent (earliest due) first, then the closed ones,
 * the most recent first — so a supervisor's list opens on what is left to do, not on what was finished
 * months ago. Two index-ordered queries rather than one ORDER BY CASE, so each reads its own partial index in
 * order (visit_tasks_open_… and visit_tasks_closed_…; visit_tasks_assignee_idx for a visitor).
 */
async function openFirst(db: Db, q: ReturnType<typeof visibleTasks>, limit: number, offset: number, from: KeyValue[] | null): Promise<PageRow[]> {
  const inClosed = from?.[0] === 'closed';
  const first = inClosed ? [] : await part(q, 'open', DUE_FIRST, from?.slice(1) ?? null, limit, from ? 0 : offset);
  if (first.length === limit) return first;
  let skip = 0;
  if (!from && offset > 0) {
    // Rows of the offset that the open part did not hold: the open tasks, counted up to the offset.
    const open = first.length > 0 ? { total: offset + first.length } : await boundedCount(db, q.where(isOpen), offset);
    skip = Math.max(0, offset - open.total);
  }
  const rest = await part(q, 'closed', RECENT_FIRST, inClosed ? from.slice(1) : null, limit - first.length, skip);
  return [...first, ...rest];
}

/**
 * A task anywhere in the caller's communities, whoever it is assigned to: for use cases that then decide
 * themselves whether the caller may act on it (and say so, rather than answer 404).
 */
export async function findTaskInScope(db: Db, ctx: Ctx, id: number): Promise<VisitTask | null> {
  const row = await selectTasks(db, ctx).where('visit_tasks.id', '=', id).executeTakeFirst();
  return row ? toTask(ctx, row) : null;
}

/**
 * The task a visit is recorded for (as `findTaskInScope`), with the latest version of the questionnaire it
 * names: the one read that recording needs before it writes. Compiled once per scope shape (it runs for every
 * submission).
 */
const taskForRecording = compiledQuery<Record<string, number>, TaskRow & { latest_version_id: number | null }>((db, p, shape) => {
  const scope = scopeSlots(p, shape);
  return selectTasks(db, scope)
    .select(latestVersionColumn(db, scope, sql.ref<number | null>('visit_tasks.questionnaire_id')).as('latest_version_id'))
    .where('visit_tasks.id', '=', p.id);
});

export async function findTaskForRecording(db: Db, ctx: Ctx, id: number): Promise<(VisitTask & { latestVersionId: number | null }) | null> {
  const row = (await taskForRecording(db, scopeShape(ctx), { ...scopeArgs(ctx), id })).rows[0];
  return row ? { ...toTask(ctx, row), latestVersionId: row.latest_version_id } : null;
}

export async function getTask(db: Db, ctx: Ctx, id: number): Promise<VisitTask> {
  const visible = visibleTasks(db, ctx, false).select('visit_tasks.id').where('visit_tasks.id', '=', id);
  const row = await selectTasks(db, ctx).where('visit_tasks.id', 'in', visible).executeTakeFirst();
  if (!row) throw notFound('task');
  return toTask(ctx, row);
}

/** One task with the questionnaire version its visit is answered in (the server's choice, see task-questionnaire.ts). */
export async function getTaskDetail(db: Db, ctx: Ctx, id: number): Promise<VisitTaskDetail> {
  const task = await getTask(db, ctx, id);
  return { ...task, questionnaire: await taskQuestionnaire(db, ctx, task) };
}
