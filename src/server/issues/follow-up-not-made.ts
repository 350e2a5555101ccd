/**
 * A visit about an issue that ended without reaching the resident (unreachable after the configured attempts,
 * or refused) is put on the issue's timeline. When it was the confirmation visit, the resolution cannot stay
 * "resolved" for ever: as the company chose, the issue closes as 未能确认 (counted apart in the KPIs), or it goes to
 * the community supervisor (else management) to decide — close with a reason, or reopen. Runs in the
 * transaction that closed the task.
 */
import type { Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { enqueue } from '../notifications/outbox.js';
import { findIssueForTask } from './queries.js';
import { issueRef, Recipients } from './notify.js';
import { loadSettings } from './settings.js';
import { addTimeline } from './timeline.js';
import { applyIssueEvent } from './transition-issue.js';
import { scopedUpdate } from '../scope.js';

export async function followUpNotMade(trx: Db, ctx: Ctx, task: { id: number; issueId: number | null; reason: string }, status: string): Promise<void> {
  if (!task.issueId || (status !== 'unreachable' && status !== 'refused')) return;
  await addTimeline(trx, [{ issueId: task.issueId, companyId: ctx.companyId, type: 'visit_not_made', data: { taskId: task.id, reason: task.reason, status }, actor: { id: ctx.userId, name: ctx.displayName } }]);
  if (task.reason !== 'confirmation') return;
  const issue = await findIssueForTask(trx, ctx, task.issueId);
  if (!issue || issue.status !== 'resolved') return;

  const at = nowIso();
  await scopedUpdate(trx, ctx, 'issues').set({ unconfirmed_at: at, unconfirmed_reason: status, updated_at: at }).where('id', '=', issue.id).execute();
  const settings = await loadSettings(trx, ctx.companyId);
  if (settings.unconfirmedAction === 'close') {
    await applyIssueEvent(trx, ctx, issue, { event: 'close_unconfirmed', comment: '', attachmentIds: [] }, { system: true, data: { taskId: task.id, taskStatus: status } });
    return;
  }
  const ref = issueRef(issue);
  const recipients = new Recipients();
  await recipients.load(trx, [ref]);
  // The community supervisor decides; without one, management.
  const supervisor = recipients.level(ref, 2);
  const to = supervisor.length ? supervisor : recipients.level(ref, 3);
  await enqueue(trx, recipients.messages('issue_unconfirmed', ref, to, { dedupe: `issue:${issue.id}:unconfirmed:${task.id}` }));
  await addTimeline(trx, [{ issueId: issue.id, companyId: ctx.companyId, type: 'unconfirmed', data: { taskId: task.id, status, toLevel: supervisor.length ? 2 : 3, notified: to.length }, actor: null }]);
}
