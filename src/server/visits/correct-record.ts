/**
 * A submitted record is immutable except by a correction that states its reason: the visitor who made it
 * or a supervisor changes answers or texts; the correction is kept on the record and in the audit log.
 */
import type { CorrectRecordBody, VisitRecord } from '../../shared/schemas/visits.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { tallyColumns } from '../questionnaires/answer-tally.js';
import { averageScore, validateAnswers } from '../questionnaires/validate-answers.js';
import { getVersion } from '../questionnaires/queries.js';
import { getRecord } from './record-queries.js';
import { scopedUpdate } from '../scope.js';

export async function correctRecord(db: Db, ctx: Ctx, id: number, input: CorrectRecordBody): Promise<VisitRecord> {
  requirePermission(ctx, 'visits.work', 'visits.manage');
  const before = await getRecord(db, ctx, id);
  if (!before.canCorrect) throw new AppError('task_not_yours', 403);
  const answers = input.answers ?? before.answers;
  let score = before.averageScore;
  let tally = {};
  if (input.answers) {
    const questions = before.questionnaireVersionId ? (await getVersion(db, ctx, before.questionnaireVersionId)).questions : [];
    const errors = validateAnswers(questions, answers);
    if (errors.length) throw new AppError('answers_invalid', 422, { count: errors.length }, { errors });
    score = averageScore(questions, answers);
    tally = tallyColumns(before.questionnaireVersionId ? questions : null, answers);
  }
  const after = {
    answers,
    spokenTo: input.spokenTo ?? before.spokenTo,
    opinions: input.opinions ?? before.opinions,
    suggestions: input.suggestions ?? before.suggestions,
    improvementMeasures: input.improvementMeasures ?? before.improvementMeasures,
  };
  const diff = changes({ answers: before.answers, spokenTo: before.spokenTo, opinions: before.opinions, suggestions: before.suggestions, improvementMeasures: before.improvementMeasures }, after);
  if (!diff.changed) return before;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'visit_records')
      .set({ answers: JSON.stringify(after.answers), average_score: score, ...tally, spoken_to: after.spokenTo, opinions: after.opinions, suggestions: after.suggestions, improvement_measures: after.improvementMeasures })
      .where('id', '=', id)
      .execute();
    await trx.insertInto('visit_record_corrections').values({ record_id: id, user_id: ctx.userId, at: nowIso(), reason: input.reason, fields: JSON.stringify(Object.keys(diff.after)) }).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'visit.correct', entityType: 'record', entityId: id, communityId: before.communityId, before: diff.before, after: { ...diff.after, reason: input.reason } });
  });
  return getRecord(db, ctx, id);
}
