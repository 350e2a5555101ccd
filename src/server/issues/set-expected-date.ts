/**
 * When an issue cannot be solved in time, the handler sets the expected resolution date and the resident
 * is told. The message is kept on the timeline and queued for the resident (SMS); without an SMS provider
 * the log channel records it, so it is never lost.
 */
import type { Issue } from '../../shared/schemas/issues.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso, shanghaiToday } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { enqueue } from '../notifications/outbox.js';
import { canAct, findIssue, getIssue } from './queries.js';
import { isOpenStatus } from './issue-status.js';
import { actor, addTimeline } from './timeline.js';
import { scopedUpdate } from '../scope.js';

export async function setExpectedDate(db: Db, ctx: Ctx, id: number, input: { date: string; message: string }): Promise<Issue> {
  requirePermission(ctx, 'issues.handle', 'issues.manage');
  const row = await findIssue(db, ctx, id);
  if (!canAct(ctx, row)) throw new AppError('issue_not_yours', 403);
  if (!isOpenStatus(row.status)) throw new AppError('issue_closed', 409, { status: row.status });
  if (input.date < shanghaiToday()) throw new AppError('date_in_past', 422, { field: 'date' }, { errors: [{ path: 'date', code: 'date_in_past' }] });
  const toResident = row.resident_id !== null;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'issues').set({ expected_resolve_date: input.date, updated_at: nowIso() }).where('id', '=', id).execute();
    if (toResident) await enqueue(trx, [{ companyId: ctx.companyId, channel: 'resident', recipientResidentId: row.resident_id, kind: 'issue_expected_date', title: '预计解决日期', body: input.message }]);
    await addTimeline(trx, [{ issueId: id, companyId: ctx.companyId, type: 'expected_date', comment: input.message, data: { date: input.date, toResident }, actor: actor(ctx) }]);
    await recordAudit(trx, actorOf(ctx), { action: 'issue.expected_date', entityType: 'issue', entityId: id, communityId: row.community_id, before: { date: row.expected_resolve_date }, after: { date: input.date } });
  });
  return getIssue(db, ctx, id);
}
