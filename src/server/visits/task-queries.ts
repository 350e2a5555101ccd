/**
 * Reading visit tasks: a visitor's "today / overdue / upcoming", a supervisor's lists, one task (with the
 * questionnaire its visit is answered in). Every task carries what the caller may do with it.
 * Dates are Asia/Shanghai calendar dates.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { TaskListQuery, VisitTask, VisitTaskDetail } from '../../shared/schemas/visits.js';
import { can, requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { formatRoomLabel } from '../households/room.js';
import { scopedTasks } from '../scope.js';
import { latestVersionColumn, taskQuestionnaire } from '../questionnaires/task-questionnaire.js';
import { sql } from 'kysely';
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

/** Who may see which tasks: visitors only their own; supervisors every task in their communities. */
function visibleTasks(db: Db, ctx: Ctx, mineOnly: boolean) {
  requirePermission(ctx, 'visits.work', 'visits.manage');
  let q = scopedTasks(db, ctx);
  if (mineOnly || !can(ctx, 'visits.manage')) q = q.where('visit_tasks.assignee_id', '=', ctx.userId);
  return q;
}

/**
 * Filters and pages on visit_tasks alone (its indexes serve the visitor's views), then joins the
 * household, resident, assignee and record for the one page only.
 */
export async function listTasks(db: Db, ctx: Ctx, f: TaskListQuery): Promise<Page<VisitTask>> {
  let q = visibleTasks(db, ctx, f.mine === 'true');
  const today = shanghaiToday();
  if (f.view !== 'all') q = q.where('visit_tasks.status', 'in', OPEN_STATUSES);
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
  const [{ total }, page] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    f.view === 'all' ? openFirst(q, f.limit, f.offset) : q.select('visit_tasks.id').orderBy('visit_tasks.due_date').orderBy('visit_tasks.id').limit(f.limit).offset(f.offset).execute(),
  ]);
  if (page.length === 0) return { items: [], total: Number(total) };
  const rows = await selectTasks(db, ctx)
    .where('visit_tasks.id', 'in', page.map((r) => r.id))
    .execute();
  const order = new Map(page.map((r, i) => [r.id, i]));
  const items = rows.map((r) => toTask(ctx, r)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  // Within a day, appointments come in the order of their time.
  if (f.view === 'today') items.sort((a, b) => (a.appointmentAt ?? '9').localeCompare(b.appointmentAt ?? '9'));
  return { items, total: Number(total) };
}

/**
 * The page of "all" tasks: the open ones first, the most urgent (earliest due) first, then the closed ones,
 * the most recent first — so a supervisor's list opens on what is left to do, not on what was finished
 * months ago. Two index-ordered queries rather than one ORDER BY CASE, so each still reads its index in
 * order (visit_tasks_assignee_idx for a visitor, visit_tasks_community_idx for a community).
 */
async function openFirst(q: ReturnType<typeof visibleTasks>, limit: number, offset: number): Promise<{ id: number }[]> {
  const open = q.where('visit_tasks.status', 'in', OPEN_STATUSES);
  const { n } = await open.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const openCount = Number(n);
  const first = offset < openCount ? await open.select('visit_tasks.id').orderBy('visit_tasks.due_date').orderBy('visit_tasks.id').limit(limit).offset(offset).execute() : [];
  if (first.length === limit) return first;
  const rest = await q
    .where('visit_tasks.status', 'not in', OPEN_STATUSES)
    .select('visit_tasks.id')
    .orderBy('visit_tasks.due_date', 'desc')
    .orderBy('visit_tasks.id', 'desc')
    .limit(limit - first.length)
    .offset(Math.max(0, offset - openCount))
    .execute();
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
