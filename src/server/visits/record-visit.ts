/**
 * Recording a visit from a task: the questionnaire answers (checked against the exact version), outcome,
 * times, who was spoken to, opinions, suggestions, the items raised and attachments. The task closes in
 * the same transaction. A retried submission with the same Idempotency-Key returns the first record
 * instead of creating a second one; a paper questionnaire entered later keeps its real visit date and
 * is audited as back-dated.
 */
import type { Question } from '../../shared/schemas/questionnaires.js';
import type { RecordVisitBody, TaskStatus, VisitRecord } from '../../shared/schemas/visits.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { can, inScope, requirePermission, type Ctx } from '../context.js';
import { constraintViolation, nowIso, type Db } from '../db/database.js';
import { AppError, invalidReference, notFound } from '../http/errors.js';
import { averageScore, validateAnswers } from '../questionnaires/validate-answers.js';
import { scopedTasks } from '../scope.js';
import { shanghaiDate } from './dates.js';
import { getRecord } from './record-queries.js';
import { nextStatus, OPEN_STATUSES } from './task-status.js';

/** Published versions never change, so their questions are cached by id (with their owner for checks). */
const versionCache = new Map<number, { companyId: number; communityId: number | null; questions: Question[] }>();

async function versionQuestions(db: Db, ctx: Ctx, versionId: number): Promise<Question[]> {
  let v = versionCache.get(versionId);
  if (!v) {
    const row = await db
      .selectFrom('questionnaire_versions as v')
      .innerJoin('questionnaires as q', 'q.id', 'v.questionnaire_id')
      .select(['v.company_id', 'v.questions', 'q.community_id'])
      .where('v.id', '=', versionId)
      .executeTakeFirst();
    if (!row) throw invalidReference('questionnaire', 'questionnaireVersionId');
    v = { companyId: row.company_id, communityId: row.community_id, questions: JSON.parse(row.questions) as Question[] };
    versionCache.set(versionId, v);
  }
  if (v.companyId !== ctx.companyId || (v.communityId !== null && !inScope(ctx, v.communityId))) throw invalidReference('questionnaire', 'questionnaireVersionId');
  return v.questions;
}

async function latestVersionId(db: Db, questionnaireId: number): Promise<number | null> {
  const row = await db.selectFrom('questionnaire_versions').select('id').where('questionnaire_id', '=', questionnaireId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export interface RecordResult {
  record: VisitRecord;
  replayed: boolean;
}

export async function recordVisit(db: Db, ctx: Ctx, taskId: number, input: RecordVisitBody, idempotencyKey: string | null): Promise<RecordResult> {
  requirePermission(ctx, 'visits.work', 'visits.manage');
  if (idempotencyKey) {
    const replay = await replayed(db, ctx, taskId, idempotencyKey);
    if (replay) return replay;
  }
  const task = await scopedTasks(db, ctx).selectAll().where('visit_tasks.id', '=', taskId).executeTakeFirst();
  if (!task || (task.assignee_id !== ctx.userId && !can(ctx, 'visits.manage'))) {
    if (!task) throw notFound('task');
    throw new AppError('task_not_yours', 403);
  }
  if (!OPEN_STATUSES.includes(task.status as TaskStatus)) throw new AppError('task_closed', 409, { status: task.status });
  const status = nextStatus(task.status as TaskStatus, input.outcome === 'refused' ? 'refuse' : 'complete');

  const versionId = input.questionnaireVersionId ?? (task.questionnaire_id ? await latestVersionId(db, task.questionnaire_id) : null);
  const questions = versionId ? await versionQuestions(db, ctx, versionId) : [];
  if (input.outcome === 'completed' || Object.keys(input.answers).length > 0) {
    const errors = validateAnswers(questions, input.answers);
    if (errors.length) throw new AppError('answers_invalid', 422, { count: errors.length }, { errors: errors.map((e) => ({ path: e.path, code: e.code, params: e.params })) });
  }

  const started = new Date(input.startedAt);
  const ended = new Date(input.endedAt);
  if (ended < started || ended.getTime() > Date.now() + 5 * 60_000) throw new AppError('time_range_invalid', 422);
  const visitDate = shanghaiDate(started);
  const backdated = visitDate < shanghaiDate();

  try {
    const id = await db.transaction().execute(async (trx) => {
      if (input.attachmentIds.length) {
        const linked = await trx
          .updateTable('attachments')
          .set({ community_id: task.community_id })
          .where('id', 'in', input.attachmentIds)
          .where('company_id', '=', ctx.companyId)
          .where('uploaded_by', '=', ctx.userId)
          .where('record_id', 'is', null)
          .executeTakeFirst();
        if (Number(linked.numUpdatedRows) !== new Set(input.attachmentIds).size) throw invalidReference('attachment', 'attachmentIds');
      }
      const { id } = await trx
        .insertInto('visit_records')
        .values({
          company_id: ctx.companyId,
          community_id: task.community_id,
          task_id: task.id,
          household_id: task.household_id,
          resident_id: task.resident_id,
          visitor_id: ctx.userId,
          method: input.method ?? task.method,
          reason: task.reason,
          outcome: input.outcome,
          started_at: started.toISOString(),
          ended_at: ended.toISOString(),
          visit_date: visitDate,
          backdated: backdated ? 1 : 0,
          spoken_to: input.spokenTo,
          questionnaire_version_id: versionId,
          answers: JSON.stringify(input.answers),
          average_score: averageScore(questions, input.answers),
          opinions: input.opinions,
          suggestions: input.suggestions,
          improvement_measures: input.improvementMeasures,
          item_count: input.items.length,
          idempotency_key: idempotencyKey,
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.items.length) {
        await trx
          .insertInto('visit_record_items')
          .values(input.items.map((i) => ({ record_id: id, company_id: ctx.companyId, community_id: task.community_id, household_id: task.household_id, kind: i.kind, category: i.category, description: i.description, raised_on: visitDate })))
          .execute();
      }
      if (input.attachmentIds.length) await trx.updateTable('attachments').set({ record_id: id }).where('id', 'in', input.attachmentIds).execute();
      await trx.updateTable('visit_tasks').set({ status, updated_at: nowIso() }).where('id', '=', task.id).execute();
      await recordAudit(trx, actorOf(ctx), {
        action: backdated ? 'visit.record_backdated' : 'visit.record',
        entityType: 'record',
        entityId: id,
        communityId: task.community_id,
        after: { taskId: task.id, outcome: input.outcome, visitDate, items: input.items.length },
      });
      return id;
    });
    return { record: await getRecord(db, ctx, id), replayed: false };
  } catch (err) {
    // Two submissions racing: the loser finds the winner's record (same key) or a closed task.
    if (constraintViolation(err) === 'unique') {
      const replay = idempotencyKey ? await replayed(db, ctx, taskId, idempotencyKey) : null;
      if (replay) return replay;
      throw new AppError('task_closed', 409, { status: 'completed' });
    }
    throw err;
  }
}

async function replayed(db: Db, ctx: Ctx, taskId: number, key: string): Promise<RecordResult | null> {
  const existing = await db.selectFrom('visit_records').select(['id', 'task_id']).where('company_id', '=', ctx.companyId).where('idempotency_key', '=', key).executeTakeFirst();
  if (!existing) return null;
  if (existing.task_id !== taskId) throw new AppError('idempotency_key_reused', 422);
  return { record: await getRecord(db, ctx, existing.id), replayed: true };
}
