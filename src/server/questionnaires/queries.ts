/**
 * Reading questionnaire templates: which templates a community may use, the list, one template with its latest version, a version the caller may use,
 * and the company's service dimensions.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Page } from '../../shared/schemas/common.js';
import type { Community } from '../../shared/schemas/communities.js';
import type { Question, Questionnaire, QuestionnaireListQuery, QuestionnaireVersion } from '../../shared/schemas/questionnaires.js';
import { inScope, requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { cut, exactCount, keysetPage, readCursor, type SortKey } from '../db/paging.js';
import type { Database } from '../db/schema.js';
import { invalidReference, notFound } from '../http/errors.js';
import { scopedCommunities, scopedQuestionnaires } from '../scope.js';

type Row = { id: number; name: string; description: string; scope: Questionnaire['scope']; community_id: number | null; property_type: Questionnaire['propertyType']; status: Questionnaire['status']; builtin: number; created_at: string; updated_at: string };

/** Templates usable in a community: company-wide ones, the community's own, and those for its property type. */
export function usableIn(community: { id: number; type: Community['type'] }) {
  return (eb: ExpressionBuilder<Database, 'questionnaires'>) =>
    eb.or([
      eb('scope', '=', 'company'),
      eb.and([eb('scope', '=', 'community'), eb('community_id', '=', community.id)]),
      eb.and([eb('scope', '=', 'propertyType'), eb('property_type', '=', community.type)]),
    ]);
}

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

/** The built-in questionnaire first, then by name; the id makes the order total. */
const BUILTIN_FIRST: SortKey[] = [
  { ref: 'questionnaires.builtin', dir: 'desc' },
  { ref: 'questionnaires.name', dir: 'asc' },
  { ref: 'questionnaires.id', dir: 'asc' },
];

export async function listQuestionnaires(db: Db, ctx: Ctx, query: QuestionnaireListQuery): Promise<Page<Questionnaire>> {
  requirePermission(ctx, 'questionnaires.manage', 'visits.work', 'visits.read');
  let q = scopedQuestionnaires(db, ctx);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.communityId) {
    const community = await scopedCommunities(db, ctx).select(['communities.id', 'communities.type']).where('communities.id', '=', query.communityId).executeTakeFirst();
    if (!community) throw notFound('community');
    q = q.where(usableIn(community));
  }
  const from = readCursor('questionnaires', ['int', 'text', 'int'], query);
  const [count, found] = await Promise.all([exactCount(q), keysetPage(q.selectAll(), BUILTIN_FIRST, from, query.limit + 1, query.offset).execute()]);
  const { rows, nextCursor } = cut('questionnaires', found, query.limit, (r) => [r.builtin, r.name, r.id]);
  return { items: await toQuestionnaires(db, rows), ...count, nextCursor };
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
  return { items, total: items.length, totalKind: 'exact' as const, nextCursor: null };
}
