/**
 * The fingerprint of a month's free texts (theme_text_months, kept by triggers on visit_records and issues)
 * against the texts themselves: for random histories of visit records written with or without opinions and
 * suggestions, their texts corrected or blanked, moved to another month or community and deleted, and of issues
 * raised near the Shanghai month boundaries, reclassified, re-dated and deleted, after every step
 * - each month's rollup counts exactly the texts the themes read (kpis/queries.ts freeTexts), with their ids' sum;
 * - a month whose texts changed in any way has a new fingerprint, so GET /kpis/themes never answers from stale
 *   counts;
 * and rebuilding the rollup from the rows (as a bulk loader does) counts the same and gives no earlier fingerprint.
 * Runs on SQLite and PostgreSQL.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/server/context.js';
import { rebuildTextMonths } from '../../src/server/db/migrations/2026_12_04_0100_text_months.js';
import { toRange } from '../../src/server/kpis/get-kpis.js';
import { freeTexts, freeTextsFingerprint } from '../../src/server/kpis/queries.js';
import type { IssueKind } from '../../src/shared/schemas/issues.js';
import { monthOf } from '../../src/shared/schemas/kpis.js';
import { makeCommunity, makeCompany, makeHousehold, makeIssue, makeUser, makeVisitRecord } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let ctx: Ctx;
let visitorId: number;
const homes: { id: number; communityId: number }[] = [];

/** Three months of 2026 (October to December) and the days of a month that lie near its Shanghai boundaries. */
const MONTHS = ['2026-10', '2026-11', '2026-12'];
const MONTH = fc.nat(MONTHS.length - 1);
const DAY = fc.constantFrom(1, 15, 28);
/** An issue's instant: the month's first Shanghai hour (the day before in UTC), its middle, or its last Shanghai hour. */
const INSTANT = fc.constantFrom('first', 'middle', 'last');
const TEXT = fc.constantFrom('', '', '电梯坏了', '楼道灯不亮', '希望增加停车位');
const KIND = fc.constantFrom<IssueKind>('problem', 'complaint', 'suggestion', 'need', 'praise');

type Op =
  | { op: 'record'; home: number; month: number; day: number; opinions: string; suggestions: string }
  | { op: 'correct'; pick: number; opinions: string }
  | { op: 'move'; pick: number; month: number; day: number }
  | { op: 'rehome'; pick: number; home: number }
  | { op: 'blank'; pick: number }
  | { op: 'issue'; home: number; month: number; at: 'first' | 'middle' | 'last'; kind: IssueKind; description: string }
  | { op: 'reclassify'; pick: number; kind: IssueKind }
  | { op: 'redate'; pick: number; month: number; at: 'first' | 'middle' | 'last' }
  | { op: 'withdraw'; pick: number };

const HOME = fc.nat(2);
const OP: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('record' as const), home: HOME, month: MONTH, day: DAY, opinions: TEXT, suggestions: TEXT }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('correct' as const), pick: fc.nat(), opinions: TEXT }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), pick: fc.nat(), month: MONTH, day: DAY }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rehome' as const), pick: fc.nat(), home: HOME }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('blank' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('issue' as const), home: HOME, month: MONTH, at: INSTANT, kind: KIND, description: TEXT }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reclassify' as const), pick: fc.nat(), kind: KIND }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('redate' as const), pick: fc.nat(), month: MONTH, at: INSTANT }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('withdraw' as const), pick: fc.nat() }) },
);

const dateOf = (month: number, day: number) => `${MONTHS[month]}-${String(day).padStart(2, '0')}`;
/** 00:30 on the month's first Shanghai day, noon on the 15th, or 23:30 on its last Shanghai day, in UTC. */
function instantOf(month: number, at: 'first' | 'middle' | 'last'): string {
  const { from, to } = monthOf(`${MONTHS[month]}-01`);
  if (at === 'first') return new Date(`${from}T00:30:00+08:00`).toISOString();
  if (at === 'middle') return new Date(`${MONTHS[month]}-15T12:00:00+08:00`).toISOString();
  return new Date(`${to}T23:30:00+08:00`).toISOString();
}

async function apply(records: number[], issues: number[], o: Op) {
  const db = t.handle.db;
  if (o.op === 'record') {
    const home = homes[o.home];
    const { id } = await makeVisitRecord(t, { companyId: ctx.companyId, communityId: home.communityId, householdId: home.id, visitorId, visitDate: dateOf(o.month, o.day), opinions: o.opinions, suggestions: o.suggestions });
    records.push(id);
  } else if (o.op === 'issue') {
    const home = homes[o.home];
    const { id } = await makeIssue(t, { companyId: ctx.companyId, communityId: home.communityId, householdId: home.id, kind: o.kind, description: o.description });
    await db.updateTable('issues').set({ raised_at: instantOf(o.month, o.at) }).where('id', '=', id).execute();
    issues.push(id);
  } else if (o.op === 'reclassify' || o.op === 'redate' || o.op === 'withdraw') {
    if (!issues.length) return;
    const id = issues[o.pick % issues.length];
    if (o.op === 'reclassify') await db.updateTable('issues').set({ kind: o.kind }).where('id', '=', id).execute();
    else if (o.op === 'redate') await db.updateTable('issues').set({ raised_at: instantOf(o.month, o.at) }).where('id', '=', id).execute();
    else {
      issues.splice(issues.indexOf(id), 1);
      await db.deleteFrom('issue_events').where('issue_id', '=', id).execute();
      await db.deleteFrom('issues').where('id', '=', id).execute();
    }
  } else {
    if (!records.length) return;
    const id = records[o.pick % records.length];
    if (o.op === 'correct') await db.updateTable('visit_records').set({ opinions: o.opinions }).where('id', '=', id).execute();
    else if (o.op === 'move') await db.updateTable('visit_records').set({ visit_date: dateOf(o.month, o.day) }).where('id', '=', id).execute();
    else if (o.op === 'rehome') await db.updateTable('visit_records').set({ household_id: homes[o.home].id, community_id: homes[o.home].communityId }).where('id', '=', id).execute();
    else await db.updateTable('visit_records').set({ opinions: '', suggestions: '' }).where('id', '=', id).execute();
  }
}

/** Each month's texts as the themes read them (source, id, community, text), and the rollup's rows summed. */
async function state() {
  return Promise.all(
    MONTHS.map(async (m) => {
      const rows = await freeTexts(t.handle.db, ctx, toRange(monthOf(`${m}-01`)));
      const texts = [
        ...rows.records.map((r) => `r${r.id}:${r.community_id}:${r.opinions}|${r.suggestions}`),
        ...rows.issues.map((i) => `i${i.id}:${i.community_id}:${i.description}`),
      ].sort();
      const ids = [...rows.records.map((r) => Number(r.id)), ...rows.issues.map((i) => Number(i.id))];
      const sums = await t.handle.db
        .selectFrom('theme_text_months')
        .select((eb) => [eb.fn.sum<number>('n').as('n'), eb.fn.sum<number>('id_sum').as('id_sum')])
        .where('company_id', '=', ctx.companyId)
        .where('month', '=', Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1)
        .executeTakeFirst();
      return {
        texts: texts.join('\n'),
        counted: { n: Number(sums?.n ?? 0), idSum: Number(sums?.id_sum ?? 0) },
        expected: { n: ids.length, idSum: ids.reduce((a, b) => a + b, 0) },
        fingerprint: await freeTextsFingerprint(t.handle.db, ctx, `${m}-01`),
      };
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const company = await makeCompany(t);
  const A = (await makeCommunity(t, company.companyId, '翠湖苑')).id;
  const B = (await makeCommunity(t, company.companyId, '锦绣园')).id;
  for (const [i, community] of [A, A, B].entries()) homes.push({ id: (await makeHousehold(t, { companyId: company.companyId, communityId: community, room: `${201 + i}` })).id, communityId: community });
  visitorId = (await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [A, B] })).id;
  ctx = { userId: visitorId, username: 'v', displayName: '回访员', companyId: company.companyId, permissions: new Set(['kpis.read']), allCommunities: true, communityIds: [], departmentId: null, ip: null, locale: 'zh-CN' } as unknown as Ctx;
});

afterAll(async () => {
  await t.close();
});

describe('the free texts’ month fingerprint (theme_text_months)', () => {
  it('counts exactly the texts the themes read, changes whenever a month’s texts change, and is rebuilt without repeating itself', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(OP, { minLength: 1, maxLength: 14 }), async (ops) => {
        const db = t.handle.db;
        for (const table of ['issue_events', 'issues', 'visit_records', 'visit_tasks'] as const) await db.deleteFrom(table).where('company_id', '=', ctx.companyId).execute();
        await db.deleteFrom('theme_text_months').where('company_id', '=', ctx.companyId).execute();
        const records: number[] = [];
        const issues: number[] = [];
        // Per month, the texts each fingerprint stood for: one fingerprint never stands for two sets of texts.
        const seen = MONTHS.map(() => new Map<string, string>());
        const check = (after: Awaited<ReturnType<typeof state>>, what: string) => {
          for (const [i, m] of after.entries()) {
            expect(m.counted, `${MONTHS[i]} after ${what}`).toEqual(m.expected);
            const earlier = seen[i].get(m.fingerprint);
            if (earlier !== undefined) expect(m.texts, `${MONTHS[i]} changed by ${what} but kept an earlier fingerprint`).toBe(earlier);
            seen[i].set(m.fingerprint, m.texts);
          }
        };
        check(await state(), 'nothing');
        for (const o of ops) {
          await apply(records, issues, o);
          check(await state(), JSON.stringify(o));
        }
        const last = await state();
        await rebuildTextMonths(db, t.handle.dialect);
        const rebuilt = await state();
        check(rebuilt, 'the rebuild');
        // A month with rows moves on, so that counts stored before a bulk load are not taken for current.
        for (const [i, m] of rebuilt.entries()) if (m.expected.n > 0) expect(m.fingerprint).not.toBe(last[i].fingerprint);
      }),
      { numRuns: 25 },
    );
  });
});
