/**
 * The one writer of new visit tasks and of their cancellation by another domain: tasks created by users (one
 * or in bulk), the follow-up visits of issues (issues/follow-up-tasks.ts) and the demo company all insert here,
 * in multi-row statements small enough for both databases' parameter limits.
 */
import type { Insertable } from 'kysely';
import type { VisitReason } from '../../shared/schemas/visits.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import type { VisitTasksTable } from '../db/schema.js';
import type { WorkCalendar } from '../calendar/working-days.js';
import { OPEN_STATUSES } from './task-status.js';
import { dateOfDay } from '../../shared/shanghai.js';

export type NewTask = Insertable<VisitTasksTable>;

/**
 * A due date counted in working days from a day (the confirmation visit, the complainant's follow-up), with
 * what it was counted from, so that a change of the calendar can recount it (recount-due-dates.ts), and whether
 * the count crossed a year without its notice.
 */
export function countedDue(calendar: WorkCalendar, fromDay: number, workingDays: number) {
  const dueDay = calendar.addWorkingDays(fromDay, workingDays);
  return { due_date: dateOfDay(dueDay), due_from: dateOfDay(fromDay), due_working_days: workingDays, due_provisional: calendar.isProvisional(fromDay, dueDay) ? 1 : 0 };
}

export type CountedDue = ReturnType<typeof countedDue>;

/** Under 20 columns a row: 400 rows stay well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const ROWS_PER_STATEMENT = 400;

/** Inserts the tasks; returns their ids in the rows' order. */
export async function insertTasks(trx: Db, rows: readonly NewTask[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const inserted = await trx.insertInto('visit_tasks').values(rows.slice(i, i + ROWS_PER_STATEMENT)).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Cancels the open tasks of one reason about an issue, giving the reason; returns their ids. */
export async function cancelIssueTasks(trx: Db, issueId: number, reason: VisitReason, cancelReason: string): Promise<number[]> {
  const open = await trx.selectFrom('visit_tasks').select('id').where('issue_id', '=', issueId).where('reason', '=', reason).where('status', 'in', [...OPEN_STATUSES]).execute();
  if (!open.length) return [];
  const ids = open.map((t) => t.id);
  await trx.updateTable('visit_tasks').set({ status: 'cancelled', cancel_reason: cancelReason, updated_at: nowIso() }).where('id', 'in', ids).execute();
  return ids;
}
