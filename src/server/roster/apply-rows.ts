/**
 * Applies validated roster rows to one community, batch by batch. The community's buildings, units,
 * households, residents, phones and the company's tags are loaded into maps once, so matching a row costs
 * no query; each batch is then written in one transaction with multi-row inserts.
 *
 * Matching (what makes re-importing idempotent): a household is building + unit + room within the
 * community; a resident is the one in that household sharing a phone with the row, else the one with the
 * same name. An empty optional cell leaves the stored value as it is; a filled one replaces it (phones and
 * tags as a whole list). A dry run plans exactly the same way and writes nothing.
 */
import type { Transaction } from 'kysely';
import { constraintViolation, nowIso, type Db } from '../db/database.js';
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
  residents: ResidentRef[];
  /** identity keys used by rows of this import ("n" + name, "p" + phone, "h") → the first row using them */
  claimed?: Map<string, number>;
}
interface ResidentRef {
  id: number | null;
  household: HouseholdRef;
  name: string;
  nameKey: string;
  role: ResidentRole;
  moveInDate: string | null;
  notes: string;
  phones: Phone[];
  tags: string[];
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

interface ResidentChange {
  ref: ResidentRef;
  fields: { name?: string; role?: ResidentRole; move_in_date?: string; notes?: string };
  phones: Phone[] | null;
  tags: string[] | null;
}

const nameKey = (name: string) => name.normalize('NFKC').replace(/\s/g, '').toLowerCase();
const INSERT_CHUNK = 500;

export class RosterApplier {
  private readonly buildings = new Map<string, BuildingRef>();
  private readonly tags = new Map<string, TagRef>();
  /** existing residents already matched by an earlier row → that row */
  private readonly touched = new Map<ResidentRef, number>();
  /** tags this import added to the company vocabulary */
  tagsAdded = 0;

  private constructor(
    private readonly db: Db,
    private readonly companyId: number,
    private readonly communityId: number,
    private readonly dryRun: boolean,
  ) {}

  /** Loads the community's roster into memory; callers have checked the community is in scope. */
  static async load(db: Db, companyId: number, communityId: number, dryRun: boolean): Promise<RosterApplier> {
    const a = new RosterApplier(db, companyId, communityId, dryRun);
    const [buildings, units, households, residents, phones, residentTags, tags] = await Promise.all([
      db.selectFrom('buildings').select(['id', 'name']).where('company_id', '=', companyId).where('community_id', '=', communityId).execute(),
      db.selectFrom('units').select(['id', 'building_id', 'name']).where('company_id', '=', companyId).where('community_id', '=', communityId).execute(),
      db
        .selectFrom('households')
        .select(['id', 'building_id', 'unit_id', 'room'])
        .where('company_id', '=', companyId)
        .where('community_id', '=', communityId)
        .execute(),
      db
        .selectFrom('residents')
        .select(['id', 'household_id', 'name', 'role', 'move_in_date', 'notes'])
        .where('company_id', '=', companyId)
        .where('community_id', '=', communityId)
        .where('erased_at', 'is', null)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('resident_phones as p')
        .innerJoin('residents as r', 'r.id', 'p.resident_id')
        .select(['p.resident_id', 'p.number', 'p.kind', 'p.last4'])
        .where('r.company_id', '=', companyId)
        .where('r.community_id', '=', communityId)
        .orderBy('p.resident_id')
        .orderBy('p.position')
        .orderBy('p.id')
        .execute(),
      db
        .selectFrom('resident_tags as rt')
        .innerJoin('residents as r', 'r.id', 'rt.resident_id')
        .innerJoin('tags as t', 't.id', 'rt.tag_id')
        .select(['rt.resident_id', 't.name'])
        .where('r.company_id', '=', companyId)
        .where('r.community_id', '=', communityId)
        .execute(),
      db.selectFrom('tags').select(['id', 'name']).where('company_id', '=', companyId).execute(),
    ]);
    const buildingById = new Map<number, BuildingRef>();
    for (const b of buildings) {
      const ref: BuildingRef = { id: b.id, name: b.name, units: new Map(), households: new Map() };
      buildingById.set(b.id, ref);
      a.buildings.set(cleanBuilding(b.name), ref);
    }
    const unitById = new Map<number, UnitRef>();
    for (const u of units) {
      const building = buildingById.get(u.building_id);
      if (!building) continue;
      const ref: UnitRef = { id: u.id, name: u.name, building };
      unitById.set(u.id, ref);
      building.units.set(cleanUnit(u.name), ref);
    }
    const householdById = new Map<number, HouseholdRef>();
    for (const h of households) {
      const building = buildingById.get(h.building_id);
      if (!building) continue;
      const unit = h.unit_id === null ? null : (unitById.get(h.unit_id) ?? null);
      const ref: HouseholdRef = { id: h.id, building, unit, room: h.room, residents: [] };
      householdById.set(h.id, ref);
      building.households.set(householdKey(unit ? cleanUnit(unit.name) : null, cleanRoom(h.room)), ref);
    }
    const residentById = new Map<number, ResidentRef>();
    for (const r of residents) {
      const household = householdById.get(r.household_id);
      if (!household) continue;
      const ref: ResidentRef = {
        id: r.id,
        household,
        name: r.name,
        nameKey: nameKey(r.name),
        role: r.role,
        moveInDate: r.move_in_date,
        notes: r.notes,
        phones: [],
        tags: [],
      };
      residentById.set(r.id, ref);
      household.residents.push(ref);
    }
    for (const p of phones) residentById.get(p.resident_id)?.phones.push({ number: p.number, kind: p.kind, last4: p.last4 });
    for (const t of residentTags) residentById.get(t.resident_id)?.tags.push(t.name);
    for (const r of residentById.values()) r.tags.sort();
    for (const t of tags) a.tags.set(t.name, { id: t.id, name: t.name });
    return a;
  }

  /** Plans the rows against the maps, then writes the plan in one transaction (not in a dry run). */
  async applyBatch(rows: readonly RosterRow[]): Promise<BatchResult> {
    const result: BatchResult = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
    const creates: ResidentRef[] = [];
    const changes: ResidentChange[] = [];
    const newBuildings: BuildingRef[] = [];
    const newUnits: UnitRef[] = [];
    const newHouseholds: HouseholdRef[] = [];
    const newTags: TagRef[] = [];

    for (const row of rows) {
      const { household, created: householdCreated } = this.household(row, newBuildings, newUnits, newHouseholds);
      const input = row.resident;
      const key = input ? nameKey(input.name) : '';
      const duplicateOf = claimKeys(household, row, key);
      if (duplicateOf !== null) {
        result.failed++;
        result.errors.push({ row: row.row, column: null, code: 'duplicate_in_file', params: { firstRow: duplicateOf } });
        continue;
      }
      if (!input) {
        result[householdCreated ? 'created' : 'unchanged']++;
        continue;
      }
      const match = this.match(household, input, key);
      if (match && this.touched.has(match)) {
        result.failed++;
        result.errors.push({ row: row.row, column: null, code: 'duplicate_in_file', params: { firstRow: this.touched.get(match) } });
        continue;
      }
      for (const tag of input.tags ?? []) {
        if (!this.tags.has(tag)) {
          const ref = { id: null, name: tag };
          this.tags.set(tag, ref);
          newTags.push(ref);
        }
      }
      if (!match) {
        const ref: ResidentRef = {
          id: null,
          household,
          name: input.name,
          nameKey: key,
          role: input.role ?? 'owner',
          moveInDate: input.moveInDate,
          notes: input.notes ?? '',
          phones: input.phones ?? [],
          tags: [...(input.tags ?? [])].sort(),
        };
        household.residents.push(ref);
        creates.push(ref);
        result.created++;
        continue;
      }
      this.touched.set(match, row.row);
      const change = diff(match, input);
      if (!change) {
        result.unchanged++;
        continue;
      }
      changes.push(change);
      result.updated++;
    }

    this.tagsAdded += newTags.length;
    if (!this.dryRun && (newBuildings.length || newUnits.length || newHouseholds.length || creates.length || changes.length || newTags.length)) {
      try {
        await this.db.transaction().execute((trx) => this.write(trx, { newBuildings, newUnits, newHouseholds, newTags, creates, changes }));
      } catch (err) {
        if (!constraintViolation(err)) throw err;
        // Another import wrote the same rooms at the same moment; this batch is refused as a whole.
        throw Object.assign(new Error('roster batch conflicts with concurrent changes'), { code: 'conflict' });
      }
    }
    // Planned changes become the new known state, so later batches compare against them.
    for (const c of changes) {
      if (c.fields.name !== undefined) {
        c.ref.name = c.fields.name;
        c.ref.nameKey = nameKey(c.fields.name);
      }
      if (c.fields.role) c.ref.role = c.fields.role;
      if (c.fields.move_in_date) c.ref.moveInDate = c.fields.move_in_date;
      if (c.fields.notes !== undefined) c.ref.notes = c.fields.notes;
      if (c.phones) c.ref.phones = c.phones;
      if (c.tags) c.ref.tags = c.tags;
    }
    return result;
  }

  private household(row: RosterRow, newBuildings: BuildingRef[], newUnits: UnitRef[], newHouseholds: HouseholdRef[]) {
    let building = this.buildings.get(row.building);
    if (!building) {
      building = { id: null, name: row.building, units: new Map(), households: new Map() };
      this.buildings.set(row.building, building);
      newBuildings.push(building);
    }
    let unit: UnitRef | null = null;
    if (row.unit) {
      unit = building.units.get(row.unit) ?? null;
      if (!unit) {
        unit = { id: null, name: row.unit, building };
        building.units.set(row.unit, unit);
        newUnits.push(unit);
      }
    }
    const key = householdKey(row.unit, row.room);
    let household = building.households.get(key);
    let created = false;
    if (!household) {
      household = { id: null, building, unit, room: row.room, residents: [] };
      building.households.set(key, household);
      newHouseholds.push(household);
      created = true;
    }
    return { household, created };
  }

  private match(household: HouseholdRef, input: ResidentInput, key: string): ResidentRef | null {
    const numbers = new Set((input.phones ?? []).map((p) => p.number));
    if (numbers.size) {
      const byPhone = household.residents.find((r) => r.phones.some((p) => numbers.has(p.number)));
      if (byPhone) return byPhone;
    }
    return household.residents.find((r) => r.nameKey === key) ?? null;
  }

  private async write(
    trx: Transaction<Database>,
    plan: {
      newBuildings: BuildingRef[];
      newUnits: UnitRef[];
      newHouseholds: HouseholdRef[];
      newTags: TagRef[];
      creates: ResidentRef[];
      changes: ResidentChange[];
    },
  ): Promise<void> {
    const now = nowIso();
    const scope = { company_id: this.companyId, community_id: this.communityId };
    for (const part of chunks(plan.newBuildings)) {
      const rows = await trx
        .insertInto('buildings')
        .values(part.map((b) => ({ ...scope, name: b.name, created_at: now })))
        .returning(['id', 'name'])
        .execute();
      const byName = new Map(rows.map((r) => [r.name, r.id]));
      for (const b of part) b.id = byName.get(b.name)!;
    }
    for (const part of chunks(plan.newUnits)) {
      const rows = await trx
        .insertInto('units')
        .values(part.map((u) => ({ ...scope, building_id: u.building.id!, name: u.name, created_at: now })))
        .returning(['id', 'building_id', 'name'])
        .execute();
      const byKey = new Map(rows.map((r) => [`${r.building_id}\u0000${r.name}`, r.id]));
      for (const u of part) u.id = byKey.get(`${u.building.id}\u0000${u.name}`)!;
    }
    for (const part of chunks(plan.newHouseholds)) {
      const rows = await trx
        .insertInto('households')
        .values(
          part.map((h) => ({
            ...scope,
            building_id: h.building.id!,
            unit_id: h.unit?.id ?? null,
            room: h.room,
            sort_key: householdSortKey(h.building.name, h.unit?.name ?? null, h.room),
            area: null,
            status: 'occupied' as const,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(['id', 'building_id', 'unit_id', 'room'])
        .execute();
      const byKey = new Map(rows.map((r) => [`${r.building_id}\u0000${r.unit_id ?? 0}\u0000${r.room}`, r.id]));
      for (const h of part) h.id = byKey.get(`${h.building.id}\u0000${h.unit?.id ?? 0}\u0000${h.room}`)!;
    }
    if (plan.newTags.length) {
      for (const part of chunks(plan.newTags)) {
        await trx
          .insertInto('tags')
          .values(part.map((t) => ({ company_id: this.companyId, name: t.name, created_at: now })))
          .onConflict((oc) => oc.columns(['company_id', 'name']).doNothing())
          .execute();
        const rows = await trx
          .selectFrom('tags')
          .select(['id', 'name'])
          .where('company_id', '=', this.companyId)
          .where('name', 'in', part.map((t) => t.name))
          .execute();
        const byName = new Map(rows.map((r) => [r.name, r.id]));
        for (const t of part) t.id = byName.get(t.name)!;
      }
    }
    for (const part of chunks(plan.creates)) {
      const rows = await trx
        .insertInto('residents')
        .values(
          part.map((r) => ({
            ...scope,
            household_id: r.household.id!,
            name: r.name,
            role: r.role,
            move_in_date: r.moveInDate,
            move_out_date: null,
            preferred_contact: null,
            do_not_contact: 0,
            do_not_contact_reason: null,
            notes: r.notes,
            erased_at: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(['id', 'household_id', 'name'])
        .execute();
      const byKey = new Map(rows.map((r) => [`${r.household_id}\u0000${r.name}`, r.id]));
      for (const r of part) r.id = byKey.get(`${r.household.id}\u0000${r.name}`)!;
    }
    await this.insertPhones(trx, plan.creates.map((r) => ({ id: r.id!, phones: r.phones })));
    await this.insertTags(trx, plan.creates.map((r) => ({ id: r.id!, tags: r.tags })));

    for (const c of plan.changes) {
      const id = c.ref.id!;
      await trx.updateTable('residents').set({ ...c.fields, updated_at: now }).where('id', '=', id).where('company_id', '=', this.companyId).execute();
      if (c.phones) await trx.deleteFrom('resident_phones').where('resident_id', '=', id).execute();
      if (c.tags) await trx.deleteFrom('resident_tags').where('resident_id', '=', id).execute();
    }
    await this.insertPhones(trx, plan.changes.filter((c) => c.phones).map((c) => ({ id: c.ref.id!, phones: c.phones! })));
    await this.insertTags(trx, plan.changes.filter((c) => c.tags).map((c) => ({ id: c.ref.id!, tags: c.tags! })));
  }

  private async insertPhones(trx: Transaction<Database>, residents: { id: number; phones: Phone[] }[]) {
    const rows = residents.flatMap((r) =>
      r.phones.map((p, position) => ({ resident_id: r.id, company_id: this.companyId, number: p.number, kind: p.kind, last4: p.last4, position })),
    );
    for (const part of chunks(rows)) await trx.insertInto('resident_phones').values(part).execute();
  }

  private async insertTags(trx: Transaction<Database>, residents: { id: number; tags: string[] }[]) {
    const rows = residents.flatMap((r) => r.tags.map((t) => ({ resident_id: r.id, tag_id: this.tags.get(t)!.id! })));
    for (const part of chunks(rows)) await trx.insertInto('resident_tags').values(part).execute();
  }
}

const householdKey = (unit: string | null, room: string) => `${unit ?? ''}|${room}`;

/**
 * Registers the row's identity keys within its household (the name, every phone; "h" for a room-only row);
 * returns the earlier row's number when one of them was already used.
 */
function claimKeys(household: HouseholdRef, row: RosterRow, key: string): number | null {
  const claimed = (household.claimed ??= new Map());
  const keys = row.resident ? [`n${key}`, ...(row.resident.phones ?? []).map((p) => `p${p.number}`)] : ['h'];
  for (const k of keys) {
    const first = claimed.get(k);
    if (first !== undefined) return first;
  }
  for (const k of keys) claimed.set(k, row.row);
  return null;
}

/** What a row changes on an existing resident; null when nothing. Empty cells change nothing. */
function diff(r: ResidentRef, input: ResidentInput): ResidentChange | null {
  const fields: ResidentChange['fields'] = {};
  if (input.name !== r.name) fields.name = input.name;
  if (input.role && input.role !== r.role) fields.role = input.role;
  if (input.moveInDate && input.moveInDate !== r.moveInDate) fields.move_in_date = input.moveInDate;
  if (input.notes !== null && input.notes !== r.notes) fields.notes = input.notes;
  const phones = input.phones && input.phones.map((p) => p.number).join() !== r.phones.map((p) => p.number).join() ? input.phones : null;
  const sortedTags = input.tags ? [...input.tags].sort() : null;
  const tags = sortedTags && sortedTags.join('\u0000') !== r.tags.join('\u0000') ? sortedTags : null;
  if (!Object.keys(fields).length && !phones && !tags) return null;
  return { ref: r, fields, phones, tags };
}

function chunks<T>(items: readonly T[], size = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
