/**
 * Questionnaire templates: list, read, create, publish a new version, rename/archive and duplicate.
 * Publishing never changes an earlier version: records keep pointing at the version they were answered in.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Page } from '../../shared/schemas/common.js';
import type { Community } from '../../shared/schemas/communities.js';
import type {
  CreateQuestionnaireBody,
  Question,
  Questionnaire,
  QuestionnaireListQuery,
  QuestionnaireVersion,
  UpdateQuestionnaireBody,
} from '../../shared/schemas/questionnaires.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { inScope, requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError, invalidReference, notFound } from '../http/errors.js';
import { scopedCommunities, scopedQuestionnaires } from '../scope.js';

type Row = { id: number; name: string; description: string; scope: Questionnaire['scope']; community_id: number | null; property_type: Questionnaire['propertyType']; status: Questionnaire['status']; builtin: number; created_at: string; updated_at: string };

async function latestVersions(db: Db, ids: number[]): Promise<Map<number, QuestionnaireVersion>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('questionnaire_versions as v')
    .leftJoin('users', 'users.id', 'v.published_by')
    .select(['v.id', 'v.questionnaire_id', 'v.version', 'v.questions', 'v.published_at', 'users.display_name'])
    .where('v.questionnaire_id', 'in', ids)
    .where(({ eb, selectFrom }) =>
      eb('v.version', '=', selectFrom('questionnaire_versions as w').select((e) => e.fn.max('w.version').as('m')).whereRef('w.questionnaire_id', '=', 'v.questionnaire_id')),
    )
    .execute();
  return new Map(rows.map((r) => [r.questionnaire_id, { id: r.id, version: r.version, questions: JSON.parse(r.questions) as Question[], publishedAt: r.published_at, publishedBy: r.display_name }]));
}

async function toQuestionnaires(db: Db, rows: Row[]): Promise<Questionnaire[]> {
  const versions = await latestVersions(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    scope: r.scope,
    communityId: r.community_id,
    propertyType: r.property_type,
    status: r.status,
    builtin: r.builtin === 1,
    latestVersion: versions.get(r.id) ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** Templates usable in a community: company-wide ones, the community's own, and those for its property type. */
export function usableIn(community: { id: number; type: Community['type'] }) {
  return (eb: ExpressionBuilder<Database, 'questionnaires'>) =>
    eb.or([
      eb('scope', '=', 'company'),
      eb.and([eb('scope', '=', 'community'), eb('community_id', '=', community.id)]),
      eb.and([eb('scope', '=', 'propertyType'), eb('property_type', '=', community.type)]),
    ]);
}

export async function listQuestionnaires(db: Db, ctx: Ctx, query: QuestionnaireListQuery): Promise<Page<Questionnaire>> {
  requirePermission(ctx, 'questionnaires.manage', 'visits.work', 'visits.read');
  let q = scopedQuestionnaires(db, ctx);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.communityId) {
    const community = await scopedCommunities(db, ctx).select(['communities.id', 'communities.type']).where('communities.id', '=', query.communityId).executeTakeFirst();
    if (!community) throw notFound('community');
    q = q.where(usableIn(community));
  }
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q.selectAll().orderBy('builtin', 'desc').orderBy('name').limit(query.limit).offset(query.offset).execute(),
  ]);
  return { items: await toQuestionnaires(db, rows), total: Number(total) };
}

export async function getQuestionnaire(db: Db, ctx: Ctx, id: number): Promise<Questionnaire> {
  requirePermission(ctx, 'questionnaires.manage', 'visits.work', 'visits.read');
  const row = await scopedQuestionnaires(db, ctx).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('questionnaire');
  return (await toQuestionnaires(db, [row]))[0];
}

/** A questionnaire version the caller may use (for recording or reading a record). */
export async function getVersion(db: Db, ctx: Ctx, versionId: number, path = 'questionnaireVersionId') {
  const row = await db
    .selectFrom('questionnaire_versions as v')
    .innerJoin('questionnaires as q', 'q.id', 'v.questionnaire_id')
    .select(['v.id', 'v.questions', 'q.community_id'])
    .where('v.id', '=', versionId)
    .where('v.company_id', '=', ctx.companyId)
    .executeTakeFirst();
  if (!row || (row.community_id !== null && !inScope(ctx, row.community_id))) throw invalidReference('questionnaire', path);
  return { id: row.id, questions: JSON.parse(row.questions) as Question[] };
}

function assertDistinctKeys(questions: Question[]) {
  const seen = new Set<string>();
  const errors = [];
  for (const [i, q] of questions.entries()) {
    if (seen.has(q.key)) errors.push({ path: `questions.${i}.key`, code: 'duplicate_key', key: 'invalid' });
    seen.add(q.key);
    if (q.showIf && !questions.slice(0, i).some((p) => p.key === q.showIf!.question)) {
      errors.push({ path: `questions.${i}.showIf.question`, code: 'unknown_question', params: { key: q.showIf.question } });
    }
    if ((q.type === 'single' || q.type === 'multiple') && !(q.options?.length)) errors.push({ path: `questions.${i}.options`, code: 'required' });
  }
  if (errors.length) throw new AppError('validation_failed', 422, { count: errors.length }, { errors });
}

async function insertVersion(db: Db, ctx: Ctx, questionnaireId: number, questions: Question[]) {
  const { max } = await db
    .selectFrom('questionnaire_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('questionnaire_id', '=', questionnaireId)
    .executeTakeFirstOrThrow();
  const version = Number(max ?? 0) + 1;
  await db
    .insertInto('questionnaire_versions')
    .values({ questionnaire_id: questionnaireId, company_id: ctx.companyId, version, questions: JSON.stringify(questions), published_at: nowIso(), published_by: ctx.userId })
    .execute();
  return version;
}

export async function createQuestionnaire(db: Db, ctx: Ctx, input: CreateQuestionnaireBody): Promise<Questionnaire> {
  requirePermission(ctx, 'questionnaires.manage');
  assertDistinctKeys(input.questions);
  const scope = input.scope;
  let communityId: number | null = null;
  if (scope === 'community') {
    if (!input.communityId) throw invalidReference('community', 'communityId');
    const c = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', '=', input.communityId).executeTakeFirst();
    if (!c) throw invalidReference('community', 'communityId');
    communityId = c.id;
  } else if (!ctx.allCommunities) {
    // Company-wide templates are for company-wide staff; community staff make templates for their communities.
    throw new AppError('questionnaire_company_wide', 403);
  }
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('questionnaires')
      .values({
        company_id: ctx.companyId,
        name: input.name,
        description: input.description,
        scope,
        community_id: communityId,
        property_type: scope === 'propertyType' ? (input.propertyType ?? 'residential') : null,
        status: 'active',
        builtin: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertVersion(trx, ctx, id, input.questions);
    await recordAudit(trx, actorOf(ctx), { action: 'questionnaire.create', entityType: 'questionnaire', entityId: id, communityId, after: { name: input.name, scope, questions: input.questions.length } });
    return id;
  });
  return getQuestionnaire(db, ctx, id);
}

export async function publishVersion(db: Db, ctx: Ctx, id: number, questions: Question[]): Promise<Questionnaire> {
  requirePermission(ctx, 'questionnaires.manage');
  const q = await getQuestionnaire(db, ctx, id);
  if (q.scope !== 'community' && !ctx.allCommunities) throw new AppError('questionnaire_company_wide', 403);
  assertDistinctKeys(questions);
  await db.transaction().execute(async (trx) => {
    const version = await insertVersion(trx, ctx, id, questions);
    await trx.updateTable('questionnaires').set({ updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'questionnaire.publish', entityType: 'questionnaire', entityId: id, communityId: q.communityId, after: { version, questions: questions.length } });
  });
  return getQuestionnaire(db, ctx, id);
}

export async function updateQuestionnaire(db: Db, ctx: Ctx, id: number, input: UpdateQuestionnaireBody): Promise<Questionnaire> {
  requirePermission(ctx, 'questionnaires.manage');
  const before = await getQuestionnaire(db, ctx, id);
  if (before.scope !== 'community' && !ctx.allCommunities) throw new AppError('questionnaire_company_wide', 403);
  const after = { name: input.name ?? before.name, description: input.description ?? before.description, status: input.status ?? before.status };
  const diff = changes({ name: before.name, description: before.description, status: before.status }, after);
  if (!diff.changed) return before;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('questionnaires').set({ ...after, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'questionnaire.update', entityType: 'questionnaire', entityId: id, communityId: before.communityId, ...diff });
  });
  return getQuestionnaire(db, ctx, id);
}

/** Starts a new template from an existing one's latest version (a community copy for community staff). */
export async function duplicateQuestionnaire(db: Db, ctx: Ctx, id: number, name: string): Promise<Questionnaire> {
  const source = await getQuestionnaire(db, ctx, id);
  const communityId = ctx.allCommunities ? source.communityId : (source.communityId ?? ctx.communityIds[0] ?? null);
  return createQuestionnaire(db, ctx, {
    name,
    description: source.description,
    scope: communityId ? 'community' : source.scope,
    communityId,
    propertyType: source.propertyType,
    questions: source.latestVersion?.questions ?? [],
  });
}

export async function getQuestionnaireVersion(db: Db, ctx: Ctx, versionId: number) {
  requirePermission(ctx, 'questionnaires.manage', 'visits.work', 'visits.read');
  const row = await db
    .selectFrom('questionnaire_versions as v')
    .innerJoin('questionnaires as q', 'q.id', 'v.questionnaire_id')
    .select(['v.id', 'v.version', 'v.questions', 'q.community_id'])
    .where('v.id', '=', versionId)
    .where('v.company_id', '=', ctx.companyId)
    .executeTakeFirst();
  if (!row || (row.community_id !== null && !inScope(ctx, row.community_id))) throw notFound('questionnaire');
  return { id: row.id, version: row.version, questions: JSON.parse(row.questions) as Question[] };
}

export async function listDimensions(db: Db, ctx: Ctx) {
  const items = await db.selectFrom('service_dimensions').select(['id', 'name']).where('company_id', '=', ctx.companyId).orderBy('position').execute();
  return { items, total: items.length };
}
