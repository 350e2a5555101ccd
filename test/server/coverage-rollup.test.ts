/**
 * The rolling 12-month coverage rollup (household_coverage, kept by triggers on visit_records) against the raw
 * rows: for random histories of visit records written, moved to another date or household, turned into a refusal
 * and back, and deleted, the rollup's covered households of every month equal a count over the records, per
 * building and per community, and GET /kpis answers coverage_12m with that count. Runs on SQLite and PostgreSQL.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kpis } from '../../src/shared/schemas/kpis.js';
import { Client, loginAs, makeCommunity, makeCompany, makeHousehold, makeUser, makeVisitRecord } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let companyId: number;
let visitorId: number;
let manager: Client;
const homes: { id: number; communityId: number; buildingId: number }[] = [];

/** Months from January 2024 (0) to December 2026 (35). */
const MONTHS = 36;
const monthText = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const monthIndex = (i: number) => 2024 * 12 + i;

type Op =
  | { op: 'write'; home: number; month: number; day: number; completed: boolean }
  | { op: 'move'; pick: number; month: number; day: number }
  | { op: 'rehome'; pick: number; home: number }
  | { op: 'toggle'; pick: number }
  | { op: 'delete'; pick: number };

const OP = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('write' as const), home: fc.nat(5), month: fc.nat(MONTHS - 1), day: fc.integer({ min: 1, max: 28 }), completed: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), pick: fc.nat(), month: fc.nat(MONTHS - 1), day: fc.integer({ min: 1, max: 28 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rehome' as const), pick: fc.nat(), home: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('toggle' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
);

interface Row {
  id: number;
  home: number;
  month: number;
  date: string;
  completed: boolean;
}

async function apply(rows: Row[], o: Op) {
  const db = t.handle.db;
  if (o.op === 'write') {
    const home = homes[o.home];
    const date = `${monthText(o.month)}-${String(o.day).padStart(2, '0')}`;
    const { id } = await makeVisitRecord(t, { companyId, communityId: home.communityId, householdId: home.id, visitorId, visitDate: date, outcome: o.completed ? 'completed' : 'refused' });
    rows.push({ id, home: o.home, month: o.month, date, completed: o.completed });
    return;
  }
  if (!rows.length) return;
  const row = rows[o.pick % rows.length];
  if (o.op === 'move') {
    row.month = o.month;
    row.date = `${monthText(o.month)}-${String(o.day).padStart(2, '0')}`;
    await db.updateTable('visit_records').set({ visit_date: row.date }).where('id', '=', row.id).execute();
  } else if (o.op === 'rehome') {
    row.home = o.home;
    await db.updateTable('visit_records').set({ household_id: homes[o.home].id, community_id: homes[o.home].communityId }).where('id', '=', row.id).execute();
  } else if (o.op === 'toggle') {
    row.completed = !row.completed;
    await db.updateTable('visit_records').set({ outcome: row.completed ? 'completed' : 'refused' }).where('id', '=', row.id).execute();
  } else {
    rows.splice(rows.indexOf(row), 1);
    await db.deleteFrom('visit_records').where('id', '=', row.id).execute();
  }
}

/** What the records say: the households with a completed visit in the 12 months ending with month m, by a key. */
function expected(rows: Row[], m: number, key: (home: number) => number) {
  const covered = new Set(rows.filter((r) => r.completed && r.month <= m && r.month > m - 12).map((r) => r.home));
  const out = new Map<number, number>();
  for (const h of covered) out.set(key(h), (out.get(key(h)) ?? 0) + 1);
  return out;
}

async function rollup(m: number, by: 'building_id' | 'community_id') {
  const rows = await t.handle.db
    .selectFrom('household_coverage')
    .select((eb) => [by, eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', companyId)
    .where('from_month', '<=', monthIndex(m))
    .where('to_month', '>=', monthIndex(m))
    .groupBy(by)
    .execute();
  return new Map(rows.map((r) => [Number((r as Record<string, unknown>)[by]), Number(r.n)]));
}

beforeAll(async () => {
  t = await createTestApp({}, { at: '2026-12-02T10:00:00+08:00' });
  const company = await makeCompany(t, '阳光物业');
  companyId = company.companyId;
  const A = (await makeCommunity(t, companyId, '翠湖苑')).id;
  const B = (await makeCommunity(t, companyId, '锦绣园')).id;
  for (const [i, [community, building]] of ([[A, '1'], [A, '1'], [A, '2'], [B, '1'], [B, '1'], [B, '3']] as const).entries()) {
    const { id } = await makeHousehold(t, { companyId, communityId: community, building, room: `${101 + i}` });
    const row = await t.handle.db.selectFrom('households').select(['building_id', 'community_id']).where('id', '=', id).executeTakeFirstOrThrow();
    homes.push({ id, communityId: row.community_id, buildingId: row.building_id });
  }
  visitorId = (await makeUser(t, { companyId, roleId: company.roleIds.visitor, communityIds: [A, B] })).id;
  const m = await makeUser(t, { companyId, roleId: company.roleIds.manager });
  manager = await loginAs(t.app, m.username);
});

afterAll(async () => {
  await t?.close();
});

describe('the 12-month coverage rollup', () => {
  it('equals the households counted from the records for random histories of writes, moves, refusals and deletions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(OP, { minLength: 1, maxLength: 25 }), fc.nat(MONTHS - 1), async (ops, askedMonth) => {
        const rows: Row[] = [];
        try {
          for (const o of ops) await apply(rows, o);
          for (let m = 0; m < MONTHS; m++) {
            expect(await rollup(m, 'building_id')).toEqual(expected(rows, m, (h) => homes[h].buildingId));
            expect(await rollup(m, 'community_id')).toEqual(expected(rows, m, (h) => homes[h].communityId));
          }
          const res = await manager.get(`/api/v1/kpis?period=month:${monthText(askedMonth)}&kpi=coverage_12m`);
          expect(res.statusCode).toBe(200);
          const fig = res.json<Kpis>().figures[0];
          expect(fig.numerator).toBe(expected(rows, askedMonth, () => 0).get(0) ?? 0);
        } finally {
          await t.handle.db.deleteFrom('visit_records').where('company_id', '=', companyId).execute();
          await t.handle.db.deleteFrom('visit_tasks').where('company_id', '=', companyId).execute();
        }
        // Deleting every record empties the rollup.
        expect(Number((await t.handle.db.selectFrom('household_coverage').select((eb) => eb.fn.countAll<number>().as('n')).where('company_id', '=', companyId).executeTakeFirstOrThrow()).n)).toBe(0);
      }),
      { numRuns: 30, seed: 20261203 },
    );
  });

  it('answers a custom period that ends mid-month from the records, equal to the same window from the rollup a month later', async () => {
    const home = homes[0];
    await makeVisitRecord(t, { companyId, communityId: home.communityId, householdId: home.id, visitorId, visitDate: '2026-03-10' });
    await makeVisitRecord(t, { companyId, communityId: homes[3].communityId, householdId: homes[3].id, visitorId, visitDate: '2026-11-20' });
    const mid = await manager.get('/api/v1/kpis?period=custom:2026-11-01..2026-11-15&kpi=coverage_12m');
    expect(mid.statusCode).toBe(200);
    // 2025-12-01 … 2026-11-15 holds the March visit only; the whole of November holds both.
    expect(mid.json<Kpis>().figures[0].numerator).toBe(1);
    const month = await manager.get('/api/v1/kpis?period=month:2026-11&kpi=coverage_12m');
    expect(month.json<Kpis>().figures[0].numerator).toBe(2);
    await t.handle.db.deleteFrom('visit_records').where('company_id', '=', companyId).execute();
  });
});
