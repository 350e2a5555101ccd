/**
 * The key drivers' sums from the monthly rollups (record_months, record_dimension_months, kept by the record
 * triggers) against the same sums counted from the records' answers: for random histories of visits answered in
 * a questionnaire with an overall question (one of them with a service dimension of its own, which is not a
 * driver's answer) and in one without (measured against the mean rating), moved to another month or household,
 * refused and completed again, corrected and deleted, the sums of a random range of months are the same, company-
 * wide and for one community; and again after the rollups are rebuilt from the rows, as a bulk loader does. Runs
 * on SQLite and PostgreSQL.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/server/context.js';
import { rebuildMonthRollups } from '../../src/server/db/migrations/2026_12_03_0600_month_rollups.js';
import { driverSums, type DriverSums } from '../../src/server/kpis/get-drivers.js';
import { tallyColumns } from '../../src/server/questionnaires/answer-tally.js';
import { averageScore } from '../../src/server/questionnaires/validate-answers.js';
import type { Answers, Question } from '../../src/shared/schemas/questionnaires.js';
import { makeCommunity, makeCompany, makeHousehold, makeUser, makeVisitRecord } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let companyId: number;
let visitorId: number;
let communityA: number;
let manager: Ctx;
const homes: { id: number; communityId: number }[] = [];

const rating = (key: string, dimension: string | null): Question => ({ key, type: 'rating', title: key, required: false, dimension } as Question);
/** 保洁 asked twice, 安保 once and again in the overall question (`overall`, dimension 安保), 总体 as a second overall question. */
const WITH_OVERALL: Question[] = [rating('a1', '保洁'), rating('a2', '保洁'), rating('b1', '安保'), rating('overall', '安保'), rating('z', '总体'), { key: 'r', type: 'nps', title: 'r', required: false } as Question];
/** No overall question: each visit is measured against its mean rating. */
const WITHOUT: Question[] = [rating('a1', '保洁'), rating('c1', '维修')];
const versions: { id: number; questions: Question[] }[] = [];

const MONTHS = 6;
const dateOf = (month: number, day: number) => `2026-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const monthEnd = (month: number) => dateOf(month, new Date(Date.UTC(2026, month + 1, 0)).getUTCDate());

const ANSWER = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant<'n/a'>('n/a'), fc.constant(undefined));
const ANSWERS = fc.record({ a1: ANSWER, a2: ANSWER, b1: ANSWER, overall: ANSWER, z: ANSWER, c1: ANSWER, r: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }) }).map((a) =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Answers,
);
const MONTH = fc.nat(MONTHS - 1);
const DAY = fc.integer({ min: 1, max: 28 });
type Op =
  | { op: 'write'; home: number; month: number; day: number; version: number; answers: Answers; completed: boolean }
  | { op: 'move'; pick: number; month: number; day: number }
  | { op: 'rehome'; pick: number; home: number }
  | { op: 'toggle'; pick: number }
  | { op: 'correct'; pick: number; answers: Answers }
  | { op: 'delete'; pick: number };
const OP: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('write' as const), home: fc.nat(3), month: MONTH, day: DAY, version: fc.nat(1), answers: ANSWERS, completed: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), pick: fc.nat(), month: MONTH, day: DAY }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rehome' as const), pick: fc.nat(), home: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('toggle' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('correct' as const), pick: fc.nat(), answers: ANSWERS }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
);

interface Row {
  id: number;
  version: number;
  completed: boolean;
}

async function apply(rows: Row[], o: Op) {
  const db = t.handle.db;
  if (o.op === 'write') {
    const home = homes[o.home];
    const v = versions[o.version];
    const { id } = await makeVisitRecord(t, {
      companyId, communityId: home.communityId, householdId: home.id, visitorId, visitDate: dateOf(o.month, o.day),
      outcome: o.completed ? 'completed' : 'refused', questionnaireVersionId: v.id, answers: o.answers, averageScore: averageScore(v.questions, o.answers),
    });
    rows.push({ id, version: o.version, completed: o.completed });
    return;
  }
  if (!rows.length) return;
  const row = rows[o.pick % rows.length];
  if (o.op === 'move') await db.updateTable('visit_records').set({ visit_date: dateOf(o.month, o.day) }).where('id', '=', row.id).execute();
  else if (o.op === 'rehome') await db.updateTable('visit_records').set({ household_id: homes[o.home].id, community_id: homes[o.home].communityId }).where('id', '=', row.id).execute();
  else if (o.op === 'toggle') {
    row.completed = !row.completed;
    await db.updateTable('visit_records').set({ outcome: row.completed ? 'completed' : 'refused' }).where('id', '=', row.id).execute();
  } else if (o.op === 'correct') {
    // As a correction writes it (visits/correct-record.ts): the answers, their mean and their tally.
    const questions = versions[row.version].questions;
    await db
      .updateTable('visit_records')
      .set({ answers: JSON.stringify(o.answers), average_score: averageScore(questions, o.answers), ...tallyColumns(questions, o.answers) })
      .where('id', '=', row.id)
      .execute();
  } else {
    rows.splice(rows.indexOf(row), 1);
    await db.deleteFrom('visit_records').where('id', '=', row.id).execute();
  }
}

/** The sums with the floating ones rounded, so that two orders of adding compare equal. */
const comparable = (s: DriverSums) => ({
  ...s,
  dimensions: s.dimensions.map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v]))),
});

beforeAll(async () => {
  t = await createTestApp({}, { at: '2026-12-02T10:00:00+08:00' });
  const company = await makeCompany(t, '阳光物业');
  companyId = company.companyId;
  communityA = (await makeCommunity(t, companyId, '翠湖苑')).id;
  const B = (await makeCommunity(t, companyId, '锦绣园')).id;
  for (const [i, community] of [communityA, communityA, B, B].entries()) homes.push({ id: (await makeHousehold(t, { companyId, communityId: community, building: String(1 + (i % 2)), room: `${101 + i}` })).id, communityId: community });
  visitorId = (await makeUser(t, { companyId, roleId: company.roleIds.visitor, communityIds: [communityA, B] })).id;
  const m = await makeUser(t, { companyId, roleId: company.roleIds.manager });
  manager = { userId: m.id, username: m.username, displayName: '经理', companyId, permissions: new Set(['kpis.read']), allCommunities: true, communityIds: [], departmentId: null, ip: null, locale: 'zh-CN' };
  const now = new Date().toISOString();
  const q = await t.handle.db
    .insertInto('questionnaires')
    .values({ company_id: companyId, name: '驱动因素问卷', description: '', scope: 'company', community_id: null, property_type: null, status: 'active', builtin: 0, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, questions] of [WITH_OVERALL, WITHOUT].entries()) {
    const v = await t.handle.db
      .insertInto('questionnaire_versions')
      .values({ questionnaire_id: q.id, company_id: companyId, version: i + 1, questions: JSON.stringify(questions), published_at: now, published_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    versions.push({ id: v.id, questions });
  }
});

afterAll(async () => {
  await t?.close();
});

describe('the key drivers from the monthly rollups', () => {
  it('equal the sums counted from the records for random histories of visits written, moved, refused, corrected and deleted', async () => {
    const dialect = t.handle.dialect;
    await fc.assert(
      fc.asyncProperty(fc.array(OP, { minLength: 1, maxLength: 25 }), MONTH, MONTH, async (ops, m1, m2) => {
        const rows: Row[] = [];
        try {
          for (const o of ops) await apply(rows, o);
          const period = { from: dateOf(Math.min(m1, m2), 1), to: monthEnd(Math.max(m1, m2)) };
          for (const communityId of [null, communityA]) {
            const cut = { communityId, visitorId: null, groupBy: null };
            const rolled = await driverSums(t.handle.db, manager, cut, period, dialect);
            const counted = await driverSums(t.handle.db, manager, cut, period, dialect, 'rows');
            expect(comparable(rolled)).toEqual(comparable(counted));
          }
          // A bulk loader's rebuild of the rollups from the rows gives the same sums.
          await rebuildMonthRollups(t.handle.db, dialect);
          for (const communityId of [null, communityA]) {
            const cut = { communityId, visitorId: null, groupBy: null };
            expect(comparable(await driverSums(t.handle.db, manager, cut, period, dialect))).toEqual(comparable(await driverSums(t.handle.db, manager, cut, period, dialect, 'rows')));
          }
        } finally {
          await t.handle.db.deleteFrom('visit_records').where('company_id', '=', companyId).execute();
          await t.handle.db.deleteFrom('visit_tasks').where('company_id', '=', companyId).execute();
        }
      }),
      { numRuns: 25, seed: 20261203 },
    );
  });

  it('a visit whose overall question is unanswered has no overall measure, and a dimension asked only overall is no driver', async () => {
    const v = versions[0];
    const answers: Answers = { a1: 4, a2: 2, b1: 5, z: 'n/a' };
    await makeVisitRecord(t, { companyId, communityId: homes[0].communityId, householdId: homes[0].id, visitorId, visitDate: dateOf(2, 10), questionnaireVersionId: v.id, answers, averageScore: averageScore(v.questions, answers) });
    try {
      const sums = await driverSums(t.handle.db, manager, { communityId: null, visitorId: null, groupBy: null }, { from: dateOf(2, 1), to: monthEnd(2) }, t.handle.dialect);
      expect(sums.n).toBe(0);
      expect(sums.dimensions.map((d) => [d.dimension, d.n, d.answerSum, d.answerCount, d.ratedBy])).toEqual([
        ['安保', 0, 5, 1, 1],
        ['保洁', 0, 6, 2, 1],
      ]);
    } finally {
      await t.handle.db.deleteFrom('visit_records').where('company_id', '=', companyId).execute();
      await t.handle.db.deleteFrom('visit_tasks').where('company_id', '=', companyId).execute();
    }
  });
});
