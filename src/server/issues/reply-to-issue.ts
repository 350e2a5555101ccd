/**
 * Replying to the resident: an oral reply recorded on the spot, or a written one composed in the console
 * and sent to the resident (SMS through the outbox). Each reply is marked on time or late against the
 * reply deadline; the first one meets it.
 */
import type { Issue, ReplyBody } from '../../shared/schemas/issues.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import { can, requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { enqueue } from '../notifications/outbox.js';
import { canAct, findIssue, getIssue } from './queries.js';
import { isOpenStatus } from './issue-status.js';
import { nextCheck } from './schedule.js';
import { loadSettings } from './settings.js';
import { actor, addTimeline } from './timeline.js';
import { scopedUpdate } from '../scope.js';

export async function replyToIssue(db: Db, ctx: Ctx, id: number, input: ReplyBody): Promise<Issue> {
  requirePermission(ctx, 'issues.handle', 'issues.manage');
  const row = await findIssue(db, ctx, id);
  if (!canAct(ctx, row)) throw new AppError('issue_not_yours', 403);
  if (!isOpenStatus(row.status) && row.status !== 'resolved') throw new AppError('issue_closed', 409, { status: row.status });
  const now = nowIso();
  const onTime = !row.reply_due_at || Date.parse(now) <= Date.parse(row.reply_due_at);
  const [calendar, settings] = await Promise.all([loadCompanyCalendar(db, ctx.companyId), loadSettings(db, ctx.companyId)]);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('issue_replies').values({ issue_id: id, company_id: ctx.companyId, mode: input.mode, content: input.content, replied_by: ctx.userId, replied_at: now, on_time: onTime ? 1 : 0 }).execute();
    // Whoever answers an issue nobody was assigned to becomes its handler.
    const took = row.assignee_id === null && can(ctx, 'issues.handle');
    if (!row.replied_at || took) {
      const replied_at = row.replied_at ?? now;
      const check_at = nextCheck(calendar, settings, { ...row, replied_at });
      await scopedUpdate(trx, ctx, 'issues')
        .set({ replied_at, check_at, updated_at: now, ...(took ? { assignee_id: ctx.userId, status: row.status === 'new' || row.status === 'reopened' ? 'assigned' : row.status } : {}) })
        .where('id', '=', id)
        .execute();
    }
    const toResident = input.mode === 'written' && row.resident_id !== null;
    if (toResident) await enqueue(trx, [{ companyId: ctx.companyId, channel: 'resident', recipientResidentId: row.resident_id, kind: 'issue_reply', title: '问题回复', body: input.content }]);
    await addTimeline(trx, [{ issueId: id, companyId: ctx.companyId, type: 'reply', comment: input.content, data: { mode: input.mode, onTime, toResident, ...(took ? { took: true } : {}) }, actor: actor(ctx) }]);
    await recordAudit(trx, actorOf(ctx), { action: 'issue.reply', entityType: 'issue', entityId: id, communityId: row.community_id, after: { mode: input.mode, onTime } });
  });
  return getIssue(db, ctx, id);
}
