/**
 * When the working-day calendar changes — a year's notice entered or removed, a holiday or working day added
 * by an administrator — the open issues whose deadlines rest on the changed days get them recomputed: the
 * same number of working days from the same start, on the new calendar. Deadlines already met stay as they
 * were. Each recomputed issue says so on its timeline; reminders for a deadline that moved are sent again.
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
  if (!rows.length) return 0;

  const settings = change.dryRun ? null : await loadSettings(trx, ctx.companyId);
  const timeline: TimelineInput[] = [];
  let changed = 0;
  for (const r of rows) {
    const reply = !r.replied_at && r.reply_days !== null && r.reply_due_at ? periodEnd(change.after, r.raised_at, r.reply_days) : null;
    const resolve = r.resolve_days !== null && r.resolve_due_at ? periodEnd(change.after, r.resolve_from ?? r.raised_at, r.resolve_days) : null;
    const replyMoved = reply !== null && (reply.dueAt !== r.reply_due_at || Number(reply.provisional) !== r.reply_due_provisional);
    const resolveMoved = resolve !== null && (resolve.dueAt !== r.resolve_due_at || Number(resolve.provisional) !== r.resolve_due_provisional);
    if (!replyMoved && !resolveMoved) continue;
    changed++;
    if (change.dryRun || !settings) continue;

    let notices = r.notices;
    if (reply && reply.dueAt !== r.reply_due_at) notices &= ~(NOTICE_BITS.reply_reminder | NOTICE_BITS.reply_overdue);
    if (resolve && resolve.dueAt !== r.resolve_due_at) notices &= ~NOTICE_BITS.resolve_reminder;
    const patch = { ...(replyMoved ? replyColumns(reply) : {}), ...(resolveMoved ? resolveColumns(resolve) : {}), notices };
    const check_at = nextCheck(change.after, settings, { ...r, ...patch });
    await unscoped(trx, 'deadline recomputation: an open issue of the company').updateTable('issues').set({ ...patch, check_at, updated_at: nowIso() }).where('id', '=', r.id).execute();
    const moved = (from: string | null, to: { dueAt: string; provisional: boolean }) => ({ from: shanghaiIso(from), to: shanghaiIso(to.dueAt), provisional: to.provisional });
    timeline.push({
      issueId: r.id,
      companyId: ctx.companyId,
      type: 'deadlines_recomputed',
      data: { cause: change.cause, ...(replyMoved && reply ? { reply: moved(r.reply_due_at, reply) } : {}), ...(resolveMoved && resolve ? { resolve: moved(r.resolve_due_at, resolve) } : {}) },
      actor: actor(ctx),
    });
  }
  await addTimeline(trx, timeline);
  return changed;
}
