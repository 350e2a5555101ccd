/**
 * KPIs by actor on a hand-built data set (November 2026, two communities), every figure computed by hand in the
 * comments; every drill-down list's total equals the count it stands for. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiFigure, Kpis, KpiTargets } from '../../src/shared/schemas/kpis.js';
import type { Answers } from '../../src/shared/schemas/questionnaires.js';
import type { IssueKind, IssueStatus, Adoption, Closure, ReplyMode } from '../../src/shared/schemas/issues.js';
import type { TaskStatus } from '../../src/shared/schemas/visits.js';
import { nowIso } from '../../src/server/clock.js';
import { backfillVisitScores } from '../../src/server/db/migrations/2026_12_03_0500_visit_scores.js';
import { Client, loginAs, makeCommunity, makeCompany, makeHousehold, makeIssue, makeUser, makeVisitTask } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let companyId: number;
let versionId: number;
let A: number;
let B: number;
let empty: number;
let manager: Client;
let supervisor: Client;
let visitor1: Client;
let handler: Client;
let v1: number;
let v2: number;
const hA: number[] = [];
const hB: number[] = [];

/** A Shanghai wall-clock time as the stored UTC instant. */
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
/** 24:00 of a Shanghai day, as deadlines are stored. */
const dueEnd = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

async function visit(o: {
  community: number;
  household: number;
  assignee: number;
  due: string;
  status: TaskStatus;
  attempts?: number;
  visitDate?: string;
  answers?: Answers;
  score?: number | null;
}) {
  const { id } = await makeVisitTask(t, { companyId, communityId: o.community, householdId: o.household, assigneeId: o.assignee, dueDate: o.due, status: o.status });
  await t.handle.db.updateTable('visit_tasks').set({ attempt_count: o.attempts ?? 0 }).where('id', '=', id).execute();
  if (o.visitDate) {
    const now = nowIso();
    await t.handle.db
      .insertInto('visit_records')
      .values({
        company_id: companyId,
        community_id: o.community,
        task_id: id,
        household_id: o.household,
        resident_id: null,
        visitor_id: o.assignee,
        method: 'phone',
        reason: 'periodic',
        outcome: o.status === 'refused' ? 'refused' : 'completed',
        started_at: now,
        ended_at: now,
        visit_date: o.visitDate,
        backdated: 0,
        spoken_to: '',
        questionnaire_version_id: o.answers ? versionId : null,
        answers: JSON.stringify(o.answers ?? {}),
        average_score: o.score ?? null,
        opinions: '',
        suggestions: '',
        improvement_measures: '',
        item_count: 0,
        idempotency_key: null,
        created_at: now,
      })
      .execute();
  }
  return id;
}

async function issue(o: {
  community: number;
  kind: IssueKind;
  status: IssueStatus;
  raised: string;
  replyMode?: ReplyMode;
  replyDue?: string | null;
  replied?: string | null;
  resolveDue?: string | null;
  resolved?: string | null;
  closure?: Closure | null;
  adoption?: Adoption | null;
  events?: { event: 'resolve' | 'reopen'; at: string }[];
}) {
  const { id } = await makeIssue(t, { companyId, communityId: o.community, householdId: o.community === A ? hA[0] : hB[0], kind: o.kind, status: o.status });
  await t.handle.db
    .updateTable('issues')
    .set({
      raised_at: at(o.raised),
      reply_mode: o.replyMode ?? 'written',
      reply_due_at: o.replyDue === undefined || o.replyDue === null ? null : dueEnd(o.replyDue),
      replied_at: o.replied ? at(o.replied) : null,
      resolve_due_at: o.resolveDue === undefined || o.resolveDue === null ? null : dueEnd(o.resolveDue),
      resolved_at: o.resolved ? at(o.resolved) : null,
      closure: o.closure ?? null,
      adoption: o.adoption ?? null,
    })
    .where('id', '=', id)
    .execute();
  for (const e of o.events ?? []) {
    await t.handle.db
      .insertInto('issue_events')
      .values({ issue_id: id, company_id: companyId, at: at(e.at), actor_id: null, actor_name: null, type: 'transition', event: e.event, from_status: null, to_status: null, comment: '', data: '{}' })
      .execute();
  }
  return id;
}

beforeAll(async () => {
  t = await createTestApp({}, { at: '2026-12-02T10:00:00+08:00' });
  const company = await makeCompany(t);
  companyId = company.companyId;
  versionId = (await t.handle.db.selectFrom('questionnaire_versions').select('id').where('company_id', '=', companyId).executeTakeFirstOrThrow()).id;
  A = (await makeCommunity(t, companyId, '翠湖苑')).id;
  B = (await makeCommunity(t, companyId, '锦绣园')).id;
  empty = (await makeCommunity(t, companyId, '新城广场')).id;
  const m = await makeUser(t, { companyId, roleId: company.roleIds.manager });
  const s = await makeUser(t, { companyId, roleId: company.roleIds.supervisor, communityIds: [A] });
  const u1 = await makeUser(t, { companyId, roleId: company.roleIds.visitor, communityIds: [A], displayName: '王回访' });
  const u2 = await makeUser(t, { companyId, roleId: company.roleIds.visitor, communityIds: [A], displayName: '李回访' });
  const h = await makeUser(t, { companyId, roleId: company.roleIds.handler, communityIds: [A] });
  v1 = u1.id;
  v2 = u2.id;
  [manager, supervisor, visitor1, handler] = await Promise.all([m, s, u1, h].map((u) => loginAs(t.app, u.username)));

  // 翠湖苑: 10 households (building 1: six, building 2: four); 锦绣园: 5.
  for (let i = 0; i < 10; i++) hA.push((await makeHousehold(t, { companyId, communityId: A, building: i < 6 ? '1' : '2', room: `${101 + i}` })).id);
  for (let i = 0; i < 5; i++) hB.push((await makeHousehold(t, { companyId, communityId: B, room: `${201 + i}` })).id);

  // Tasks due in November in 翠湖苑 (t1–t7) and one due in October visited (back-dated) on 2 November (t8).
  await visit({ community: A, household: hA[0], assignee: v1, due: '2026-11-05', status: 'completed', visitDate: '2026-11-05', answers: { cleaning: 5, security: 4, overall: 4, recommend: 10 }, score: 13 / 3 });
  await visit({ community: A, household: hA[1], assignee: v1, due: '2026-11-10', status: 'completed', attempts: 2, visitDate: '2026-11-10', answers: { cleaning: 3, security: 'n/a', overall: 5, recommend: 6 }, score: 4 });
  await visit({ community: A, household: hA[0], assignee: v2, due: '2026-11-20', status: 'completed', attempts: 1, visitDate: '2026-11-20', answers: { cleaning: 2, security: null, overall: 2, recommend: 8 }, score: 2 });
  await visit({ community: A, household: hA[3], assignee: v2, due: '2026-11-12', status: 'unreachable', attempts: 3 });
  await visit({ community: A, household: hA[4], assignee: v1, due: '2026-11-13', status: 'refused' });
  await visit({ community: A, household: hA[5], assignee: v1, due: '2026-11-28', status: 'pending' });
  await visit({ community: A, household: hA[6], assignee: v1, due: '2026-11-14', status: 'cancelled' });
  await visit({ community: A, household: hA[7], assignee: v1, due: '2026-10-30', status: 'completed', visitDate: '2026-11-02' });
  // 锦绣园: one completed visit in November.
  await visit({ community: B, household: hB[0], assignee: v1, due: '2026-11-15', status: 'completed', visitDate: '2026-11-15', answers: { cleaning: 4, overall: 4 }, score: 4 });

  // Issues of 翠湖苑.
  await issue({ community: A, kind: 'problem', status: 'closed', raised: '2026-11-03T10:00:00', replyDue: '2026-11-05', replied: '2026-11-04T09:00:00', resolveDue: '2026-11-10', resolved: '2026-11-08T15:00:00', closure: 'confirmed', events: [{ event: 'resolve', at: '2026-11-08T15:00:00' }] });
  await issue({ community: A, kind: 'complaint', status: 'resolved', raised: '2026-11-12T09:00:00', replyMode: 'oral', replyDue: '2026-11-12', replied: '2026-11-13T09:00:00', resolveDue: '2026-11-20', resolved: '2026-11-25T11:00:00', events: [{ event: 'resolve', at: '2026-11-25T11:00:00' }] });
  await issue({ community: A, kind: 'need', status: 'in_progress', raised: '2026-11-13T09:00:00', replyDue: '2026-11-18', resolveDue: '2026-11-25' });
  await issue({ community: A, kind: 'problem', status: 'withdrawn', raised: '2026-11-13T10:00:00', replyDue: '2026-11-16', resolveDue: '2026-11-15' });
  await issue({
    community: A,
    kind: 'problem',
    status: 'resolved',
    raised: '2026-11-20T10:00:00',
    resolveDue: '2026-12-05',
    resolved: '2026-11-30T16:00:00',
    events: [
      { event: 'resolve', at: '2026-11-28T10:00:00' },
      { event: 'reopen', at: '2026-11-29T10:00:00' },
      { event: 'resolve', at: '2026-11-30T16:00:00' },
    ],
  });
  await issue({ community: A, kind: 'suggestion', status: 'in_progress', raised: '2026-11-04T10:00:00', adoption: 'adopted' });
  await issue({ community: A, kind: 'suggestion', status: 'not_adopted', raised: '2026-11-06T10:00:00', adoption: 'not_adopted' });
  await issue({ community: A, kind: 'suggestion', status: 'new', raised: '2026-11-07T10:00:00', adoption: 'pending' });
  await issue({ community: A, kind: 'suggestion', status: 'resolved', raised: '2026-11-08T10:00:00', adoption: 'implemented' });
  await issue({ community: A, kind: 'suggestion', status: 'withdrawn', raised: '2026-11-09T10:00:00', adoption: 'pending' });
  await issue({ community: A, kind: 'praise', status: 'new', raised: '2026-11-20T10:00:00' });
  // 锦绣园: one complaint in October, none in November.
  await issue({ community: B, kind: 'complaint', status: 'new', raised: '2026-10-20T10:00:00' });
});

afterAll(async () => {
  await t?.close();
});

const get = async (client: Client, query: string) => {
  const res = await client.get(`/api/v1/kpis?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Kpis;
};
const fig = (k: Kpis | { figures: KpiFigure[] }, key: string, dimension: string | null = null) => {
  const f = k.figures.find((x) => x.key === key && x.dimension === dimension);
  if (!f) throw new Error(`no figure ${key} ${dimension ?? ''}`);
  return f;
};
const value = (k: Kpis | { figures: KpiFigure[] }, key: string, dimension: string | null = null) => fig(k, key, dimension).value;

/** Every drill-down list's total, fetched as the same caller, equals the count it stands for. */
async function expectDrillDownsMatch(client: Client, k: { figures: KpiFigure[] }) {
  let checked = 0;
  for (const f of k.figures) {
    for (const d of f.drillDown) {
      const res = await client.get(d.href);
      expect(res.statusCode, `${f.key} ${d.role} ${d.href}: ${res.body}`).toBe(200);
      const { total } = res.json() as { total: number };
      const expected = d.role === 'numerator' ? f.numerator : d.role === 'denominator' ? f.denominator : f.n;
      expect(total, `${f.key} ${d.role} ${d.href}`).toBe(expected);
      checked++;
    }
  }
  return checked;
}

describe('KPIs of November 2026', () => {
  it('manager: 翠湖苑’s figures equal the hand computation', async () => {
    const k = await get(manager, `period=month:2026-11&communityId=${A}`);
    expect(k.period).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30', label: 'month:2026-11' });
    expect(k.communityId).toBe(A);
    expect(k.visitorId).toBeNull();
    // coverage: h0, h1 (t1–t3) and h7 (t8, visited 2 Nov) of 10 households
    expect(fig(k, 'coverage')).toMatchObject({ value: 30, numerator: 3, denominator: 10, n: 10, target: 20, status: 'met', smallSample: true, unit: 'percent' });
    // rolling 12 months: the same three (nothing before November)
    expect(fig(k, 'coverage_12m')).toMatchObject({ value: 30, numerator: 3, denominator: 10, target: null, status: null });
    // completion: t1–t7 due in November, t7 cancelled: 6 counted, 3 completed
    expect(fig(k, 'completion')).toMatchObject({ value: 50, numerator: 3, denominator: 6, target: 90, status: 'missed' });
    expect(fig(k, 'unreachable_rate')).toMatchObject({ value: 16.7, numerator: 1, denominator: 6 });
    expect(fig(k, 'refused_rate')).toMatchObject({ value: 16.7, numerator: 1, denominator: 6 });
    // (0 + 2 + 1 failed attempts + 3 completing visits) ÷ 3
    expect(fig(k, 'attempts_per_completion')).toMatchObject({ value: 2, numerator: 6, denominator: 3, unit: 'attempts' });
    // due for resolution in November: the problem, the complaint, the need (the withdrawn one and the one due in
    // December are out); only the problem was confirmed, and resolved by its deadline
    expect(fig(k, 'resolution')).toMatchObject({ value: 33.3, numerator: 1, denominator: 3, target: 80, status: 'missed' });
    expect(fig(k, 'resolution_on_time')).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
    // resolved in November: the problem, the complaint and the reopened problem; the last was reopened
    expect(fig(k, 'reopen_rate')).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
    // replies due: problem (written, on time), complaint (oral, late), need (written, none); the withdrawn one out
    expect(fig(k, 'reply_on_time')).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
    expect(fig(k, 'reply_on_time_oral')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(fig(k, 'reply_on_time_written')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    // working days: 3 Nov → 8 Nov: 3; 12 Nov → 25 Nov: 9; 20 Nov → 30 Nov (its last resolution): 6
    expect(fig(k, 'days_to_resolve_mean')).toMatchObject({ value: 6, n: 3, unit: 'days' });
    expect(fig(k, 'days_to_resolve_p90')).toMatchObject({ value: 9, n: 3 });
    // suggestions: adopted, not adopted, pending, implemented (the withdrawn one out): 2 of 3 decided, 2 of 4 raised
    expect(fig(k, 'adoption')).toMatchObject({ value: 66.7, numerator: 2, denominator: 3, target: 70, status: 'near' });
    expect(fig(k, 'adoption_of_raised')).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    // rating answers: 5 4 4 | 3 5 | 2 2 → 7 valid, 4 of them 4–5
    expect(fig(k, 'satisfaction_rate')).toMatchObject({ value: 57.1, numerator: 4, denominator: 7, n: 3, target: 90, status: 'missed' });
    // 保洁 5 3 2: mean 10/3 → 58.3; 安保 4 → 75; index (58.33 + 75) ÷ 2
    expect(fig(k, 'dimension_score', '保洁')).toMatchObject({ value: 58.3, n: 3, unit: 'score' });
    expect(fig(k, 'dimension_score', '安保')).toMatchObject({ value: 75, n: 1 });
    expect(value(k, 'satisfaction_index')).toBe(66.7);
    // recommend 10 (promoter), 6 (detractor), 8 (passive)
    expect(fig(k, 'nps')).toMatchObject({ value: 0, numerator: 0, denominator: 3, n: 3 });
    expect(fig(k, 'complaints_per_100')).toMatchObject({ value: 10, numerator: 1, denominator: 10 });
    expect(fig(k, 'praise')).toMatchObject({ value: 1, numerator: 1, denominator: null });
  });

  it('manager: every drill-down list of 翠湖苑 totals exactly its count', async () => {
    const k = await get(manager, `period=month:2026-11&communityId=${A}`);
    expect(await expectDrillDownsMatch(manager, k)).toBeGreaterThan(30);
  });

  it('manager: company-wide figures add both communities, and their lists match', async () => {
    const k = await get(manager, 'period=month:2026-11');
    expect(k.communityId).toBeNull();
    // 4 households of 15 (新城广场 has none); 8 tasks counted (t1–t6, t9), 4 completed
    expect(fig(k, 'coverage')).toMatchObject({ numerator: 4, denominator: 15, value: 26.7 });
    expect(fig(k, 'completion')).toMatchObject({ numerator: 4, denominator: 7, value: 57.1 });
    // 锦绣园 adds 保洁 4 and overall 4: 9 valid, 6 of them 4–5
    expect(fig(k, 'satisfaction_rate')).toMatchObject({ numerator: 6, denominator: 9, n: 4, value: 66.7 });
    expect(await expectDrillDownsMatch(manager, k)).toBeGreaterThan(30);
  });

  it('manager: a back-dated visit counts in the month it was made, its task in the month it was due', async () => {
    const october = await get(manager, `period=month:2026-10&communityId=${A}`);
    // t8 was due on 30 October and completed: October's completion; its visit (2 November) is November's coverage
    expect(fig(october, 'completion')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(fig(october, 'coverage')).toMatchObject({ numerator: 0, denominator: 10, value: 0 });
  });

  it('manager: a zero denominator gives no value, with the reason in words', async () => {
    const k = await get(manager, `period=month:2025-01&communityId=${A}`);
    expect(fig(k, 'completion')).toMatchObject({ value: null, numerator: 0, denominator: 0, status: null, reason: 'no_tasks_due', reasonText: '统计期内没有到期的回访任务' });
    expect(fig(k, 'resolution')).toMatchObject({ value: null, reason: 'no_issues_due' });
    expect(fig(k, 'satisfaction_rate')).toMatchObject({ value: null, reason: 'no_answers', n: 0, smallSample: true });
    expect(fig(k, 'days_to_resolve_mean')).toMatchObject({ value: null, reason: 'no_resolutions' });
    expect(k.figures.filter((f) => f.key === 'dimension_score')).toEqual([]);
    const none = await get(manager, `period=month:2026-11&communityId=${empty}`);
    expect(fig(none, 'coverage')).toMatchObject({ value: null, denominator: 0, reason: 'no_households' });
    expect(fig(none, 'complaints_per_100')).toMatchObject({ value: null, reason: 'no_households' });
    const en = await manager.get(`/api/v1/kpis?period=month:2025-01&communityId=${A}&kpi=completion`, { 'accept-language': 'en' });
    expect((en.json() as Kpis).figures[0]).toMatchObject({ label: 'Visit completion', reasonText: 'no visit task was due in the period' });
    expect((en.json() as Kpis).figures[0].formula).toContain('cancelled excluded');
  });

  it('manager: kpi= picks figures, quarters and years cover their months', async () => {
    const k = await get(manager, `period=quarter:2026-Q4&communityId=${A}&kpi=completion,coverage`);
    expect(k.figures.map((f) => f.key)).toEqual(['coverage', 'completion']);
    expect(k.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    // t1–t8 (t7 cancelled): 7 counted, 4 completed; the monthly coverage target does not apply to a quarter
    expect(fig(k, 'completion')).toMatchObject({ numerator: 4, denominator: 7 });
    expect(fig(k, 'coverage')).toMatchObject({ numerator: 3, target: null, status: null });
    const y = await get(manager, `period=year:2026&communityId=${A}&kpi=completion`);
    expect(fig(y, 'completion')).toMatchObject({ numerator: 4, denominator: 7 });
    const c = await get(manager, `period=custom:2026-11-01..2026-11-10&communityId=${A}&kpi=completion`);
    // t1 (5 Nov) and t2 (10 Nov)
    expect(fig(c, 'completion')).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('manager: the figures are the same when the records keep their answers’ tallies (as submitted ones do) as when the answers are tallied', async () => {
    const paths = [`period=month:2026-11&communityId=${A}`, 'period=month:2026-11&compare=true', 'period=month:2026-11&groupBy=community', `period=month:2026-11&groupBy=building&communityId=${A}`, `period=month:2026-11&groupBy=visitor&communityId=${A}`];
    const tallied = await Promise.all(paths.map((p) => get(manager, p)));
    await backfillVisitScores(t.handle.db, t.handle.dialect);
    try {
      const kept = await t.handle.db.selectFrom('visit_records').select(['sat_rated', 'sat_satisfied', 'nps_answers', 'sat_dimensions']).where('company_id', '=', companyId).where('questionnaire_version_id', 'is not', null).execute();
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.every((r) => r.sat_rated !== null && r.sat_dimensions !== null)).toBe(true);
      expect(await Promise.all(paths.map((p) => get(manager, p)))).toEqual(tallied);
    } finally {
      await t.handle.db.updateTable('visit_records').set({ sat_rated: null, sat_satisfied: null, nps_answers: null, nps_promoters: null, nps_detractors: null, sat_dimensions: null }).where('company_id', '=', companyId).execute();
    }
  });
});

describe('KPIs by actor', () => {
  it('supervisor: sees their community’s figures, and another community is not found', async () => {
    const mine = await get(supervisor, 'period=month:2026-11');
    const a = await get(manager, `period=month:2026-11&communityId=${A}`);
    expect(mine.figures.map((f) => [f.key, f.dimension, f.value])).toEqual(a.figures.map((f) => [f.key, f.dimension, f.value]));
    expect(await expectDrillDownsMatch(supervisor, mine)).toBeGreaterThan(30);
    const other = await supervisor.get(`/api/v1/kpis?period=month:2026-11&communityId=${B}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'not_found' });
  });

  it('visitor: sees their own figures only', async () => {
    const k = await get(visitor1, 'period=month:2026-11');
    expect(k.visitorId).toBe(v1);
    expect(k.figures.map((f) => f.key)).not.toContain('resolution');
    expect(k.figures.map((f) => f.key)).not.toContain('coverage');
    // t1, t2, t5 and t6 of 翠湖苑 are theirs (t7 cancelled; t9 is in 锦绣园, outside their scope): t1, t2 completed
    expect(fig(k, 'completion')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    // their visits t1, t2: 5 4 4 | 3 5 → 5 valid, 4 of them 4–5
    expect(fig(k, 'satisfaction_rate')).toMatchObject({ numerator: 4, denominator: 5, n: 2, value: 80 });
    expect(await expectDrillDownsMatch(visitor1, k)).toBeGreaterThan(3);
  });

  it('visitor: another visitor’s figures and the company’s KPIs are refused', async () => {
    expect((await visitor1.get(`/api/v1/kpis?visitorId=${v2}`)).statusCode).toBe(403);
    expect((await visitor1.get('/api/v1/kpis?kpi=resolution')).statusCode).toBe(403);
    expect((await visitor1.get('/api/v1/kpis?groupBy=community')).statusCode).toBe(403);
  });

  it('manager: one visitor’s figures', async () => {
    const k = await get(manager, `period=month:2026-11&visitorId=${v2}`);
    // t3 completed, t4 unreachable
    expect(fig(k, 'completion')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(fig(k, 'unreachable_rate')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(await expectDrillDownsMatch(manager, k)).toBeGreaterThan(3);
  });

  it('handler: has no KPIs', async () => {
    const res = await handler.get('/api/v1/kpis');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
  });
});

describe('KPI bad input', () => {
  it.each([
    ['period=month:2026-13', 'period', 'period_format'],
    ['period=2026-11', 'period', 'period_format'],
    ['period=quarter:2026-Q5', 'period', 'period_format'],
    ['period=custom:2026-03-01..2026-02-01', 'period', 'period_format'],
    ['period=custom:2020-01-01..2025-01-01', 'period', 'period_too_long'],
    ['kpi=coverage,happiness', 'kpi', 'kpi_unknown'],
    ['groupBy=planet', 'groupBy', null],
  ])('manager: %s is refused naming %s', async (query, path, key) => {
    const res = await manager.get(`/api/v1/kpis?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { code: string; errors: { path: string; message: string }[] };
    expect(body.code).toBe('validation_failed');
    expect(body.errors[0].path).toBe(path);
    if (key === 'period_too_long') expect(body.errors[0].message).toBe('统计期最长为 5 年，请缩短起止日期');
    if (key === 'kpi_unknown') expect(body.errors[0].message).toContain('不认识的指标');
  });

  it('manager: a five-year custom period is accepted', async () => {
    const k = await get(manager, 'period=custom:2020-01-01..2024-12-31&kpi=praise');
    expect(k.period).toMatchObject({ kind: 'custom', from: '2020-01-01', to: '2024-12-31' });
  });

  it('manager: an unknown community is not found', async () => {
    expect((await manager.get('/api/v1/kpis?communityId=999999')).statusCode).toBe(404);
  });
});

describe('KPI targets', () => {
  it('supervisor: reads the regulations’ defaults and may not change them', async () => {
    const res = await supervisor.get('/api/v1/kpi-targets');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ coverage: 20, completion: 90, resolution: 80, adoption: 70, satisfactionRate: 90, nearMargin: 5, dimensionWeights: {} });
    const put = await supervisor.put('/api/v1/kpi-targets', { ...(res.json() as KpiTargets), completion: 50 });
    expect(put.statusCode).toBe(403);
  });

  it('handler: may not read the targets', async () => {
    expect((await handler.get('/api/v1/kpi-targets')).statusCode).toBe(403);
  });

  it('manager: changes targets and weights (audited), and the figures follow them', async () => {
    const body: KpiTargets = { coverage: 40, completion: 50, resolution: 80, adoption: 70, satisfactionRate: 50, nearMargin: 10, dimensionWeights: { 保洁: 3 } };
    const put = await manager.put('/api/v1/kpi-targets', body);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual(body);
    expect((await manager.get('/api/v1/kpi-targets')).json()).toEqual(body);
    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'after']).where('company_id', '=', companyId).where('action', '=', 'kpi_targets.update').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after ?? '{}')).toMatchObject({ coverage: 40, completion: 50 });

    const k = await get(manager, `period=month:2026-11&communityId=${A}`);
    // 30 against 40 with a 10-point margin: near; completion 50 against 50: met
    expect(fig(k, 'coverage')).toMatchObject({ target: 40, status: 'near' });
    expect(fig(k, 'completion')).toMatchObject({ target: 50, status: 'met' });
    // (3 × 58.33 + 75) ÷ 4
    expect(value(k, 'satisfaction_index')).toBe(62.5);
  });

  it('manager: a target out of range is refused naming the field', async () => {
    const res = await manager.put('/api/v1/kpi-targets', { coverage: 120, completion: 90, resolution: 80, adoption: 70, satisfactionRate: 90, nearMargin: 5, dimensionWeights: {} });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: { path: string }[] }).errors[0].path).toBe('coverage');
  });
});
