/**
 * When the working-day calendar changes — a year's notice entered or removed, a holiday or working day added
 * by an administrator — the open issues whose deadlines rest on the changed days get them recomputed: the
 * same number of working days from the same start, on the new calendar. Deadlines already met stay as they
 * were. So do the issues' follow-up visits still to be made (the confirmation visit, the complainant's
 * follow-up), whose due dates were counted in working days. Each recomputed issue says so on its timeline;
 * reminders for a deadline that moved are sent again. The count returned is of issues and follow-up visits moved.
 */
import { OPEN_ISSUE_STATUSES } from '../../shared/schemas/issues.js';
import type { CalendarChange } from '../calendar/calendar-changes.js';
import { nowIso } from '../clock.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { NOTICE_BITS, periodEnd, replyColumns, resolveColumns } from './deadline-plan.js';
import { nextCheck } from './schedule.js';
import { loadSettings } from './settings.js';
import { actor, addTimeline, type TimelineInput } from './timeline.js';
import { dayNumber, shanghaiIso, startOfDayMs } from '../../shared/shanghai.js';
import { unscoped } from '../scope.js';
import { countedDue } from '../visits/insert-tasks.js';
import { OPEN_STATUSES as OPEN_TASK_STATUSES } from '../visits/task-status.js';

export async function recomputeOpenDeadlines(trx: Db, ctx: Ctx, change: CalendarChange): Promise<number> {
  // A period that ended before the first changed day cannot move.
  const since = new Date(startOfDayMs(dayNumber(change.since))).toISOString();
  const rows = await unscoped(trx, 'deadline recomputation: every open issue of the company follows its calendar')
    .selectFrom('issues')
    .select([
      'id',
      'status',
      'raised_at',
      'resolve_from',
      'replied_at',
      'reply_due_at',
      'resolve_due_at',
      'reply_days',
      'resolve_days',
      'reply_due_provisional',
      'resolve_due_provisional',
      'escalation_level',
      'notices',
    ])
    .where('company_id', '=', ctx.companyId)
    .where('status', 'in', [...OPEN_ISSUE_STATUSES])
    .where((eb) => eb.or([eb('resolve_due_at', '>=', since), eb.and([eb('replied_at', 'is', null), eb('reply_due_at', '>=', since)])]))
    .execute();
  const recounted = await recountFollowUpVisits(trx, ctx, change);
  if (!rows.length && !recounted.length) return 0;
  // An issue may have two visits to make (the confirmation and the complainant's follow-up): grouped by issue.
  const followUps = new Map<number, FollowUpMove[]>();
  for (const { issueId, ...move } of recounted) followUps.set(issueId, [...(followUps.get(issueId) ?? []), move]);

  const settings = change.dryRun ? null : await loadSettings(trx, ctx.companyId);
  const timeline: TimelineInput[] = [];
  let changed = 0;
  for (const r of rows) {
    const reply = !r.replied_at && r.reply_days !== null && r.reply_due_at ? periodEnd(change.after, r.raised_at, r.reply_days) : null;
    const resolve = r.resolve_days !== null && r.resolve_due_at ? periodEnd(change.after, r.resolve_from ?? r.raised_at, r.resolve_days) : null;
    const replyMoved = reply !== null && (reply.dueAt !== r.reply_due_at || Number(reply.provisional) !== r.reply_due_provisional);
    const resolveMoved = resolve !== null && (resolve.dueAt !== r.resolve_due_at || Number(resolve.provisional) !== r.resolve_due_provisional);
    const moves = followUps.get(r.id);
    followUps.delete(r.id);
    if (!replyMoved && !resolveMoved) {
      if (moves) timeline.push(recomputedEntry(ctx, change, r.id, { followUps: moves }));
      continue;
    }
    changed++;
    if (change.dryRun || !settings) continue;

    let notices = r.notices;
    if (reply && reply.dueAt !== r.reply_due_at) notices &= ~(NOTICE_BITS.reply_reminder | NOTICE_BITS.reply_overdue);
    if (resolve && resolve.dueAt !== r.resolve_due_at) notices &= ~NOTICE_BITS.resolve_reminder;
    const patch = { ...(replyMoved ? replyColumns(reply) : {}), ...(resolveMoved ? resolveColumns(resolve) : {}), notices };
    const check_at = nextCheck(change.after, settings, { ...r, ...patch });
    await unscoped(trx, 'deadline recomputation: an open issue of the company').updateTable('issues').set({ ...patch, check_at, updated_at: nowIso() }).where('id', '=', r.id).execute();
    const moved = (from: string | null, to: { dueAt: string; provisional: boolean }) => ({ from: shanghaiIso(from), to: shanghaiIso(to.dueAt), provisional: to.provisional });
    timeline.push(
      recomputedEntry(ctx, change, r.id, {
        ...(replyMoved && reply ? { reply: moved(r.reply_due_at, reply) } : {}),
        ...(resolveMoved && resolve ? { resolve: moved(r.resolve_due_at, resolve) } : {}),
        ...(moves ? { followUps: moves } : {}),
      }),
    );
  }
  // Follow-up visits of issues no longer open (resolved, closed): their own timeline entry.
  for (const [issueId, moves] of followUps) timeline.push(recomputedEntry(ctx, change, issueId, { followUps: moves }));
  if (!change.dryRun) await addTimeline(trx, timeline);
  return changed + recounted.length;
}

function recomputedEntry(ctx: Ctx, change: CalendarChange, issueId: number, moves: Record<string, unknown>): TimelineInput {
  return { issueId, companyId: ctx.companyId, type: 'deadlines_recomputed', data: { cause: change.cause, ...moves }, actor: actor(ctx) };
}

interface FollowUpMove {
  taskId: number;
  reason: string;
  from: string;
  to: string;
  provisional: boolean;
}

/**
 * Recounts the due dates of the follow-up visits still to be made whose count rests on changed days; returns
 * the moves with their issue (for the timeline) and writes them unless this is a preview.
 */
async function recountFollowUpVisits(trx: Db, ctx: Ctx, change: CalendarChange): Promise<(FollowUpMove & { issueId: number })[]> {
  const tasks = await unscoped(trx, 'deadline recomputation: every open follow-up visit of the company follows its calendar')
    .selectFrom('visit_tasks')
    .select(['id', 'issue_id', 'reason', 'due_date', 'due_from', 'due_working_days', 'due_provisional'])
    .where('company_id', '=', ctx.companyId)
    .where('status', 'in', [...OPEN_TASK_STATUSES])
    .where('issue_id', 'is not', null)
    .where('due_working_days', 'is not', null)
    .where('due_date', '>=', change.since)
    .execute();
  const moves: (FollowUpMove & { issueId: number })[] = [];
  for (const task of tasks) {
    if (task.due_from === null || task.due_working_days === null || task.issue_id === null) continue;
    const due = countedDue(change.after, dayNumber(task.due_from), task.due_working_days);
    if (due.due_date === task.due_date && due.due_provisional === task.due_provisional) continue;
    if (!change.dryRun) {
      await unscoped(trx, 'deadline recomputation: an open follow-up visit of the company')
        .updateTable('visit_tasks')
        .set({ due_date: due.due_date, due_provisional: due.due_provisional, updated_at: nowIso() })
        .where('id', '=', task.id)
        .execute();
    }
    moves.push({ issueId: task.issue_id, taskId: task.id, reason: task.reason, from: task.due_date, to: due.due_date, provisional: due.due_provisional === 1 });
  }
  return moves;
}
