/** Display rules shared by the visit pages: status colours, the "when" line of a task, idempotency keys. */
import type { TaskStatus, VisitTask } from '../../api/visits';
import { formatDate, formatDateTime } from '../../lib/format';

export const TASK_STATUS_COLOR: Record<TaskStatus, string> = {
  pending: 'blue',
  appointed: 'purple',
  completed: 'green',
  unreachable: 'orange',
  refused: 'red',
  cancelled: 'default',
};

export function taskWhen(task: VisitTask, t: (key: string, options?: Record<string, unknown>) => string): string {
  return task.appointmentAt
    ? t('visits.myTasks.appointment', { time: formatDateTime(task.appointmentAt) })
    : t('visits.myTasks.due', { date: formatDate(task.dueDate) });
}

/** A random key for Idempotency-Key; crypto.randomUUID is missing on plain-HTTP intranet hosts. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
