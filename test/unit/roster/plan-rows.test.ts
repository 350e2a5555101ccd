/**
 * What a roster row does to a community, decided by plan-rows.ts on plain objects: the roster as load-roster.ts
 * would have read it, and rows as normalize-row.ts hands them over. No database, no clock.
 */
import { describe, expect, it } from 'vitest';
import type { ResidentRole } from '../../../src/server/db/schema.js';
import type { Phone } from '../../../src/server/residents/phones.js';
import type { ResidentInput, RosterRow } from '../../../src/server/roster/normalize-row.js';
import {
  emptyPlan,
  householdKey,
  nameKey,
  planRows,
  settlePlan,
  TAG_SEPARATOR,
  type BuildingRef,
  type HouseholdRef,
  type ResidentRef,
  type RosterState,
} from '../../../src/server/roster/plan-rows.js';

const P1 = '+8613800000001';
const P2 = '+8613800000002';
const P3 = '+8613800000003';
const phone = (number: string): Phone => ({ number, kind: 'mobile', last4: number.slice(-4) });

interface StoredResident {
  id: number;
  name: string;
  role?: ResidentRole;
  moveInDate?: string | null;
  notes?: string;
  phones?: string[];
  tags?: string[];
}
interface StoredRoom {
  id: number;
  building: string;
  unit?: string;
  room: string;
  residents?: StoredResident[];
}

/** A roster as the loader builds it: stored buildings, units, rooms and residents, and the company's tags. */
function roster(rooms: StoredRoom[], tags: string[] = []): RosterState {
  const state: RosterState = { buildings: new Map(), tags: new Map(tags.map((name, i) => [name, { id: 500 + i, name }])) };
  for (const r of rooms) {
    let building = state.buildings.get(r.building);
    if (!building) {
      building = { id: 100 + state.buildings.size, name: r.building, units: new Map(), households: new Map() };
      state.buildings.set(r.building, building);
    }
    let unit = r.unit ? (building.units.get(r.unit) ?? null) : null;
    if (r.unit && !unit) {
      unit = { id: 200 + building.units.size, name: r.unit, building };
      building.units.set(r.unit, unit);
    }
    const household: HouseholdRef = { id: r.id, building, unit, room: r.room, residents: [], claims: null };
    household.residents = (r.residents ?? []).map(
      (p): ResidentRef => ({
        id: p.id,
        name: p.name,
        nameKey: nameKey(p.name),
        role: p.role ?? 'owner',
        moveInDate: p.moveInDate ?? null,
        notes: p.notes ?? '',
        phones: (p.phones ?? []).join(),
        tags: [...(p.tags ?? [])].sort().join(TAG_SEPARATOR),
        matchedBy: 0,
      }),
    );
    building.households.set(householdKey(r.unit ?? null, r.room), household);
  }
  return state;
}

type Place = { building: string; unit?: string; room: string };
const ROOM_101: Place = { building: '1', unit: '1', room: '101' };
const ROOM_102: Place = { building: '1', unit: '1', room: '102' };

/** A validated row; the resident's empty cells are null. */
function row(n: number, place: Place, resident?: Partial<Omit<ResidentInput, 'phones'>> & { name: string; phones?: string[] }): RosterRow {
  return {
    row: n,
    building: place.building,
    unit: place.unit ?? null,
    room: place.room,
    resident: resident
      ? {
          name: resident.name,
          role: resident.role ?? null,
          phones: resident.phones ? resident.phones.map(phone) : null,
          moveInDate: resident.moveInDate ?? null,
          tags: resident.tags ?? null,
          notes: resident.notes ?? null,
        }
      : null,
  };
}

const ZHANG: StoredResident = { id: 1000, name: '张三', phones: [P1] };
const knownRoom = (...residents: StoredResident[]): StoredRoom => ({ id: 10, ...ROOM_101, residents });
const household = (state: RosterState, place: Place) => state.buildings.get(place.building)!.households.get(householdKey(place.unit ?? null, place.room))!;

describe('planning roster rows', () => {
  it('an import of a new room creates the building, unit, household and resident, an owner when the role cell is empty', () => {
    const state = roster([]);
    const { plan, result } = planRows(state, [row(2, ROOM_101, { name: '张三', phones: [P1], tags: ['VIP'] })]);

    expect(result).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 0, errors: [] });
    expect(plan.buildings.map((b: BuildingRef) => [b.id, b.name])).toEqual([[null, '1']]);
    expect(plan.units.map((u) => [u.id, u.name])).toEqual([[null, '1']]);
    expect(plan.households.map((h) => [h.id, h.room])).toEqual([[null, '101']]);
    expect(plan.tags).toEqual([{ id: null, name: 'VIP' }]);
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0].household).toBe(plan.households[0]);
    expect(plan.creates[0].ref).toMatchObject({ id: null, name: '张三', role: 'owner', moveInDate: null, notes: '' });
    expect(plan.creates[0].phones).toEqual([phone(P1)]);
    expect(plan.creates[0].tags).toEqual(['VIP']);
    // the roster now knows the planned room, so a later row finds it
    expect(household(state, ROOM_101).residents.map((r) => r.name)).toEqual(['张三']);
  });

  it('an import of a known room with a new phone updates the resident and keeps the household', () => {
    const { plan, result } = planRows(roster([knownRoom(ZHANG)]), [row(2, ROOM_101, { name: '张三', phones: [P2] })]);

    expect(result).toEqual({ created: 0, updated: 1, unchanged: 0, failed: 0, errors: [] });
    expect(plan.buildings).toEqual([]);
    expect(plan.units).toEqual([]);
    expect(plan.households).toEqual([]);
    expect(plan.creates).toEqual([]);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0].ref.id).toBe(1000);
    expect(plan.changes[0].fields).toEqual({});
    expect(plan.changes[0].phones).toEqual([phone(P2)]);
    expect(plan.changes[0].tags).toBeNull();
  });

  it('an import whose phone belongs to a resident of another name renames that resident (a phone matches before a name)', () => {
    const state = roster([knownRoom(ZHANG, { id: 1001, name: '李四', phones: [P2] })]);
    const { plan, result } = planRows(state, [row(2, ROOM_101, { name: '张三', phones: [P2] })]);

    expect(result.updated).toBe(1);
    expect(plan.changes.map((c) => [c.ref.id, c.fields, c.phones])).toEqual([[1001, { name: '张三' }, null]]);
  });

  it('an import matches a name regardless of width, blanks and case, and stores the name as written', () => {
    const { plan, result } = planRows(roster([knownRoom({ id: 1000, name: 'Zhang San' })]), [row(2, ROOM_101, { name: 'ＺＨＡＮＧ　SAN' })]);

    expect(result).toMatchObject({ created: 0, updated: 1 });
    expect(plan.changes.map((c) => [c.ref.id, c.fields])).toEqual([[1000, { name: 'ＺＨＡＮＧ　SAN' }]]);
  });

  it('an import of the same details counts the resident unchanged and plans no write', () => {
    const stored = { ...ZHANG, role: 'tenant' as const, moveInDate: '2020-05-01', notes: '先发短信', tags: ['VIP', '重点关注'] };
    const { plan, result } = planRows(roster([knownRoom(stored)], ['VIP', '重点关注']), [
      row(2, ROOM_101, { name: '张三', role: 'tenant', phones: [P1], moveInDate: '2020-05-01', notes: '先发短信', tags: ['重点关注', 'VIP'] }),
    ]);

    expect(result).toEqual({ created: 0, updated: 0, unchanged: 1, failed: 0, errors: [] });
    expect(emptyPlan(plan)).toBe(true);
  });

  it('an import with empty optional cells keeps the stored role, move-in date, phones, tags and notes', () => {
    const stored = { ...ZHANG, role: 'tenant' as const, moveInDate: '2020-05-01', notes: '先发短信', tags: ['VIP'] };
    const { plan, result } = planRows(roster([knownRoom(stored)], ['VIP']), [row(2, ROOM_101, { name: '张三' })]);

    expect(result.unchanged).toBe(1);
    expect(emptyPlan(plan)).toBe(true);
  });

  it('an import with filled cells replaces the role, move-in date, notes and the whole tag list', () => {
    const stored = { ...ZHANG, moveInDate: '2020-05-01', notes: '旧备注', tags: ['VIP', '重点关注'] };
    const { plan } = planRows(roster([knownRoom(stored)], ['VIP', '重点关注']), [
      row(2, ROOM_101, { name: '张三', role: 'tenant', moveInDate: '2021-01-01', notes: '', tags: ['VIP'] }),
    ]);

    expect(plan.changes.map((c) => [c.fields, c.phones, c.tags])).toEqual([[{ role: 'tenant', move_in_date: '2021-01-01', notes: '' }, null, ['VIP']]]);
    expect(plan.tags).toEqual([]);
  });

  it('an import of a new name in a known room adds a resident to that household', () => {
    const state = roster([knownRoom(ZHANG)]);
    const { plan, result } = planRows(state, [row(2, ROOM_101, { name: '李四', phones: [P2] })]);

    expect(result.created).toBe(1);
    expect(plan.households).toEqual([]);
    expect(plan.creates[0].household.id).toBe(10);
    expect(household(state, ROOM_101).residents.map((r) => r.name)).toEqual(['张三', '李四']);
  });

  it('an import of a room-only row creates an unknown room and counts a known one unchanged', () => {
    const { plan, result } = planRows(roster([knownRoom(ZHANG)]), [row(2, ROOM_101), row(3, ROOM_102)]);

    expect(result).toEqual({ created: 1, updated: 0, unchanged: 1, failed: 0, errors: [] });
    expect(plan.households.map((h) => h.room)).toEqual(['102']);
    expect(plan.creates).toEqual([]);
  });

  it('an import of the same name in two rooms makes two residents, not a duplicate', () => {
    const { plan, result } = planRows(roster([]), [row(2, ROOM_101, { name: '张三' }), row(3, ROOM_102, { name: '张三' })]);

    expect(result).toMatchObject({ created: 2, failed: 0 });
    expect(plan.buildings).toHaveLength(1);
    expect(plan.creates.map((c) => c.household.room)).toEqual(['101', '102']);
  });

  it('new tags join the company vocabulary once; known ones are not added again', () => {
    const state = roster([], ['VIP']);
    const { plan } = planRows(state, [row(2, ROOM_101, { name: '张三', tags: ['新', 'VIP'] }), row(3, ROOM_102, { name: '李四', tags: ['新'] })]);

    expect(plan.tags).toEqual([{ id: null, name: '新' }]);
    expect(plan.creates.map((c) => c.tags)).toEqual([['VIP', '新'], ['新']]);
    expect(state.tags.get('新')).toBe(plan.tags[0]);
  });

  it('a file naming one resident twice in a room fails the later row as duplicate_in_file, naming the first', () => {
    const { plan, result } = planRows(roster([]), [row(2, ROOM_101, { name: '张三' }), row(3, ROOM_101, { name: '张 三', phones: [P3] })]);

    expect(result).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 1, errors: [{ row: 3, column: null, code: 'duplicate_in_file', params: { firstRow: 2 } }] });
    expect(plan.creates).toHaveLength(1);
  });

  it('a file giving one phone to two residents of a room fails the later row', () => {
    const { result } = planRows(roster([]), [row(2, ROOM_101, { name: '张三', phones: [P1] }), row(3, ROOM_101, { name: '李四', phones: [P2, P1] })]);

    expect(result.errors).toEqual([{ row: 3, column: null, code: 'duplicate_in_file', params: { firstRow: 2 } }]);
  });

  it('a file whose two rows find the same stored resident (by phone, then by name) fails the later row', () => {
    const { plan, result } = planRows(roster([knownRoom(ZHANG)]), [row(2, ROOM_101, { name: '张小三', phones: [P1] }), row(3, ROOM_101, { name: '张三' })]);

    expect(result).toMatchObject({ updated: 1, failed: 1, errors: [{ row: 3, column: null, code: 'duplicate_in_file', params: { firstRow: 2 } }] });
    expect(plan.changes.map((c) => c.fields)).toEqual([{ name: '张小三' }]);
  });

  it('a file repeating a room-only row fails the repeat', () => {
    const { result } = planRows(roster([]), [row(2, ROOM_101), row(5, ROOM_101)]);

    expect(result).toMatchObject({ created: 1, failed: 1, errors: [{ row: 5, column: null, code: 'duplicate_in_file', params: { firstRow: 2 } }] });
  });

  it('a later batch compares against the changes planned before it: the old phone no longer finds the resident', () => {
    const state = roster([knownRoom(ZHANG)]);
    const first = planRows(state, [row(2, ROOM_101, { name: '张三', phones: [P2] })]);
    settlePlan(first.plan);
    const resident = household(state, ROOM_101).residents[0];
    expect([resident.name, resident.phones]).toEqual(['张三', P2]);

    const { plan, result } = planRows(state, [row(1002, ROOM_101, { name: '王五', phones: [P1] })]);
    expect(result).toMatchObject({ created: 1, updated: 0, failed: 0 });
    expect(plan.creates.map((c) => c.ref.name)).toEqual(['王五']);
  });
});
