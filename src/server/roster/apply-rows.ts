/**
 * Applies validated roster rows to one community, batch by batch. The community's buildings, units,
 * households, residents, phones and the company's tags are loaded into maps once, so matching a row costs
 * no query; each batch is then written in one transaction with multi-row inserts.
 *
 * Matching (what makes re-importing idempotent): a household is building + unit + room within the
 * community; a resident is the one in that household sharing a phone with the row, else the one with the
 * same name. An empty optional cell leaves the stored value as it is; a filled one replaces it (phones and
 * tags as a whole list). A dry run plans exactly the same way and writes nothing.
 *
 * A community can hold 100,000 residents, so what is kept per household and resident is small: phone numbers
 * and tags as one joined string each, the rows of this import that used a household in one short array, and
 * the inserts compiled once per table and row count, so a batch only supplies their values.
 */
import { sql, type CompiledQuery, type Transaction } from 'kysely';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import type { Database, ResidentRole } from '../db/schema.js';
import { cleanBuilding, cleanRoom, cleanUnit, householdSortKey } from '../households/room.js';
import type { Phone } from '../residents/phones.js';
import type { ResidentInput, RosterRow, RowError } from './normalize-row.js';

interface BuildingRef {
  id: number | null;
  name: string;
  units: Map<string, UnitRef>;
  /** key: unit key + "|" + room */
  households: Map<string, HouseholdRef>;
}
interface UnitRef {
  id: number | null;
  name: string;
  building: BuildingRef;
}
interface HouseholdRef {
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
interface ResidentRef {
  id: number | null;
  name: string;
  nameKey: string;
  role: ResidentRole;
  moveInDate: string | null;
  notes: string;
  /** the phone numbers in their stored order, joined with "," (numbers never hold a comma) */
  phones: string;
  /** the tag names sorted, joined with "\u0000" */
  tags: string;
  /** the row of this import that matched this existing resident; 0 while none has */
  matchedBy: number;
}
interface TagRef {
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

interface ResidentCreate {
  ref: ResidentRef;
  household: HouseholdRef;
  phones: Phone[];
  /** sorted */
  tags: string[];
}

interface ResidentChange {
  ref: ResidentRef;
  fields: { name?: string; role?: ResidentRole; move_in_date?: string; notes?: string };
  phones: Phone[] | null;
  tags: string[] | null;
}

interface Plan {
  buildings: BuildingRef[];
  units: UnitRef[];
  households: HouseholdRef[];
  tags: TagRef[];
  creates: ResidentCreate[];
  changes: ResidentChange[];
}

type InsertTable = 'buildings' | 'units' | 'households' | 'residents' | 'resident_phones' | 'resident_tags';

/** Columns written per table, in the order their values are listed; RETURNING gives what matches rows back. */
const INSERTS = {
  buildings: { columns: ['company_id', 'community_id', 'name', 'created_at'], returning: ['id', 'name'] },
  units: { columns: ['company_id', 'community_id', 'building_id', 'name', 'created_at'], returning: ['id', 'building_id', 'name'] },
  households: {
    columns: ['company_id', 'community_id', 'building_id', 'unit_id', 'room', 'sort_key', 'area', 'status', 'created_at', 'updated_at'],
    returning: ['id', 'building_id', 'unit_id', 'room'],
  },
  residents: {
    columns: [
      'company_id',
      'community_id',
      'household_id',
      'name',
      'role',
      'move_in_date',
      'move_out_date',
      'preferred_contact',
      'do_not_contact',
      'do_not_contact_reason',
      'notes',
      'erased_at',
      'created_at',
      'updated_at',
    ],
    returning: ['id', 'household_id', 'name'],
  },
  resident_phones: { columns: ['resident_id', 'company_id', 'number', 'kind', 'last4', 'position'], returning: [] },
  resident_tags: { columns: ['resident_id', 'tag_id'], returning: [] },
} satisfies Record<InsertTable, { columns: string[]; returning: string[] }>;

/**
 * Values per statement stay below SQLite's limit of 32,766 bound parameters (PostgreSQL allows 65,535), and
 * rows per statement below a size whose SQL text is still cheap to keep prepared.
 */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_INSERT = 2_000;

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

const nameKey = (name: string) => name.normalize('NFKC').replace(/\s/g, '').toLowerCase();
const joinNumbers = (phones: readonly Phone[]) => phones.map((p) => p.number).join();
const TAG_SEPARATOR = '\u0000';

export class RosterApplier {
  private readonly buildings = new Map<string, BuildingRef>();
  private readonly tags = new Map<string, TagRef>();
  /** compiled INSERT statements by table and row count */
  private readonly inserts = new Map<string, CompiledQuery>();
  /** tags this import added to the company vocabulary */
  tagsAdded = 0;

  private constructor(
    private readonly db: Db,
    private readonly companyId: number,
    private readonly communityId: number,
    private readonly dryRun: boolean,
  ) {}

  /**
   * Loads the community's roster into memory; callers have checked the community is in scope. Households and
   * residents are read a page at a time, so that only one page of rows is held beside the maps.
   */
  static async load(db: Db, companyId: number, communityId: number, dryRun: boolean): Promise<RosterApplier> {
    const a = new RosterApplier(db, companyId, communityId, dryRun);
    const intern = interner();
    const buildingById = new Map<number, BuildingRef>();
    for (const b of await db.selectFrom('buildings').select(['id', 'name']).where('company_id', '=', companyId).where('community_id', '=', communityId).execute()) {
      const ref: BuildingRef = { id: b.id, name: b.name, units: new Map(), households: new Map() };
      buildingById.set(b.id, ref);
      a.buildings.set(cleanBuilding(b.name), ref);
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
      const page = await a.loadResidents(householdById, intern, after);
      if (!page) break;
      after = page;
    }
    householdById.clear();

    for (const t of await db.selectFrom('tags').select(['id', 'name']).where('company_id', '=', companyId).execute()) {
      a.tags.set(t.name, { id: t.id, name: t.name });
    }
    return a;
  }

  /**
   * Loads the residents with ids above `after` (one page), their phones and their tags; returns the last id
   * read, or null when there were none.
   */
  private async loadResidents(householdById: Map<number, HouseholdRef>, intern: Intern, after: number): Promise<number | null> {
    const { db, companyId, communityId } = this;
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

  /** Plans the rows against the maps, then writes the plan in one transaction (not in a dry run). */
  async applyBatch(rows: readonly RosterRow[]): Promise<BatchResult> {
    const result: BatchResult = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
    const plan: Plan = { buildings: [], units: [], households: [], tags: [], creates: [], changes: [] };

    for (const row of rows) {
      const householdsBefore = plan.households.length;
      const household = this.household(row, plan);
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
          if (!this.tags.has(tag)) {
            const ref = { id: null, name: tag };
            this.tags.set(tag, ref);
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

    this.tagsAdded += plan.tags.length;
    const writes = plan.buildings.length + plan.units.length + plan.households.length + plan.tags.length + plan.creates.length + plan.changes.length;
    if (!this.dryRun && writes) {
      try {
        await this.db.transaction().execute((trx) => this.write(trx, plan));
      } catch (err) {
        if (!constraintViolation(err)) throw err;
        // Another import wrote the same rooms at the same moment; this batch is refused as a whole.
        throw Object.assign(new Error('roster batch conflicts with concurrent changes'), { code: 'conflict' });
      }
    }
    // Planned changes become the new known state, so later batches compare against them.
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
    return result;
  }

  private household(row: RosterRow, plan: Plan): HouseholdRef {
    let building = this.buildings.get(row.building);
    if (!building) {
      building = { id: null, name: row.building, units: new Map(), households: new Map() };
      this.buildings.set(row.building, building);
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

  private async write(trx: Transaction<Database>, plan: Plan): Promise<void> {
    const now = nowIso();
    const { companyId, communityId } = this;

    const buildings = (await this.insert(trx, 'buildings', plan.buildings, (b) => [companyId, communityId, b.name, now])) as { id: number; name: string }[];
    assignIds(plan.buildings, buildings, (b, r) => b.name === r.name, (r) => r.name, (b) => b.name);

    const units = (await this.insert(trx, 'units', plan.units, (u) => [companyId, communityId, u.building.id, u.name, now])) as {
      id: number;
      building_id: number;
      name: string;
    }[];
    assignIds(
      plan.units,
      units,
      (u, r) => u.building.id === r.building_id && u.name === r.name,
      (r) => `${r.building_id}\u0000${r.name}`,
      (u) => `${u.building.id}\u0000${u.name}`,
    );

    const households = (await this.insert(trx, 'households', plan.households, (h) => [
      companyId,
      communityId,
      h.building.id,
      h.unit?.id ?? null,
      h.room,
      householdSortKey(h.building.name, h.unit?.name ?? null, h.room),
      null,
      'occupied',
      now,
      now,
    ])) as { id: number; building_id: number; unit_id: number | null; room: string }[];
    assignIds(
      plan.households,
      households,
      (h, r) => h.building.id === r.building_id && (h.unit?.id ?? null) === r.unit_id && h.room === r.room,
      (r) => `${r.building_id}\u0000${r.unit_id ?? 0}\u0000${r.room}`,
      (h) => `${h.building.id}\u0000${h.unit?.id ?? 0}\u0000${h.room}`,
    );

    for (const part of chunks(plan.tags, 500)) {
      await trx
        .insertInto('tags')
        .values(part.map((t) => ({ company_id: companyId, name: t.name, created_at: now })))
        .onConflict((oc) => oc.columns(['company_id', 'name']).doNothing())
        .execute();
      const rows = await trx
        .selectFrom('tags')
        .select(['id', 'name'])
        .where('company_id', '=', companyId)
        .where('name', 'in', part.map((t) => t.name))
        .execute();
      const byName = new Map(rows.map((r) => [r.name, r.id]));
      for (const t of part) t.id = byName.get(t.name)!;
    }

    const created = (await this.insert(trx, 'residents', plan.creates, (c) => [
      companyId,
      communityId,
      c.household.id,
      c.ref.name,
      c.ref.role,
      c.ref.moveInDate,
      null,
      null,
      0,
      null,
      c.ref.notes,
      null,
      now,
      now,
    ])) as { id: number; household_id: number; name: string }[];
    assignIds(
      plan.creates.map((c) => c.ref),
      created,
      (ref, r, i) => plan.creates[i].household.id === r.household_id && ref.name === r.name,
      (r) => `${r.household_id}\u0000${r.name}`,
      (ref, i) => `${plan.creates[i].household.id}\u0000${ref.name}`,
    );
    await this.insertPhones(trx, plan.creates);
    await this.insertTags(trx, plan.creates);

    for (const c of plan.changes) {
      const id = c.ref.id!;
      await trx.updateTable('residents').set({ ...c.fields, updated_at: now }).where('id', '=', id).where('company_id', '=', companyId).execute();
      if (c.phones) await trx.deleteFrom('resident_phones').where('resident_id', '=', id).execute();
      if (c.tags) await trx.deleteFrom('resident_tags').where('resident_id', '=', id).execute();
    }
    await this.insertPhones(trx, plan.changes);
    await this.insertTags(trx, plan.changes);
  }

  private async insertPhones(trx: Transaction<Database>, residents: readonly { ref: ResidentRef; phones: readonly Phone[] | null }[]) {
    const rows: { id: number; phone: Phone; position: number }[] = [];
    for (const r of residents) r.phones?.forEach((phone, position) => rows.push({ id: r.ref.id!, phone, position }));
    await this.insert(trx, 'resident_phones', rows, (p) => [p.id, this.companyId, p.phone.number, p.phone.kind, p.phone.last4, p.position]);
  }

  private async insertTags(trx: Transaction<Database>, residents: readonly { ref: ResidentRef; tags: readonly string[] | null }[]) {
    const rows: [number, number][] = [];
    for (const r of residents) for (const t of r.tags ?? []) rows.push([r.ref.id!, this.tags.get(t)!.id!]);
    await this.insert(trx, 'resident_tags', rows, (row) => row);
  }

  /**
   * Inserts the items with as few statements as the parameter limit allows; each statement's SQL is compiled
   * by Kysely once per row count and then only receives new values. Returns the RETURNING rows, if any.
   */
  private async insert<T>(trx: Transaction<Database>, table: InsertTable, items: readonly T[], values: (item: T) => unknown[]): Promise<unknown[]> {
    const { columns } = INSERTS[table];
    const size = Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length));
    const out: unknown[] = [];
    for (let start = 0; start < items.length; start += size) {
      const count = Math.min(size, items.length - start);
      const parameters: unknown[] = [];
      for (let i = start; i < start + count; i++) for (const v of values(items[i])) parameters.push(v);
      const { rows } = await trx.executeQuery({ ...this.compiledInsert(table, count), parameters });
      for (const r of rows) out.push(r);
    }
    return out;
  }

  private compiledInsert(table: InsertTable, count: number): CompiledQuery {
    const key = `${table}:${count}`;
    let compiled = this.inserts.get(key);
    if (!compiled) {
      const { columns, returning } = INSERTS[table];
      const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
      const query = this.db.insertInto(table).values(Array.from({ length: count }, () => placeholder) as never);
      compiled = (returning.length ? query.returning(returning as never) : query).compile();
      if (compiled.parameters.length !== count * columns.length) throw new Error(`unexpected parameters in the ${table} insert`);
      this.inserts.set(key, compiled);
    }
    return compiled;
  }
}

const householdKey = (unit: string | null, room: string) => `${unit ?? ''}|${room}`;

/**
 * Gives the inserted refs their ids. RETURNING lists rows in insertion order on both databases, but neither
 * promises it, so the order is checked and a lookup by natural key takes over when it does not hold.
 */
function assignIds<T extends { id: number | null }, R extends { id: number }>(
  items: readonly T[],
  rows: readonly R[],
  same: (item: T, row: R, index: number) => boolean,
  rowKey: (row: R) => string,
  itemKey: (item: T, index: number) => string,
): void {
  if (rows.length === items.length && items.every((item, i) => same(item, rows[i], i))) {
    items.forEach((item, i) => (item.id = rows[i].id));
    return;
  }
  const byKey = new Map(rows.map((r) => [rowKey(r), r.id]));
  items.forEach((item, i) => (item.id = byKey.get(itemKey(item, i))!));
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

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
