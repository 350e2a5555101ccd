/**
 * Changing a task: supervisors reassign, reschedule or cancel; the assignee makes an appointment
 * (which moves the task to "appointed"). Finished tasks cannot change.
 */
import type { UpdateTaskBody, VisitTask } from '../../shared/schemas/visits.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { can, requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { assertAssignees } from '../users/assignees.js';
import { getTask } from './task-queries.js';
import { nextStatus, OPEN_STATUSES } from './task-status.js';
import { scopedUpdate } from '../scope.js';

export async function updateTask(db: Db, ctx: Ctx, id: number, input: UpdateTaskBody): Promise<VisitTask> {
  requirePermission(ctx, 'visits.work', 'visits.manage');
  const before = await getTask(db, ctx, id);
  const manager = can(ctx, 'visits.manage');
  // Visitors may only set an appointment or a note on their own task; the rest is for supervisors.
  if (!manager && (input.assigneeId !== undefined || input.dueDate !== undefined || input.method !== undefined)) {
    throw new AppError('forbidden', 403, { permission: 'visits.manage' });
  }
  if (!OPEN_STATUSES.includes(before.status)) throw new AppError('task_closed', 409, { status: before.status });
  if (input.assigneeId != null) await assertAssignees(db, ctx, before.communityId, [input.assigneeId], 'assigneeId');
  const appointmentAt = input.appointmentAt !== undefined ? (input.appointmentAt ? new Date(input.appointmentAt).toISOString() : null) : before.appointmentAt;
  let status = before.status;
  if (input.appointmentAt) status = nextStatus(before.status, 'appoint');
  else if (input.appointmentAt === null && before.status === 'appointed') status = nextStatus(before.status, 'unappoint');
  const after = {
    assigneeId: input.assigneeId !== undefined ? input.assigneeId : before.assigneeId,
    dueDate: input.dueDate ?? before.dueDate,
    appointmentAt,
    method: input.method ?? before.method,
    note: input.note ?? before.note,
    status,
  };
  const diff = changes({ assigneeId: before.assigneeId, dueDate: before.dueDate, appointmentAt: before.appointmentAt, method: before.method, note: before.note, status: before.status }, after);
  if (!diff.changed) return before;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'visit_tasks')
      .set({
        assignee_id: after.assigneeId,
        due_date: after.dueDate,
        // A due date a person set is theirs: no longer counted in working days, nor recounted by the calendar.
        ...(after.dueDate !== before.dueDate ? { due_from: null, due_working_days: null, due_provisional: 0 } : {}),
        appointment_at: after.appointmentAt,
        method: after.method,
        note: after.note,
        status: after.status,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const action = before.assigneeId !== after.assigneeId ? 'task.assign' : 'task.update';
    await recordAudit(trx, actorOf(ctx), { action, entityType: 'task', entityId: id, communityId: before.communityId, ...diff });
  });
  return getTask(db, ctx, id);
}

export async function cancelTask(db: Db, ctx: Ctx, id: number, reason: string): Promise<VisitTask> {
  requirePermission(ctx, 'visits.manage');
  const before = await getTask(db, ctx, id);
  const status = nextStatus(before.status, 'cancel');
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'visit_tasks').set({ status, cancel_reason: reason, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'task.cancel', entityType: 'task', entityId: id, communityId: before.communityId, before: { status: before.status }, after: { status, reason } });
  });
  return getTask(db, ctx, id);
}
