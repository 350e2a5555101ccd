/**
 * Reading communities (小区/项目), the unit every account is scoped by: the list, one community with its household
 * and resident counts, and the check that a supervisor is an account the caller can see.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { Community, CommunityListQuery } from '../../shared/schemas/communities.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { cut, exactCount, keysetPage, readCursor, type SortKey } from '../db/paging.js';
import { invalidReference, notFound } from '../http/errors.js';
import { inCompany, scopedCommunities, scopedUsers } from '../scope.js';

/** Communities with their household count and current (not moved out, not erased) resident count. */
function selectCommunities(db: Db, ctx: Ctx) {
  return scopedCommunities(db, ctx).select((eb) => [
    'communities.id',
    'communities.name',
    'communities.code',
    'communities.type',
    'communities.address',
    'communities.status',
    'communities.supervisor_id',
    'communities.created_at',
    'communities.updated_at',
    inCompany(db, ctx, 'households')
      .select(eb.fn.countAll<number>().as('n'))
      .where('households.community_id', '=', eb.ref('communities.id'))
      .as('household_count'),
    inCompany(db, ctx, 'residents')
      .select(eb.fn.countAll<number>().as('n'))
      .where('residents.community_id', '=', eb.ref('communities.id'))
      .where('residents.move_out_date', 'is', null)
      .where('residents.erased_at', 'is', null)
      .as('resident_count'),
  ]);
}

type CommunityListRow = Awaited<ReturnType<ReturnType<typeof selectCommunities>['execute']>>[number];

const toCommunity = (r: CommunityListRow): Community => ({
  id: r.id,
  name: r.name,
  code: r.code,
  type: r.type,
  address: r.address,
  status: r.status,
  supervisorId: r.supervisor_id,
  householdCount: Number(r.household_count ?? 0),
  residentCount: Number(r.resident_count ?? 0),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The responsible supervisor must be an account the caller can see. */
export async function assertSupervisor(db: Db, ctx: Ctx, supervisorId: number | null | undefined) {
  if (supervisorId == null) return;
  const found = await scopedUsers(db, ctx).select('users.id').where('users.id', '=', supervisorId).executeTakeFirst();
  if (!found) throw invalidReference('user', 'supervisorId');
}

const BY_NAME: SortKey[] = [
  { ref: 'communities.name', dir: 'asc' },
  { ref: 'communities.id', dir: 'asc' },
];

export async function listCommunities(db: Db, ctx: Ctx, query: CommunityListQuery): Promise<Page<Community>> {
  requirePermission(ctx, 'communities.read');
  let q = scopedCommunities(db, ctx);
  if (query.q) q = q.where((eb) => eb.or([eb('name', 'like', `%${query.q}%`), eb('code', 'like', `%${query.q}%`)]));
  if (query.type) q = q.where('type', '=', query.type);
  if (query.status) q = q.where('status', '=', query.status);
  const from = readCursor('communities', ['text', 'int'], query);
  const [count, found] = await Promise.all([exactCount(q), keysetPage(q.select(['communities.id', 'communities.name']), BY_NAME, from, query.limit + 1, query.offset).execute()]);
  const { rows: page, nextCursor } = cut('communities', found, query.limit, (r) => [r.name, r.id]);
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await selectCommunities(db, ctx).where('communities.id', 'in', ids).orderBy('name').orderBy('id').execute() : [];
  return { items: rows.map(toCommunity), ...count, nextCursor };
}

export async function getCommunity(db: Db, ctx: Ctx, id: number): Promise<Community> {
  requirePermission(ctx, 'communities.read');
  const row = await selectCommunities(db, ctx).where('communities.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('community');
  return toCommunity(row);
}
