/**
 * Household lists and search. The search box takes what staff type: a room ("3-2-1502", "3栋2单元1502",
 * "1502"), the start of a resident's name, or the last four digits of a phone. Resident-based filters are
 * uncorrelated `IN (…)` subqueries so that each one starts from its own index.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { Building, Household, HouseholdListQuery } from '../../shared/schemas/households.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { boundedCount, COUNT_BOUND, cut, inOrderOf, keysetPage, readCursor, type SortKey } from '../db/paging.js';
import { notFound } from '../http/errors.js';
import { groupBy, toResidents } from '../residents/queries.js';
import { inCompany, scopedCommunities, scopedHouseholds, scopedRecords, scopedResidents } from '../scope.js';
import { cleanBuilding, cleanRoom, cleanUnit, formatRoomLabel, normalizeText, parseRoomLabel } from './room.js';

/** The households table alone, in the caller's scope: what the list filters, orders, pages and counts. */
type HouseholdQuery = ReturnType<typeof scopedHouseholds>;

const withColumns = (q: HouseholdQuery) =>
  q
    .innerJoin('buildings', 'buildings.id', 'households.building_id')
    .leftJoin('units', 'units.id', 'households.unit_id')
    .selectAll('households')
    .select(['buildings.name as building_name', 'units.name as unit_name']);
type HouseholdRow = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

/** Applies the search text: a room, four phone digits, or a name prefix. */
function applySearch(db: Db, ctx: Ctx, q: HouseholdQuery, text: string): HouseholdQuery {
  const s = normalizeText(text);
  const address = parseRoomLabel(s);
  if (address) {
    const building = db.selectFrom('buildings').select('buildings.id').where('buildings.company_id', '=', ctx.companyId).where('buildings.name', '=', cleanBuilding(address.building));
    let r = q.where('households.building_id', 'in', building).where('households.room', '=', cleanRoom(address.room));
    if (address.unit) {
      const unit = db.selectFrom('units').select('units.id').where('units.company_id', '=', ctx.companyId).where('units.name', '=', cleanUnit(address.unit));
      r = r.where('households.unit_id', 'in', unit);
    }
    return r;
  }
  const compact = s.replace(/\s/g, '');
  if (/^\d{4}$/.test(compact)) {
    // One IN (… UNION …) rather than "room = x OR id IN (…)": both halves start from their own index on
    // either database, where the OR would make PostgreSQL scan every household.
    const byPhoneOrRoom = db
      .selectFrom('resident_phones')
      .innerJoin('residents', 'residents.id', 'resident_phones.resident_id')
      .select('residents.household_id as id')
      .where('resident_phones.company_id', '=', ctx.companyId)
      .where('resident_phones.last4', '=', compact)
      .union(inCompany(db, ctx, 'households as h').select('h.id').where('h.room', '=', compact));
    return q.where('households.id', 'in', byPhoneOrRoom);
  }
  if (/^[A-Za-z0-9-]+$/.test(compact)) return q.where('households.room', '=', cleanRoom(compact));
  const byName = inCompany(db, ctx, 'residents')
    .select('household_id')
    .where('name', '>=', s)
    .where('name', '<', `${s}\uffff`)
    .where('erased_at', 'is', null);
  return q.where('households.id', 'in', byName);
}

function applyFilters(db: Db, ctx: Ctx, q: HouseholdQuery, f: HouseholdListQuery, communityId: number | null): HouseholdQuery {
  if (f.q) q = applySearch(db, ctx, q, f.q);
  if (f.buildingId) q = q.where('households.building_id', '=', f.buildingId);
  if (f.unitId) q = q.where('households.unit_id', '=', f.unitId);
  if (f.status) q = q.where('households.status', '=', f.status);
  if (f.visitedFrom || f.visitedTo) {
    // Households with a completed visit between the two days: the coverage KPI's numerator (kpis/queries.ts).
    let visited = scopedRecords(db, ctx).select('visit_records.household_id').where('visit_records.outcome', '=', 'completed');
    if (f.visitedFrom) visited = visited.where('visit_records.visit_date', '>=', f.visitedFrom);
    if (f.visitedTo) visited = visited.where('visit_records.visit_date', '<=', f.visitedTo);
    q = q.where('households.id', 'in', visited);
  }
  if (f.role || f.moveInFrom || f.moveInTo) {
    let r = scopedResidents(db, ctx).select('residents.household_id').where('residents.move_out_date', 'is', null);
    if (communityId !== null) r = r.where('residents.community_id', '=', communityId);
    if (f.role) r = r.where('residents.role', '=', f.role);
    if (f.moveInFrom) r = r.where('residents.move_in_date', '>=', f.moveInFrom);
    if (f.moveInTo) r = r.where('residents.move_in_date', '<=', f.moveInTo);
    q = q.where('households.id', 'in', r);
  }
  if (f.tag) {
    const tagged = db
      .selectFrom('resident_tags')
      .innerJoin('tags', 'tags.id', 'resident_tags.tag_id')
      .innerJoin('residents', 'residents.id', 'resident_tags.resident_id')
      .select('residents.household_id')
      .where('tags.company_id', '=', ctx.companyId)
      .where('tags.name', '=', f.tag);
    q = q.where('households.id', 'in', tagged);
  }
  return q;
}

/** Natural room order within each community; the id makes it total (households_company_sort_idx). */
const ROOM_ORDER: SortKey[] = [
  { ref: 'households.community_id', dir: 'asc' },
  { ref: 'households.sort_key', dir: 'asc' },
  { ref: 'households.id', dir: 'asc' },
];

/**
 * A page of households: the page's ids from households alone (scope, filters, room order, limit), then the
 * building, unit and residents of those only; the total is counted over the same base query, up to `countBound`.
 */
export async function listHouseholds(db: Db, ctx: Ctx, communityId: number | null, f: HouseholdListQuery, countBound = COUNT_BOUND): Promise<Page<Household>> {
  requirePermission(ctx, 'households.read');
  const from = readCursor('households', ['int', 'text', 'int'], f);
  let q = scopedHouseholds(db, ctx);
  if (communityId !== null) {
    const community = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', '=', communityId).executeTakeFirst();
    if (!community) throw notFound('community');
    q = q.where('households.community_id', '=', communityId);
  }
  q = applyFilters(db, ctx, q, f, communityId);
  const [count, found] = await Promise.all([
    boundedCount(db, q, countBound),
    keysetPage(q.select(['households.id', 'households.community_id', 'households.sort_key']), ROOM_ORDER, from, f.limit + 1, f.offset).execute(),
  ]);
  const { rows: page, nextCursor } = cut('households', found, f.limit, (r) => [r.community_id, r.sort_key, r.id]);
  const pageIds = page.map((r) => r.id);
  const rows = pageIds.length ? await withColumns(scopedHouseholds(db, ctx)).where('households.id', 'in', pageIds).execute() : [];
  return { items: await toHouseholds(db, ctx, inOrderOf(pageIds, rows), f.includeMovedOut === 'true'), ...count, nextCursor };
}

export async function getHousehold(db: Db, ctx: Ctx, id: number): Promise<Household> {
  requirePermission(ctx, 'households.read');
  const row = await withColumns(scopedHouseholds(db, ctx)).where('households.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('household');
  return (await toHouseholds(db, ctx, [row], true))[0];
}

async function toHouseholds(db: Db, ctx: Ctx, rows: HouseholdRow[], includeMovedOut: boolean): Promise<Household[]> {
  if (rows.length === 0) return [];
  let rq = inCompany(db, ctx, 'residents').selectAll().where('household_id', 'in', rows.map((r) => r.id));
  if (!includeMovedOut) rq = rq.where('move_out_date', 'is', null);
  const residents = await toResidents(db, await rq.orderBy('id').execute());
  const byHousehold = groupBy(residents, (r) => r.householdId);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    buildingId: r.building_id,
    building: r.building_name,
    unitId: r.unit_id,
    unit: r.unit_name,
    room: r.room,
    label: formatRoomLabel({ building: r.building_name, unit: r.unit_name, room: r.room }),
    area: r.area,
    status: r.status,
    residents: byHousehold.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** The building → unit tree of a community with household counts. */
export async function listBuildings(db: Db, ctx: Ctx, communityId: number): Promise<Building[]> {
  requirePermission(ctx, 'households.read');
  const community = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', '=', communityId).executeTakeFirst();
  if (!community) throw notFound('community');
  const [buildings, units, counts] = await Promise.all([
    db.selectFrom('buildings').select(['id', 'name']).where('community_id', '=', communityId).execute(),
    db.selectFrom('units').select(['id', 'name', 'building_id']).where('community_id', '=', communityId).execute(),
    inCompany(db, ctx, 'households')
      .select(['building_id', 'unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', communityId)
      .groupBy(['building_id', 'unit_id'])
      .execute(),
  ]);
  const natural = (a: { name: string }, b: { name: string }) => a.name.length - b.name.length || a.name.localeCompare(b.name);
  return buildings.sort(natural).map((b) => ({
    id: b.id,
    name: b.name,
    householdCount: counts.filter((c) => c.building_id === b.id).reduce((n, c) => n + Number(c.n), 0),
    units: units
      .filter((u) => u.building_id === b.id)
      .sort(natural)
      .map((u) => ({ id: u.id, name: u.name, householdCount: Number(counts.find((c) => c.unit_id === u.id)?.n ?? 0) })),
  }));
}
