/**
 * Recording a visit from a task: the questionnaire answers (checked against the version the server chose for
 * the task, which the record keeps), outcome, times, who was spoken to, opinions, suggestions, the items raised
 * and attachments. The task closes, and the items become issues, in the same transaction (on PostgreSQL a visit
 * that raises nothing is written by one statement, record-writes.ts). A retried submission with the same
 * Idempotency-Key returns the first record instead of creating a second one (looked up only when recording
 * fails, see below); a paper questionnaire entered later keeps its real visit date and is audited as back-dated.
 */
import type { RecordVisitBody, VisitRecord } from '../../shared/schemas/visits.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { can, requirePermission, type Ctx } from '../context.js';
import { now, nowIso, shanghaiToday } from '../clock.js';
import { constraintViolation, type Db, type DialectName } from '../db/database.js';
import { AppError, invalidReference, notFound } from '../http/errors.js';
import { versionForSubmission } from '../questionnaires/task-questionnaire.js';
import { tallyColumns } from '../questionnaires/answer-tally.js';
import { averageScore, validateAnswers } from '../questionnaires/validate-answers.js';
import { getRecord } from './record-queries.js';
import { findTaskForRecording } from './task-queries.js';
import { nextStatus, OPEN_STATUSES } from './task-status.js';
import { visitOutcomes } from './visit-outcomes.js';
import { shanghaiDate } from '../../shared/shanghai.js';
import { inCompany } from '../scope.js';
import { insertItems, insertRecord, setTaskStatus, writeRecordAlone, type NewRecord } from './record-writes.js';

export interface RecordResult {
  record: VisitRecord;
  replayed: boolean;
}

export async function recordVisit(db: Db, ctx: Ctx, taskId: number, input: RecordVisitBody, idempotencyKey: string | null, dialect: DialectName = 'sqlite'): Promise<RecordResult> {
  requirePermission(ctx, 'visits.work', 'visits.manage');
  try {
    return await record(db, ctx, taskId, input, idempotencyKey, dialect);
  } catch (err) {
    // A retry with the key of a recorded visit gets that record back, whatever else it would be refused for. The key
    // is looked up only once recording failed: a retry finds its task closed (a record closes it for good), or the
    // unique key refuses a second record, so a first submission pays no lookup. Two submissions racing: the loser
    // finds the winner's record (same key) or a closed task.
    const unique = constraintViolation(err) === 'unique';
    if (idempotencyKey && (unique || err instanceof AppError)) {
      const replay = await replayed(db, ctx, taskId, idempotencyKey);
      if (replay) return replay;
    }
    if (unique) throw new AppError('task_closed', 409, { status: 'completed' });
    throw err;
  }
}

async function record(db: Db, ctx: Ctx, taskId: number, input: RecordVisitBody, idempotencyKey: string | null, dialect: DialectName): Promise<RecordResult> {
  const task = await findTaskForRecording(db, ctx, taskId);
  if (!task) throw notFound('task');
  if (task.assigneeId !== ctx.userId && !can(ctx, 'visits.manage')) throw new AppError('task_not_yours', 403);
  if (!OPEN_STATUSES.includes(task.status)) throw new AppError('task_closed', 409, { status: task.status });
  const status = nextStatus(task.status, input.outcome === 'refused' ? 'refuse' : 'complete');
  const confirming = task.reason === 'confirmation' && task.issueId !== null && input.outcome === 'completed';
  if (confirming && !input.confirmation) throw new AppError('confirmation_required', 422, {}, { errors: [{ path: 'confirmation', code: 'required' }] });

  // The version is the server's choice for the task (task-questionnaire.ts), never the client's alone; a refusal
  // asks nothing, so only a completed visit must answer the required questions.
  const version = await versionForSubmission(db, ctx, task, input.questionnaireVersionId);
  const versionId = version?.id ?? null;
  const questions = version?.questions ?? [];
  if (input.outcome === 'completed' || Object.keys(input.answers).length > 0) {
    const errors = validateAnswers(questions, input.answers);
    if (errors.length) throw new AppError('answers_invalid', 422, { count: errors.length }, { errors: errors.map((e) => ({ path: e.path, code: e.code, params: e.params })) });
  }

  // Answering the resident on the spot is a reply on the issue's behalf: it takes its own permission.
  if (input.items.some((i) => i.reply) && !can(ctx, 'issues.reply_on_visit')) throw new AppError('forbidden', 403, { permission: 'issues.reply_on_visit' });
  const started = new Date(input.startedAt);
  const ended = new Date(input.endedAt);
  if (ended < started || ended.getTime() > now() + 5 * 60_000) throw new AppError('time_range_invalid', 422);
  const visitDate = shanghaiDate(started);
  const backdated = visitDate < shanghaiToday();

  const score = averageScore(questions, input.answers);
  const method = input.method ?? task.method;
  const createdAt = nowIso();
  const row: NewRecord = {
    community_id: task.communityId,
    task_id: task.id,
    household_id: task.householdId,
    resident_id: task.residentId,
    visitor_id: ctx.userId,
    method,
    reason: task.reason,
    outcome: input.outcome,
    started_at: started.toISOString(),
    ended_at: ended.toISOString(),
    visit_date: visitDate,
    backdated: backdated ? 1 : 0,
    spoken_to: input.spokenTo,
    questionnaire_version_id: versionId,
    answers: JSON.stringify(input.answers),
    average_score: score,
    ...tallyColumns(version ? questions : null, input.answers),
    opinions: input.opinions,
    suggestions: input.suggestions,
    improvement_measures: input.improvementMeasures,
    item_count: input.items.length,
    idempotency_key: idempotencyKey,
    created_at: createdAt,
  };
  const audit = {
    action: backdated ? 'visit.record_backdated' : 'visit.record',
    entityType: 'record',
    communityId: task.communityId,
    after: { taskId: task.id, outcome: input.outcome, visitDate, items: input.items.length },
  };
  const updatedAt = nowIso();
  const alone = dialect === 'postgres' && !input.items.length && !input.attachmentIds.length && !confirming && input.outcome !== 'refused';
  const { id, itemIds, issueIds, attachments } = alone
    ? { id: await writeRecordAlone(db, ctx, row, status, updatedAt, actorOf(ctx), audit), itemIds: [], issueIds: [], attachments: [] }
    : await db.transaction().execute(async (trx) => {
        if (input.attachmentIds.length) {
          const linked = await trx
            .updateTable('attachments')
            .set({ community_id: task.communityId })
            .where('id', 'in', input.attachmentIds)
            .where('company_id', '=', ctx.companyId)
            .where('uploaded_by', '=', ctx.userId)
            .where('record_id', 'is', null)
            .executeTakeFirst();
          if (Number(linked.numUpdatedRows) !== new Set(input.attachmentIds).size) throw invalidReference('attachment', 'attachmentIds');
        }
        const id = await insertRecord(trx, ctx, row);
        const itemIds = await insertItems(
          trx,
          ctx,
          id,
          input.items.map((i) => ({ community_id: task.communityId, household_id: task.householdId, kind: i.kind, category: i.category, description: i.description, raised_on: visitDate })),
        );
        const outcomes = visitOutcomes();
        const issueIds = await outcomes.itemsRaised(
          trx,
          ctx,
          { id, communityId: task.communityId, householdId: task.householdId, residentId: task.residentId, raisedAt: started.toISOString(), endedAt: ended.toISOString() },
          input.items.map((item, i) => ({ id: itemIds[i], ...item })),
        );
        if (confirming && input.confirmation) await outcomes.confirmationAnswered(trx, ctx, task.issueId!, id, input.confirmation);
        if (input.outcome === 'refused') await outcomes.visitNotMade(trx, ctx, task, 'refused');
        const attachments = input.attachmentIds.length
          ? await trx
              .updateTable('attachments')
              .set({ record_id: id })
              .where('id', 'in', input.attachmentIds)
              .returning(['id', 'file_name', 'content_type', 'size', 'created_at'])
              .execute()
          : [];
        await setTaskStatus(trx, ctx, task.id, status, updatedAt);
        await recordAudit(trx, actorOf(ctx), { ...audit, entityId: id });
        return { id, itemIds, issueIds, attachments };
      });
  // Everything in the answer is known here; reading the record back would only cost time.
  const record: VisitRecord = {
    id,
    taskId: task.id,
    communityId: task.communityId,
    householdId: task.householdId,
    householdLabel: task.householdLabel,
    residentId: task.residentId,
    residentName: task.residentName,
    visitorId: ctx.userId,
    visitorName: ctx.displayName,
    method,
    reason: task.reason,
    outcome: input.outcome,
    startedAt: started.toISOString(),
    endedAt: ended.toISOString(),
    visitDate,
    backdated,
    spokenTo: input.spokenTo,
    questionnaireVersionId: versionId,
    answers: input.answers,
    averageScore: score,
    opinions: input.opinions,
    suggestions: input.suggestions,
    improvementMeasures: input.improvementMeasures,
    items: input.items.map((item, i) => ({ id: itemIds[i], ...item, issueId: issueIds[i] ?? null, issueStatus: issueIds[i] ? 'new' : null })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, size: a.size, createdAt: a.created_at })),
    corrections: [],
    createdAt,
    canCorrect: true,
  };
  return { record, replayed: false };
}

async function replayed(db: Db, ctx: Ctx, taskId: number, key: string): Promise<RecordResult | null> {
  const existing = await inCompany(db, ctx, 'visit_records').select(['id', 'task_id']).where('idempotency_key', '=', key).executeTakeFirst();
  if (!existing) return null;
  if (existing.task_id !== taskId) throw new AppError('idempotency_key_reused', 422);
  return { record: await getRecord(db, ctx, existing.id), replayed: true };
}
