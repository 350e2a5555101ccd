/**
 * Escalating by hand (逐级上报): a handler who cannot solve an issue in time sends it one level up —
 * department head, community supervisor, management — and that level is told. The sweep escalates on
 * its own when the deadline passes; a level reached by hand is not announced again.
 */
import type { Issue } from '../../shared/schemas/issues.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { enqueue } from '../notifications/outbox.js';
import { TOP_LEVEL } from './deadline-plan.js';
import { canAct, findIssue, getIssue } from './queries.js';
import { isOpenStatus } from './issue-status.js';
import { issueRef, Recipients } from './notify.js';
import { nextCheck } from './schedule.js';
import { loadSettings } from './settings.js';
import { actor, addTimeline } from './timeline.js';
import { scopedUpdate } from '../scope.js';

export async function escalateIssue(db: Db, ctx: Ctx, id: number, comment: string): Promise<Issue> {
  requirePermission(ctx, 'issues.handle', 'issues.manage');
  const row = await findIssue(db, ctx, id);
  if (!canAct(ctx, row)) throw new AppError('issue_not_yours', 403);
  if (!isOpenStatus(row.status)) throw new AppError('issue_closed', 409, { status: row.status });
  if (row.kind === 'praise') throw new AppError('issue_no_deadline', 409);
  if (row.escalation_level >= TOP_LEVEL) throw new AppError('issue_escalation_top', 409);
  const now = nowIso();
  const [calendar, settings] = await Promise.all([loadCompanyCalendar(db, ctx.companyId), loadSettings(db, ctx.companyId)]);
  await db.transaction().execute(async (trx) => {
    const ref = issueRef(row);
    const recipients = new Recipients();
    await recipients.load(trx, [ref]);
    // One level up; a level without anyone to tell passes it on to the next that has someone.
    const { level, to, empty } = recipients.escalation(ref, row.escalation_level, row.escalation_level + 1);
    const check_at = nextCheck(calendar, settings, { ...row, escalation_level: level });
    // Guarded on the level read, so a sweep escalating at the same moment does not announce a level twice.
    const updated = await scopedUpdate(trx, ctx, 'issues').set({ escalation_level: level, escalated_at: now, check_at, updated_at: now }).where('id', '=', id).where('escalation_level', '=', row.escalation_level).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return;
    await enqueue(trx, recipients.messages('issue_escalated', ref, to, { due: row.resolve_due_at, level, dedupe: `issue:${id}:escalate:${level}:${row.resolve_due_at ?? ''}` }));
    await addTimeline(trx, [{ issueId: id, companyId: row.company_id, type: 'escalated', comment, data: { level, from: row.escalation_level, manual: true, ...(empty.length ? { noRecipient: empty } : {}), notified: to.length }, actor: actor(ctx) }]);
    await recordAudit(trx, actorOf(ctx), { action: 'issue.escalate', entityType: 'issue', entityId: id, communityId: row.community_id, before: { level: row.escalation_level }, after: { level } });
  });
  return getIssue(db, ctx, id);
}
