/**
 * A visitor logs a contact attempt (no answer, busy, wrong number, not home, refused, call back later).
 * A refusal closes the task as refused; the Nth failed attempt (default 3) makes it unreachable.
 */
import type { AttemptBody, VisitTask } from '../../shared/schemas/visits.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { can, requirePermission, type Ctx } from '../context.js';
import { now, nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { getTask } from './task-queries.js';
import { statusAfterAttempt } from './task-status.js';
import { visitOutcomes } from './visit-outcomes.js';
import { scopedUpdate } from '../scope.js';

export async function logAttempt(db: Db, ctx: Ctx, taskId: number, input: AttemptBody, maxFailedAttempts: number): Promise<VisitTask> {
  requirePermission(ctx, 'visits.work', 'visits.manage');
  const task = await getTask(db, ctx, taskId);
  if (task.assigneeId !== ctx.userId && !can(ctx, 'visits.manage')) throw new AppError('task_not_yours', 403);
  const at = input.at ? new Date(input.at) : new Date(now());
  if (at.getTime() > now() + 5 * 60_000) throw new AppError('time_range_invalid', 422);
  // "Call back later" is a contact, not a failure.
  const failed = input.result === 'call_back_later' ? task.attemptCount : task.attemptCount + 1;
  const status = statusAfterAttempt(task.status, input.result, failed, maxFailedAttempts);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('visit_attempts').values({ task_id: task.id, company_id: ctx.companyId, at: at.toISOString(), result: input.result, note: input.note, user_id: ctx.userId }).execute();
    await scopedUpdate(trx, ctx, 'visit_tasks').set({ attempt_count: failed, status, updated_at: nowIso() }).where('id', '=', task.id).execute();
    if (status !== task.status) await visitOutcomes().visitNotMade(trx, ctx, task, status);
    await recordAudit(trx, actorOf(ctx), { action: 'task.attempt', entityType: 'task', entityId: task.id, communityId: task.communityId, after: { result: input.result, status } });
  });
  return getTask(db, ctx, task.id);
}

export async function listAttempts(db: Db, ctx: Ctx, taskId: number) {
  const task = await getTask(db, ctx, taskId);
  const rows = await db
    .selectFrom('visit_attempts')
    .leftJoin('users', 'users.id', 'visit_attempts.user_id')
    .select(['visit_attempts.id', 'visit_attempts.at', 'visit_attempts.result', 'visit_attempts.note', 'users.display_name'])
    .where('visit_attempts.task_id', '=', task.id)
    .orderBy('visit_attempts.at')
    .execute();
  const items = rows.map((r) => ({ id: r.id, at: r.at, result: r.result, note: r.note, userName: r.display_name }));
  return { items, total: items.length, totalKind: 'exact' as const, nextCursor: null };
}
