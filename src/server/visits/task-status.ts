/**
 * The visit task's status machine, as data. Pure: tested without a database.
 *
 *   pending ──appoint──▶ appointed ──record──▶ completed
 *      │  ╲                  │╲
 *      │   record/refuse     │ └─refuse / unreachable / cancel
 *      └──attempts≥N──▶ unreachable         (cancelled, refused, unreachable, completed are final)
 */
import type { AttemptResult, TaskStatus } from '../../shared/schemas/visits.js';
import { AppError } from '../http/errors.js';

export type TaskEvent = 'appoint' | 'unappoint' | 'complete' | 'refuse' | 'give_up' | 'cancel';

export const TASK_TRANSITIONS: Record<TaskStatus, Partial<Record<TaskEvent, TaskStatus>>> = {
  pending: { appoint: 'appointed', complete: 'completed', refuse: 'refused', give_up: 'unreachable', cancel: 'cancelled' },
  appointed: { appoint: 'appointed', unappoint: 'pending', complete: 'completed', refuse: 'refused', give_up: 'unreachable', cancel: 'cancelled' },
  completed: {},
  unreachable: {},
  refused: {},
  cancelled: {},
};

export const OPEN_STATUSES: TaskStatus[] = ['pending', 'appointed'];

export function nextStatus(from: TaskStatus, event: TaskEvent): TaskStatus {
  const to = TASK_TRANSITIONS[from][event];
  if (!to) {
    throw new AppError('task_transition_invalid', 409, { from, event }, { allowed: Object.keys(TASK_TRANSITIONS[from]) });
  }
  return to;
}

/**
 * What a contact attempt does to a task: a refusal ends it as refused; after `maxFailed` failed attempts
 * it becomes unreachable; "call back later" and others keep it open.
 */
export function statusAfterAttempt(from: TaskStatus, result: AttemptResult, failedAttempts: number, maxFailed: number): TaskStatus {
  if (!OPEN_STATUSES.includes(from)) nextStatus(from, 'give_up');
  if (result === 'refused') return nextStatus(from, 'refuse');
  if (failedAttempts >= maxFailed) return nextStatus(from, 'give_up');
  return from;
}
