/**
 * Reads what a community already holds, once per import, into the roster that plan-rows.ts matches rows against:
 * its buildings, units, households, residents (not erased) with their phones and tags, and the company's tag
 * vocabulary. Callers have checked the community is in scope. Households and residents are read a page at a
 * time, so that only one page of rows is held beside the maps; texts that repeat across a community are kept once.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { cleanBuilding, cleanRoom, cleanUnit } from '../households/room.js';
import { householdKey, nameKey, TAG_SEPARATOR, type BuildingRef, type HouseholdRef, type ResidentRef, type RosterState, type UnitRef } from './plan-rows.js';

/** Residents read per query while loading, so that only one page of rows is held beside the maps. */
const LOAD_PAGE = 10_000;

/**
 * A scope column compared by its value rather than through its index ("+column"): SQLite keeps no statistics
 * here and would otherwise walk every resident of the company for each page instead of the page's id range.
 */
const byValue = (column: string) => sql<number>`+${sql.ref(column)}`;

/**
 * One shared copy of texts that repeat across a community (rooms, roles, move-in dates, notes): the database
 * hands over a new string for every row read.
 */
type Intern = <T extends string>(text: T) => T;
function interner(): Intern {
  const seen = new Map<string, string>();
  return <T extends string>(text: T): T => {
    const known = seen.get(text);
    if (known !== undefined) return known as T;
    seen.set(text, text);
    return text;
  };
}

export async function loadRoster(db: Db, companyId: number, communityId: number): Promise<RosterState> {
  const roster: RosterState = { buildings: new Map(), tags: new Map() };
  const intern = interner();
  const buildingById = new Map<number, BuildingRef>();
  for (const b of await db.selectFrom('buildings').select(['id', 'name']).where('company_id', '=', companyId).where('community_id', '=', communityId).execute()) {
    const ref: BuildingRef = { id: b.id, name: b.name, units: new Map(), households: new Map() };
    buildingById.set(b.id, ref);
    roster.buildings.set(cleanBuilding(b.name), ref);
  }
  const unitById = new Map<number, UnitRef>();
  const units = await db.selectFrom('units').select(['id', 'building_id', 'name']).where('company_id', '=', companyId).where('community_id', '=', communityId).execute();
  for (const u of units) {
    const building = buildingById.get(u.building_id);
    if (!building) continue;
    const ref: UnitRef = { id: u.id, name: u.name, building };
    unitById.set(u.id, ref);
    building.units.set(cleanUnit(u.name), ref);
  }
  const householdById = new Map<number, HouseholdRef>();
  for (let after = 0; ; ) {
    const households = await db
      .selectFrom('households')
      .select(['id', 'building_id', 'unit_id', 'room'])
      .where(byValue('company_id'), '=', companyId)
      .where(byValue('community_id'), '=', communityId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(LOAD_PAGE)
      .execute();
    if (!households.length) break;
    for (const h of households) {
      const building = buildingById.get(h.building_id);
      if (!building) continue;
      const unit = h.unit_id === null ? null : (unitById.get(h.unit_id) ?? null);
      const ref: HouseholdRef = { id: h.id, building, unit, room: intern(h.room), residents: [], claims: null };
      householdById.set(h.id, ref);
      building.households.set(householdKey(unit ? cleanUnit(unit.name) : null, cleanRoom(h.room)), ref);
    }
    after = households[households.length - 1].id;
  }

  // Residents page by page in id order; each page's phones and tags, ordered by resident, are merged in.
  for (let after = 0; ; ) {
    const page = await loadResidents(db, companyId, communityId, householdById, intern, after);
    if (!page) break;
    after = page;
  }
  householdById.clear();

  for (const t of await db.selectFrom('tags').select(['id', 'name']).where('company_id', '=', companyId).execute()) {
    roster.tags.set(t.name, { id: t.id, name: t.name });
  }
  return roster;
}

/**
 * Loads the residents with ids above `after` (one page), their phones and their tags; returns the last id
 * read, or null when there were none.
 */
async function loadResidents(
  db: Db,
  companyId: number,
  communityId: number,
  householdById: Map<number, HouseholdRef>,
  intern: Intern,
  after: number,
): Promise<number | null> {
  const residents = await db
    .selectFrom('residents')
    .select(['id', 'household_id', 'name', 'role', 'move_in_date', 'notes'])
    .where(byValue('company_id'), '=', companyId)
    .where(byValue('community_id'), '=', communityId)
    .where('erased_at', 'is', null)
    .where('id', '>', after)
    .orderBy('id')
    .limit(LOAD_PAGE)
    .execute();
  if (!residents.length) return null;
  const last = residents[residents.length - 1].id;
  const loaded: ResidentRef[] = [];
  for (const r of residents) {
    const household = householdById.get(r.household_id);
    if (!household) continue;
    const key = nameKey(r.name);
    const ref: ResidentRef = {
      id: r.id,
      name: r.name,
      nameKey: key === r.name ? r.name : key,
      role: intern(r.role),
      moveInDate: r.move_in_date === null ? null : intern(r.move_in_date),
      notes: intern(r.notes),
      phones: '',
      tags: '',
      matchedBy: 0,
    };
    loaded.push(ref);
    household.residents = household.residents.concat(ref);
  }

  const phones = await db
    .selectFrom('resident_phones as p')
    .innerJoin('residents as r', 'r.id', 'p.resident_id')
    .select(['p.resident_id', 'p.number'])
    .where(byValue('r.company_id'), '=', companyId)
    .where(byValue('r.community_id'), '=', communityId)
    .where('r.id', '>', after)
    .where('r.id', '<=', last)
    .orderBy('p.resident_id')
    .orderBy('p.position')
    .orderBy('p.id')
    .execute();
  let i = 0;
  for (const p of phones) {
    while (i < loaded.length && loaded[i].id! < p.resident_id) i++;
    const ref = loaded[i];
    if (ref?.id === p.resident_id) ref.phones = ref.phones ? `${ref.phones},${p.number}` : p.number;
  }

  const tags = await db
    .selectFrom('resident_tags as rt')
    .innerJoin('residents as r', 'r.id', 'rt.resident_id')
    .innerJoin('tags as t', 't.id', 'rt.tag_id')
    .select(['rt.resident_id', 't.name'])
    .where(byValue('r.company_id'), '=', companyId)
    .where(byValue('r.community_id'), '=', communityId)
    .where('r.id', '>', after)
    .where('r.id', '<=', last)
    .orderBy('rt.resident_id')
    .execute();
  i = 0;
  for (let start = 0; start < tags.length; ) {
    const id = tags[start].resident_id;
    let end = start + 1;
    while (end < tags.length && tags[end].resident_id === id) end++;
    while (i < loaded.length && loaded[i].id! < id) i++;
    const ref = loaded[i];
    if (ref?.id === id) {
      ref.tags = tags
        .slice(start, end)
        .map((t) => t.name)
        .sort()
        .join(TAG_SEPARATOR);
    }
    start = end;
  }
  return last;
}
