/**
 * Reading improvement measures (改进措施): the list (the caller's communities and the company-wide ones, filtered by
 * community, status and target), one measure, and the issues of a category raised in a window (the effect of a
 * category measure, counted as the attention cards count issues raised: problems, complaints and needs, withdrawn
 * ones left out).
 */
import type { Page } from '../../shared/schemas/common.js';
import type { ImprovementMeasure, MeasureListQuery } from '../../shared/schemas/improvements.js';
import { can, requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import type { ImprovementMeasuresTable } from '../db/schema.js';
import { cut, exactCount, keysetPage, readCursor, type SortKey } from '../db/paging.js';
import { notFound } from '../http/errors.js';
import { RESOLUTION_KINDS, issuesOf, type Cut, type Range } from '../kpis/queries.js';
import { inCompany, scopedMeasures } from '../scope.js';

type Row = Pick<
  ImprovementMeasuresTable,
  'company_id' | 'community_id' | 'title' | 'description' | 'target_kind' | 'dimension' | 'category_id' | 'start_date' | 'end_date' | 'owner_id' | 'status' | 'created_at' | 'updated_at'
> & { id: number };

const COLUMNS = [
  'improvement_measures.id',
  'improvement_measures.company_id',
  'improvement_measures.community_id',
  'improvement_measures.title',
  'improvement_measures.description',
  'improvement_measures.target_kind',
  'improvement_measures.dimension',
  'improvement_measures.category_id',
  'improvement_measures.start_date',
  'improvement_measures.end_date',
  'improvement_measures.owner_id',
  'improvement_measures.status',
  'improvement_measures.created_at',
  'improvement_measures.updated_at',
] as const;

/** Whether the caller may change a measure it can read: its own communities, a company-wide one only with company scope. */
export function canManageMeasure(ctx: Ctx, communityId: number | null): boolean {
  return can(ctx, 'improvements.manage') && (communityId === null ? ctx.allCommunities : ctx.allCommunities || ctx.communityIds.includes(communityId));
}

/** A measure the caller can read, as stored; 404 when it is missing or outside the scope. */
export async function measureRow(db: Db, ctx: Ctx, id: number): Promise<Row> {
  const row = await scopedMeasures(db, ctx).select(COLUMNS).where('improvement_measures.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('measure');
  return row as Row;
}

/** Rows with the names of their community, category and owner. */
async function present(db: Db, ctx: Ctx, rows: readonly Row[]): Promise<ImprovementMeasure[]> {
  const ids = (f: (r: Row) => number | null) => [...new Set(rows.map(f).filter((v): v is number => v !== null))];
  const [communities, categories, owners] = await Promise.all([
    ids((r) => r.community_id).length ? inCompany(db, ctx, 'communities').select(['communities.id', 'communities.name']).where('communities.id', 'in', ids((r) => r.community_id)).execute() : [],
    ids((r) => r.category_id).length
      ? db.selectFrom('issue_categories').select(['id', 'name']).where('company_id', '=', ctx.companyId).where('id', 'in', ids((r) => r.category_id)).execute()
      : [],
    ids((r) => r.owner_id).length ? inCompany(db, ctx, 'users').select(['users.id', 'users.display_name as name']).where('users.id', 'in', ids((r) => r.owner_id)).execute() : [],
  ]);
  const name = (list: readonly { id: number; name: string }[]) => new Map(list.map((x) => [x.id, x.name]));
  const [c, k, o] = [name(communities), name(categories), name(owners)];
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_id === null ? null : (c.get(r.community_id) ?? null),
    title: r.title,
    description: r.description,
    targetKind: r.target_kind,
    dimension: r.dimension,
    categoryId: r.category_id,
    categoryName: r.category_id === null ? null : (k.get(r.category_id) ?? null),
    startDate: String(r.start_date),
    endDate: r.end_date === null ? null : String(r.end_date),
    ownerId: r.owner_id,
    ownerName: r.owner_id === null ? null : (o.get(r.owner_id) ?? null),
    status: r.status,
    canManage: canManageMeasure(ctx, r.community_id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** One measure the caller can read, with its names. */
export async function getMeasure(db: Db, ctx: Ctx, id: number): Promise<ImprovementMeasure> {
  requireRead(ctx);
  return (await present(db, ctx, [await measureRow(db, ctx, id)]))[0];
}

const requireRead = (ctx: Ctx) => requirePermission(ctx, 'improvements.read');

const ORDER: SortKey[] = [
  { ref: 'improvement_measures.start_date', dir: 'desc' },
  { ref: 'improvement_measures.id', dir: 'desc' },
];

/** The measures the caller can read, newest start first (improvement_measures_company_idx). */
export async function listMeasures(db: Db, ctx: Ctx, query: MeasureListQuery): Promise<Page<ImprovementMeasure>> {
  requireRead(ctx);
  let q = scopedMeasures(db, ctx);
  if (query.communityId !== undefined) q = q.where('improvement_measures.community_id', '=', query.communityId);
  if (query.companyWide === 'true') q = q.where('improvement_measures.community_id', 'is', null);
  if (query.companyWide === 'false') q = q.where('improvement_measures.community_id', 'is not', null);
  if (query.status) q = q.where('improvement_measures.status', '=', query.status);
  if (query.targetKind) q = q.where('improvement_measures.target_kind', '=', query.targetKind);
  const from = readCursor('measures', ['date', 'int'], query);
  const [rows, count] = await Promise.all([keysetPage(q.select(COLUMNS), ORDER, from, query.limit + 1, query.offset).execute(), exactCount(q.select('improvement_measures.id'))]);
  const page = cut('measures', rows as Row[], query.limit, (r) => [String(r.start_date), r.id]);
  return { items: await present(db, ctx, page.rows), ...count, nextCursor: page.nextCursor };
}

/** Problems, complaints and needs of a category raised in a window (issues_company_kind_raised_idx). */
export async function issuesRaisedInCategory(db: Db, ctx: Ctx, cut: Cut, categoryId: number, range: Range): Promise<number> {
  const row = await issuesOf(db, ctx, cut)
    .where('issues.kind', 'in', [...RESOLUTION_KINDS])
    .where('issues.status', '!=', 'withdrawn')
    .where('issues.category_id', '=', categoryId)
    .where('issues.raised_at', '>=', range.fromIso)
    .where('issues.raised_at', '<', range.toIso)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
