/**
 * Who may do what with a visit task or record, decided for the caller: the use cases enforce these rules and
 * the responses carry them (`allowedActions`, `canCorrect`), so the console shows what the server allows and
 * never works it out itself. Pure.
 */
import type { TaskAction, TaskStatus } from '../../shared/schemas/visits.js';
import { can, type Ctx } from '../context.js';
import { TASK_TRANSITIONS, type TaskEvent } from './task-status.js';

/** The status-machine event each action needs; an action the task's status does not allow is not offered. */
const ACTION_EVENT: Record<TaskAction, TaskEvent> = { record: 'complete', attempt: 'give_up', appoint: 'appoint', reassign: 'cancel', cancel: 'cancel' };

/** The assignee works the task (record, attempt, appointment); a supervisor (visits.manage) may do all, and reassigns and cancels. */
export function taskActions(ctx: Ctx, task: { status: TaskStatus; assigneeId: number | null }): TaskAction[] {
  const manager = can(ctx, 'visits.manage');
  const works = manager || (can(ctx, 'visits.work') && task.assigneeId === ctx.userId);
  return (Object.keys(ACTION_EVENT) as TaskAction[]).filter((action) => {
    if (!TASK_TRANSITIONS[task.status][ACTION_EVENT[action]]) return false;
    return action === 'reassign' || action === 'cancel' ? manager : works;
  });
}

/** A record is corrected by the visitor who made it or by a supervisor. */
export function canCorrectRecord(ctx: Ctx, record: { visitorId: number }): boolean {
  return can(ctx, 'visits.manage') || (can(ctx, 'visits.work') && record.visitorId === ctx.userId);
}
