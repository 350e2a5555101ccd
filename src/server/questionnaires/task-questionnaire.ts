/**
 * Which questionnaire version a visit task is answered in. The rule is the server's: the task's detail and
 * briefing carry the version for the console to show, and recording the visit checks the answers against it.
 * The questionnaire the task names, else the first active one usable in the task's community (the built-in one
 * first, then by name); a confirmation visit (复访) asks only whether the issue is solved, so it gets none unless
 * the task names one. A submission may name an earlier version of that questionnaire (a draft keeps answering the
 * version it started with). Published versions never change, so their questions are cached by id; which version is
 * the latest is read each time (a version published on another instance counts at once), as a column of the
 * task's own query when recording a visit (`latestVersionColumn`).
 */
import type { Question } from '../../shared/schemas/questionnaires.js';
import type { TaskQuestionnaire, VisitReason } from '../../shared/schemas/visits.js';
import { inScope, type Ctx } from '../context.js';
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError, invalidReference } from '../http/errors.js';
import { scopedCommunities, scopedQuestionnaires } from '../scope.js';
import { usableIn } from './queries.js';

interface CachedVersion {
  companyId: number;
  communityId: number | null;
  questionnaireId: number;
  version: number;
  questions: Question[];
}

const versionCache = new Map<number, CachedVersion>();

/** A version the caller may use, with its questions; another company's or community's is an invalid reference. */
export async function usableVersion(db: Db, ctx: Ctx, versionId: number, path = 'questionnaireVersionId'): Promise<CachedVersion> {
  let v = versionCache.get(versionId);
  if (!v) {
    const row = await db
      .selectFrom('questionnaire_versions as v')
      .innerJoin('questionnaires as q', 'q.id', 'v.questionnaire_id')
      .select(['v.company_id', 'v.questionnaire_id', 'v.version', 'v.questions', 'q.community_id'])
      .where('v.id', '=', versionId)
      .executeTakeFirst();
    if (!row) throw invalidReference('questionnaire', path);
    v = { companyId: row.company_id, communityId: row.community_id, questionnaireId: row.questionnaire_id, version: row.version, questions: JSON.parse(row.questions) as Question[] };
    versionCache.set(versionId, v);
  }
  if (v.companyId !== ctx.companyId || (v.communityId !== null && !inScope(ctx, v.communityId))) throw invalidReference('questionnaire', path);
  return v;
}

interface TaskRef {
  questionnaireId: number | null;
  reason: VisitReason;
  communityId: number;
  /**
   * The latest version of the questionnaire the task names, when the caller read it with the task
   * (`latestVersionColumn`): null when that questionnaire is out of scope or has no version.
   */
  latestVersionId?: number | null;
}

/**
 * The latest version of a task's questionnaire (the one `questionnaireId` refers to) if the caller may use that
 * questionnaire, as a scalar subquery: recording a visit reads it with the task instead of two more queries.
 */
export function latestVersionColumn(db: Db, ctx: Ctx, questionnaireId: Expression<number | null>): RawBuilder<number | null> {
  const inScope = scopedQuestionnaires(db, ctx).select('questionnaires.id').where('questionnaires.id', '=', questionnaireId);
  return sql<number | null>`(select qv.id from questionnaire_versions qv where qv.questionnaire_id = ${questionnaireId} and qv.questionnaire_id in (${inScope}) order by qv.version desc limit 1)`;
}

async function chosenQuestionnaire(db: Db, ctx: Ctx, task: TaskRef): Promise<{ id: number; name: string } | undefined> {
  if (task.questionnaireId) return scopedQuestionnaires(db, ctx).select(['id', 'name']).where('id', '=', task.questionnaireId).executeTakeFirst();
  if (task.reason === 'confirmation') return undefined;
  const community = await scopedCommunities(db, ctx).select(['communities.id', 'communities.type']).where('communities.id', '=', task.communityId).executeTakeFirst();
  if (!community) return undefined;
  return scopedQuestionnaires(db, ctx)
    .select(['id', 'name'])
    .where('status', '=', 'active')
    .where(usableIn(community))
    .orderBy('builtin', 'desc')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
}

/** The questionnaire and its latest version for a task, or null when the visit asks no questions. */
export async function taskQuestionnaire(db: Db, ctx: Ctx, task: TaskRef): Promise<TaskQuestionnaire | null> {
  const questionnaire = await chosenQuestionnaire(db, ctx, task);
  if (!questionnaire) return null;
  const latest = await db
    .selectFrom('questionnaire_versions')
    .select('id')
    .where('questionnaire_id', '=', questionnaire.id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return null;
  const v = await usableVersion(db, ctx, latest.id);
  return { id: questionnaire.id, name: questionnaire.name, versionId: latest.id, version: v.version, questions: v.questions };
}

/**
 * The version a submission is answered in: the one it names, which must belong to the task's questionnaire,
 * else the task's latest. Null when the task asks no questions and the submission names none.
 */
export async function versionForSubmission(db: Db, ctx: Ctx, task: TaskRef, versionId: number | null | undefined): Promise<{ id: number; questions: Question[] } | null> {
  const chosen = task.questionnaireId && task.latestVersionId !== undefined ? await namedLatest(db, ctx, task.questionnaireId, task.latestVersionId) : await taskQuestionnaire(db, ctx, task);
  if (!versionId) return chosen ? { id: chosen.versionId, questions: chosen.questions } : null;
  const named = await usableVersion(db, ctx, versionId);
  if (named.questionnaireId !== chosen?.id) {
    throw new AppError('questionnaire_version_not_for_task', 422, {}, { errors: [{ path: 'questionnaireVersionId', code: 'not_for_task' }] });
  }
  return { id: versionId, questions: named.questions };
}

async function namedLatest(db: Db, ctx: Ctx, questionnaireId: number, latestVersionId: number | null) {
  if (latestVersionId === null) return null;
  const v = await usableVersion(db, ctx, latestVersionId);
  return { id: questionnaireId, versionId: latestVersionId, questions: v.questions };
}
