/**
 * Decides what a batch of validated roster rows does to one community, without the database or the clock: given
 * the roster known so far (load-roster.ts fills it once; each planned batch adds to it) and the rows, it returns
 * the plan that write-plan.ts applies, and the counts and row errors of the batch.
 *
 * Matching (what makes re-importing idempotent): a household is building + unit + room within the
 * community; a resident is the one in that household sharing a phone with the row, else the one with the
 * same name. An empty optional cell leaves the stored value as it is; a filled one replaces it (phones and
 * tags as a whole list). A row repeating a name or phone that an earlier row of the file used in the same
 * household (or repeating a room-only row), or matching a resident an earlier row matched, is refused as
 * duplicate_in_file, naming the earlier row.
 *
 * A community can hold 100,000 residents, so what is kept per household and resident is small: phone numbers
 * and tags as one joined string each, and the rows of this import that used a household in one short array.
 */
import type { ResidentRole } from '../db/schema.js';
import type { Phone } from '../residents/phones.js';
import type { ResidentInput, RosterRow, RowError } from './normalize-row.js';

/** The community's roster as known to this import: stored rows (with ids) and planned ones (id null until written). */
export interface RosterState {
  /** key: the building name as cleaned by cleanBuilding */
  buildings: Map<string, BuildingRef>;
  /** the company's tag vocabulary, by name */
  tags: Map<string, TagRef>;
}

export interface BuildingRef {
  id: number | null;
  name: string;
  units: Map<string, UnitRef>;
  /** key: householdKey(unit, room) */
  households: Map<string, HouseholdRef>;
}
export interface UnitRef {
  id: number | null;
  name: string;
  building: BuildingRef;
}
export interface HouseholdRef {
  id: number | null;
  building: BuildingRef;
  unit: UnitRef | null;
  room: string;
  /** replaced (concat) rather than pushed to, so that each array has room for exactly its residents */
  residents: ResidentRef[];
  /**
   * Identity keys used by rows of this import and the first row using each, as triples [kind, key, row, …]
   * (see claimKeys); a household sees one or two rows, so a scan beats a Map and needs no new strings.
   */
  claims: (string | number)[] | null;
}
export interface ResidentRef {
  id: number | null;
  name: string;
  nameKey: string;
  role: ResidentRole;
  moveInDate: string | null;
  notes: string;
  /** the phone numbers in their stored order, joined with "," (numbers never hold a comma) */
  phones: string;
  /** the tag names sorted, joined with TAG_SEPARATOR */
  tags: string;
  /** the row of this import that matched this existing resident; 0 while none has */
  matchedBy: number;
}
export interface TagRef {
  id: number | null;
  name: string;
}

export interface BatchResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: RowError[];
}

export interface ResidentCreate {
  ref: ResidentRef;
  household: HouseholdRef;
  phones: Phone[];
  /** sorted */
  tags: string[];
}

export interface ResidentChange {
  ref: ResidentRef;
  fields: { name?: string; role?: ResidentRole; move_in_date?: string; notes?: string };
  /** the new list, replacing the stored one; null when unchanged */
  phones: Phone[] | null;
  /** the new list, sorted, replacing the stored one; null when unchanged */
  tags: string[] | null;
}

/** What a batch writes, in the order write-plan.ts writes it; every ref is also in the RosterState. */
export interface Plan {
  buildings: BuildingRef[];
  units: UnitRef[];
  households: HouseholdRef[];
  /** tags new to the company */
  tags: TagRef[];
  creates: ResidentCreate[];
  changes: ResidentChange[];
}

/** The form residents' names are matched in: width-folded, without blanks, lower case. */
export const nameKey = (name: string) => name.normalize('NFKC').replace(/\s/g, '').toLowerCase();
export const joinNumbers = (phones: readonly Phone[]) => phones.map((p) => p.number).join();
export const TAG_SEPARATOR = '\u0000';
export const householdKey = (unit: string | null, room: string) => `${unit ?? ''}|${room}`;

/**
 * Plans the rows against the roster. The roster is updated in place as the rows are planned (new buildings,
 * units, households, residents and tags, the keys each row claimed, the residents each row matched), so that
 * later rows of the file see the earlier ones; the changes to existing residents become known state only with
 * settlePlan, after the batch.
 */
export function planRows(roster: RosterState, rows: readonly RosterRow[]): { plan: Plan; result: BatchResult } {
  const result: BatchResult = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
  const plan: Plan = { buildings: [], units: [], households: [], tags: [], creates: [], changes: [] };

  for (const row of rows) {
    const householdsBefore = plan.households.length;
    const household = findHousehold(roster, row, plan);
    const input = row.resident;
    const key = input ? nameKey(input.name) : '';
    const duplicateOf = claimKeys(household, row, key);
    if (duplicateOf !== null) {
      result.failed++;
      result.errors.push({ row: row.row, column: null, code: 'duplicate_in_file', params: { firstRow: duplicateOf } });
      continue;
    }
    if (!input) {
      result[plan.households.length > householdsBefore ? 'created' : 'unchanged']++;
      continue;
    }
    const match = matchResident(household, input, key);
    if (match && match.matchedBy) {
      result.failed++;
      result.errors.push({ row: row.row, column: null, code: 'duplicate_in_file', params: { firstRow: match.matchedBy } });
      continue;
    }
    if (input.tags) {
      for (const tag of input.tags) {
        if (!roster.tags.has(tag)) {
          const ref = { id: null, name: tag };
          roster.tags.set(tag, ref);
          plan.tags.push(ref);
        }
      }
    }
    if (!match) {
      const tags = input.tags ? [...input.tags].sort() : [];
      const phones = input.phones ?? [];
      const ref: ResidentRef = {
        id: null,
        name: input.name,
        nameKey: key === input.name ? input.name : key,
        role: input.role ?? 'owner',
        moveInDate: input.moveInDate,
        notes: input.notes ?? '',
        phones: joinNumbers(phones),
        tags: tags.join(TAG_SEPARATOR),
        matchedBy: 0,
      };
      household.residents = household.residents.concat(ref);
      plan.creates.push({ ref, household, phones, tags });
      result.created++;
      continue;
    }
    match.matchedBy = row.row;
    const change = diff(match, input);
    if (!change) {
      result.unchanged++;
      continue;
    }
    plan.changes.push(change);
    result.updated++;
  }
  return { plan, result };
}

/** True when the plan writes nothing. */
export const emptyPlan = (plan: Plan) =>
  !(plan.buildings.length || plan.units.length || plan.households.length || plan.tags.length || plan.creates.length || plan.changes.length);

/** Makes the plan's changes to existing residents the known state, so that later batches compare against them. */
export function settlePlan(plan: Plan): void {
  for (const c of plan.changes) {
    if (c.fields.name !== undefined) {
      c.ref.name = c.fields.name;
      c.ref.nameKey = nameKey(c.fields.name);
    }
    if (c.fields.role) c.ref.role = c.fields.role;
    if (c.fields.move_in_date) c.ref.moveInDate = c.fields.move_in_date;
    if (c.fields.notes !== undefined) c.ref.notes = c.fields.notes;
    if (c.phones) c.ref.phones = joinNumbers(c.phones);
    if (c.tags) c.ref.tags = c.tags.join(TAG_SEPARATOR);
  }
}

/** The row's household, planning its building, unit and household where the roster has none yet. */
function findHousehold(roster: RosterState, row: RosterRow, plan: Plan): HouseholdRef {
  let building = roster.buildings.get(row.building);
  if (!building) {
    building = { id: null, name: row.building, units: new Map(), households: new Map() };
    roster.buildings.set(row.building, building);
    plan.buildings.push(building);
  }
  let unit: UnitRef | null = null;
  if (row.unit) {
    unit = building.units.get(row.unit) ?? null;
    if (!unit) {
      unit = { id: null, name: row.unit, building };
      building.units.set(row.unit, unit);
      plan.units.push(unit);
    }
  }
  const key = householdKey(row.unit, row.room);
  let household = building.households.get(key);
  if (!household) {
    household = { id: null, building, unit, room: row.room, residents: [], claims: null };
    building.households.set(key, household);
    plan.households.push(household);
  }
  return household;
}

/** What a claim in a household names: the room alone, a resident's name key, or a phone number. */
const ROOM_CLAIM = 0;
const NAME_CLAIM = 1;
const PHONE_CLAIM = 2;

/**
 * Registers the row's identity keys within its household (the name, every phone; the room itself for a
 * room-only row); returns the earlier row's number when one of them was already used.
 */
function claimKeys(household: HouseholdRef, row: RosterRow, key: string): number | null {
  const claims = household.claims ?? [];
  const phones = row.resident?.phones ?? [];
  const first = row.resident ? claimed(claims, NAME_CLAIM, key) : claimed(claims, ROOM_CLAIM, '');
  if (first !== null) return first;
  for (const p of phones) {
    const earlier = claimed(claims, PHONE_CLAIM, p.number);
    if (earlier !== null) return earlier;
  }
  const added: (string | number)[] = row.resident ? [NAME_CLAIM, key, row.row] : [ROOM_CLAIM, '', row.row];
  for (const p of phones) added.push(PHONE_CLAIM, p.number, row.row);
  // concat makes an array of the exact size; pushing would reserve room for a dozen more in every household.
  household.claims = claims.concat(added);
  return null;
}

function claimed(claims: readonly (string | number)[], kind: number, key: string): number | null {
  for (let i = 0; i < claims.length; i += 3) if (claims[i] === kind && claims[i + 1] === key) return claims[i + 2] as number;
  return null;
}

/** The resident of the household sharing a phone with the row, else the one with the same name. */
function matchResident(household: HouseholdRef, input: ResidentInput, key: string): ResidentRef | null {
  if (input.phones?.length) {
    for (const r of household.residents) if (input.phones.some((p) => hasNumber(r.phones, p.number))) return r;
  }
  for (const r of household.residents) if (r.nameKey === key) return r;
  return null;
}

/** True when the comma-joined list holds the number as a whole entry. */
function hasNumber(joined: string, number: string): boolean {
  for (let i = joined.indexOf(number); i !== -1; i = joined.indexOf(number, i + 1)) {
    const end = i + number.length;
    if ((i === 0 || joined[i - 1] === ',') && (end === joined.length || joined[end] === ',')) return true;
  }
  return false;
}

/** What a row changes on an existing resident; null when nothing. Empty cells change nothing. */
function diff(r: ResidentRef, input: ResidentInput): ResidentChange | null {
  const fields: ResidentChange['fields'] = {};
  if (input.name !== r.name) fields.name = input.name;
  if (input.role && input.role !== r.role) fields.role = input.role;
  if (input.moveInDate && input.moveInDate !== r.moveInDate) fields.move_in_date = input.moveInDate;
  if (input.notes !== null && input.notes !== r.notes) fields.notes = input.notes;
  const phones = input.phones && joinNumbers(input.phones) !== r.phones ? input.phones : null;
  const sortedTags = input.tags ? [...input.tags].sort() : null;
  const tags = sortedTags && sortedTags.join(TAG_SEPARATOR) !== r.tags ? sortedTags : null;
  if (!Object.keys(fields).length && !phones && !tags) return null;
  return { ref: r, fields, phones, tags };
}
