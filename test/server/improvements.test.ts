/**
 * Improvement measures (改进措施) by actor, and their effect on a hand-built data set: every before/after figure is
 * computed by hand in the comments. The clock stands at 2 December 2026, 10:00 Shanghai. Runs on SQLite and
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImprovementMeasure, MeasureEffect } from '../../src/shared/schemas/improvements.js';
import type { Answers } from '../../src/shared/schemas/questionnaires.js';
import type { IssueKind, IssueStatus } from '../../src/shared/schemas/issues.js';
import { Client, loginAs, makeCommunity, makeCompany, makeHousehold, makeIssue, makeIssueCategory, makeUser, makeVisitRecord } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let companyId: number;
let versionId: number;
let A: number;
let B: number;
let quiet: number;
let cleaningCategory: number;
let otherCategory: number;
let manager: Client;
let supervisor: Client;
let visitor: Client;
let managerId: number;
let visitorId: number;
const hA: number[] = [];
let hB: number;

/** A Shanghai wall-clock time as the stored UTC instant. */
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

/** A completed visit with answers in the default questionnaire (cleaning rates 保洁). */
async function visit(community: number, household: number, visitDate: string, answers: Answers) {
  await makeVisitRecord(t, { companyId, communityId: community, householdId: household, visitorId, visitDate, questionnaireVersionId: versionId, answers, averageScore: 4 });
}

async function issue(community: number, categoryId: number, kind: IssueKind, raised: string, status: IssueStatus = 'assigned') {
  const { id } = await makeIssue(t, { companyId, communityId: community, categoryId, kind, status });
  await t.handle.db.updateTable('issues').set({ raised_at: at(raised) }).where('id', '=', id).execute();
}

beforeAll(async () => {
  t = await createTestApp({}, { at: '2026-12-02T10:00:00+08:00' });
  const company = await makeCompany(t);
  companyId = company.companyId;
  versionId = (await t.handle.db.selectFrom('questionnaire_versions').select('id').where('company_id', '=', companyId).executeTakeFirstOrThrow()).id;
  A = (await makeCommunity(t, companyId, '翠湖苑')).id;
  B = (await makeCommunity(t, companyId, '锦绣园')).id;
  quiet = (await makeCommunity(t, companyId, '新城广场')).id;
  const m = await makeUser(t, { companyId, roleId: company.roleIds.manager, displayName: '赵经理' });
  const s = await makeUser(t, { companyId, roleId: company.roleIds.supervisor, communityIds: [A] });
  const v = await makeUser(t, { companyId, roleId: company.roleIds.visitor, communityIds: [A] });
  managerId = m.id;
  visitorId = v.id;
  [manager, supervisor, visitor] = await Promise.all([m, s, v].map((u) => loginAs(t.app, u.username)));

  for (let i = 0; i < 4; i++) hA.push((await makeHousehold(t, { companyId, communityId: A, room: `${101 + i}` })).id);
  hB = (await makeHousehold(t, { companyId, communityId: B, room: '201' })).id;

  // 保洁 (cleaning) in 翠湖苑. A measure starting 2026-09-01 with the default 3 months compares
  // before = 2026-06-01..2026-08-31 with after = 2026-09-01..2026-11-30.
  await visit(A, hA[0], '2026-05-31', { cleaning: 1, overall: 3 }); // before a 3-month window; in a 4-month one
  await visit(A, hA[0], '2026-06-01', { cleaning: 4, overall: 4 });
  await visit(A, hA[1], '2026-07-01', { cleaning: 'n/a', security: 5, overall: 5 }); // does not rate 保洁
  await visit(A, hA[1], '2026-07-10', { cleaning: 3, overall: 3 });
  await visit(A, hA[2], '2026-08-15', { cleaning: 5, overall: 5 });
  await visit(A, hA[3], '2026-08-31', { cleaning: 2, overall: 2 });
  await visit(B, hB, '2026-07-05', { cleaning: 1, overall: 1 }); // another community
  await visit(A, hA[0], '2026-09-01', { cleaning: 5, overall: 5 });
  await visit(A, hA[1], '2026-10-10', { cleaning: 4, overall: 4 });
  await visit(A, hA[2], '2026-11-30', { cleaning: 4, overall: 4 });
  await visit(A, hA[3], '2026-12-01', { cleaning: 1, overall: 1 }); // after a 3-month window; in a 4-month one (cut at today)

  // Issues of the category 保洁类 in 翠湖苑: a measure starting 2026-10-01 over one month compares
  // September with October.
  cleaningCategory = (await makeIssueCategory(t, { companyId, name: '保洁类' })).id;
  otherCategory = (await makeIssueCategory(t, { companyId, name: '绿化类' })).id;
  await issue(A, cleaningCategory, 'problem', '2026-09-05T10:00:00');
  await issue(A, cleaningCategory, 'complaint', '2026-09-15T10:00:00');
  await issue(A, cleaningCategory, 'need', '2026-09-30T23:30:00');
  await issue(A, cleaningCategory, 'problem', '2026-09-10T10:00:00', 'withdrawn'); // withdrawn: not counted
  await issue(A, cleaningCategory, 'suggestion', '2026-09-12T10:00:00'); // a suggestion is not work to resolve
  await issue(A, otherCategory, 'problem', '2026-09-13T10:00:00'); // another category
  await issue(B, cleaningCategory, 'problem', '2026-09-14T10:00:00'); // another community
  await issue(A, cleaningCategory, 'complaint', '2026-10-01T00:30:00');
  await issue(A, cleaningCategory, 'problem', '2026-11-01T00:00:00'); // November: outside a one-month window from 1 October
});

afterAll(async () => {
  await t?.close();
});

const create = async (client: Client, body: Record<string, unknown>) => client.post('/api/v1/improvement-measures', { title: '加密保洁频次', ...body });
const effect = async (client: Client, id: number, query = '') => {
  const res = await client.get(`/api/v1/improvement-measures/${id}/effect${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MeasureEffect;
};
const fig = (e: MeasureEffect, key: string) => e.figures.find((f) => f.key === key)!;

describe('a manager records a measure for 保洁 and sees what followed', () => {
  let measure: ImprovementMeasure;

  it('manager: records the measure with an owner; it is listed and audited', async () => {
    const res = await create(manager, {
      communityId: A,
      description: '公共区域每日两次保洁',
      target: { kind: 'dimension', dimension: '保洁' },
      startDate: '2026-09-01',
      ownerId: managerId,
      status: 'in_progress',
    });
    expect(res.statusCode, res.body).toBe(201);
    measure = res.json();
    expect(measure).toMatchObject({ communityId: A, communityName: '翠湖苑', targetKind: 'dimension', dimension: '保洁', categoryId: null, startDate: '2026-09-01', endDate: null, ownerName: '赵经理', status: 'in_progress', canManage: true });

    const list = (await manager.get(`/api/v1/improvement-measures?communityId=${A}`)).json();
    expect(list.items.map((m: ImprovementMeasure) => m.id)).toContain(measure.id);
    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'community_id', 'after']).where('entity_type', '=', 'measure').where('entity_id', '=', String(measure.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'measure.create', community_id: A });
  });

  it('manager: 满意率 of 保洁 rose from 50% (n 4) to 100% (n 3) over three months before and after', async () => {
    const e = await effect(manager, measure.id);
    expect(e).toMatchObject({
      windowMonths: 3,
      today: '2026-12-02',
      communityId: A,
      wholeCompany: false,
      before: { from: '2026-06-01', to: '2026-08-31', days: 92, complete: true },
      after: { from: '2026-09-01', to: '2026-11-30', days: 91, complete: true },
      afterComplete: true,
      verdict: 'improved',
    });
    // Before: 保洁 rated 4 (06-01), 3 (07-10), 5 (08-15), 2 (08-31); the n/a of 07-01, 锦绣园 and 05-31 do not count.
    // 满意率 = 2 of 4 rated 4 or 5 = 50 %; score = ((4+3+5+2)/4 − 1) ÷ 4 × 100 = 62.5.
    // After: 5, 4, 4 → 3 of 3 = 100 %; score = (13/3 − 1) ÷ 4 × 100 = 83.3.
    expect(fig(e, 'satisfaction_rate')).toMatchObject({
      unit: 'percent',
      better: 'higher',
      before: { value: 50, numerator: 2, denominator: 4, n: 4, reason: null },
      after: { value: 100, numerator: 3, denominator: 3, n: 3, reason: null },
      change: 50,
      smallSample: true,
    });
    expect(fig(e, 'dimension_score')).toMatchObject({ before: { value: 62.5, n: 4 }, after: { value: 83.3, n: 3 }, change: 20.8 });
  });

  it('manager: the dashboard computes the same score for the same dates', async () => {
    const res = await manager.get(`/api/v1/kpis?period=custom:2026-09-01..2026-11-30&communityId=${A}&kpi=dimension_score`);
    const score = res.json().figures.find((f: { dimension: string }) => f.dimension === '保洁');
    expect(score).toMatchObject({ value: 83.3, n: 3 });
  });

  it('manager: a 4-month window runs past today, is cut there and says so', async () => {
    const e = await effect(manager, measure.id, '?windowMonths=4');
    // Before: 2026-05-01..08-31 adds 05-31 (1) → 2 of 5 = 40 %. After: 09-01..12-31 cut at 12-02 adds 12-01 (1) → 3 of 4 = 75 %.
    expect(e.before).toEqual({ from: '2026-05-01', to: '2026-08-31', days: 123, complete: true });
    expect(e.after).toEqual({ from: '2026-09-01', to: '2026-12-02', days: 93, complete: false });
    expect(e.afterComplete).toBe(false);
    expect(fig(e, 'satisfaction_rate')).toMatchObject({ before: { value: 40, n: 5 }, after: { value: 75, n: 4 }, change: 35 });
    expect(e.verdict).toBe('improved');
  });

  it('manager: changes the measure (audited with what changed) and deletes it (audited, then gone)', async () => {
    const res = await manager.patch(`/api/v1/improvement-measures/${measure.id}`, { status: 'done', endDate: '2026-11-30' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', endDate: '2026-11-30' });
    const update = await t.handle.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'measure.update').where('entity_id', '=', String(measure.id)).executeTakeFirstOrThrow();
    expect(JSON.parse(update.before!)).toEqual({ endDate: null, status: 'in_progress' });
    expect(JSON.parse(update.after!)).toEqual({ endDate: '2026-11-30', status: 'done' });

    const copy = (await create(manager, { communityId: A, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-09-01' })).json();
    expect((await manager.delete(`/api/v1/improvement-measures/${copy.id}`)).statusCode).toBe(204);
    expect((await manager.get(`/api/v1/improvement-measures/${copy.id}`)).statusCode).toBe(404);
    const deleted = await t.handle.db.selectFrom('audit_log').select('before').where('action', '=', 'measure.delete').where('entity_id', '=', String(copy.id)).executeTakeFirstOrThrow();
    expect(JSON.parse(deleted.before!)).toMatchObject({ title: '加密保洁频次', dimension: '保洁' });
  });

  it('manager: the audit list names the measure by its title', async () => {
    const log = (await manager.get(`/api/v1/audit-log?entityType=measure&entityId=${measure.id}`)).json();
    expect(log.items[0].entityName).toBe('加密保洁频次');
  });
});

describe('a category measure counts the issues raised before and after', () => {
  it('manager: 保洁类 problems, complaints and needs fell from 3 to 1 (75 → 25 per 100 households)', async () => {
    const m = (await create(manager, { communityId: A, title: '垃圾清运改为每日两次', target: { kind: 'category', categoryId: cleaningCategory }, startDate: '2026-10-01' })).json();
    expect(m).toMatchObject({ targetKind: 'category', categoryId: cleaningCategory, categoryName: '保洁类', dimension: null });
    const e = await effect(manager, m.id, '?windowMonths=1');
    expect(e.before).toMatchObject({ from: '2026-09-01', to: '2026-09-30', complete: true });
    expect(e.after).toMatchObject({ from: '2026-10-01', to: '2026-10-31', complete: true });
    // September: 09-05, 09-15 and 09-30 23:30 (Shanghai) — not the withdrawn one, the suggestion, 绿化类 or 锦绣园.
    // October: 10-01 00:30. 翠湖苑 has 4 households.
    expect(fig(e, 'issues_raised')).toMatchObject({ unit: 'count', better: 'lower', before: { value: 3, n: 3 }, after: { value: 1, n: 1 }, change: -2, smallSample: false });
    expect(fig(e, 'issues_per_100')).toMatchObject({ before: { value: 75, numerator: 3, denominator: 4 }, after: { value: 25, numerator: 1, denominator: 4 }, change: -50 });
    expect(e.verdict).toBe('improved');
  });

  it('manager: counts of an after window still running are not judged yet (too_early)', async () => {
    const m = (await create(manager, { communityId: A, target: { kind: 'category', categoryId: cleaningCategory }, startDate: '2026-11-15' })).json();
    const e = await effect(manager, m.id, '?windowMonths=1');
    expect(e.after).toMatchObject({ from: '2026-11-15', to: '2026-12-02', days: 18, complete: false });
    expect(e.afterComplete).toBe(false);
    expect(e.verdict).toBe('too_early');
  });

  it('manager: nothing is divided by zero — no answers, no households and a measure not yet started give null with a reason', async () => {
    const none = (await create(manager, { communityId: quiet, target: { kind: 'dimension', dimension: '安保' }, startDate: '2026-09-01' })).json();
    const e = await effect(manager, none.id);
    expect(fig(e, 'satisfaction_rate').before).toEqual({ value: null, numerator: 0, denominator: 0, n: 0, reason: 'no_answers' });
    expect(fig(e, 'satisfaction_rate').change).toBeNull();
    expect(e.verdict).toBe('unknown');

    const noRoster = (await create(manager, { communityId: quiet, target: { kind: 'category', categoryId: cleaningCategory }, startDate: '2026-09-01' })).json();
    expect(fig(await effect(manager, noRoster.id), 'issues_per_100').before).toMatchObject({ value: null, reason: 'no_households' });

    const future = (await create(manager, { communityId: A, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-12-10' })).json();
    const f = await effect(manager, future.id);
    expect(f.after).toMatchObject({ from: '2026-12-10', to: '2026-12-09', days: 0, complete: false });
    expect(fig(f, 'satisfaction_rate').after).toMatchObject({ value: null, n: 0, reason: 'not_started' });
    expect(f.verdict).toBe('unknown');
  });

  it('manager: a company-wide measure counts every community', async () => {
    const m = (await create(manager, { communityId: null, target: { kind: 'category', categoryId: cleaningCategory }, startDate: '2026-10-01' })).json();
    const e = await effect(manager, m.id, '?windowMonths=1');
    expect(e).toMatchObject({ communityId: null, wholeCompany: true });
    // September adds 锦绣园's problem: 4.
    expect(fig(e, 'issues_raised').before.value).toBe(4);
  });
});

describe('who may record and read measures', () => {
  let inB: number;
  let companyWide: number;

  beforeAll(async () => {
    inB = (await create(manager, { communityId: B, title: '锦绣园门岗', target: { kind: 'dimension', dimension: '安保' }, startDate: '2026-09-01' })).json().id;
    companyWide = (await create(manager, { communityId: null, title: '全公司客服培训', target: { kind: 'dimension', dimension: '客服' }, startDate: '2026-09-01' })).json().id;
  });

  it('supervisor: records a measure for their community, not for another (404) nor company-wide (403)', async () => {
    const own = await create(supervisor, { communityId: A, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-01' });
    expect(own.statusCode, own.body).toBe(201);
    const other = await create(supervisor, { communityId: B, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-01' });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'not_found' });
    const wide = await create(supervisor, { communityId: null, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-01' });
    expect(wide.statusCode).toBe(403);
    expect(wide.json()).toMatchObject({ code: 'measure_company_wide' });
  });

  it('supervisor: lists their communities’ measures and the company-wide ones (read-only), never another community’s', async () => {
    const items = (await supervisor.get('/api/v1/improvement-measures?limit=200')).json().items as ImprovementMeasure[];
    expect(items.some((m) => m.id === inB)).toBe(false);
    const wide = items.find((m) => m.id === companyWide)!;
    expect(wide.canManage).toBe(false);
    expect(items.filter((m) => m.communityId !== null).every((m) => m.communityId === A && m.canManage)).toBe(true);
    expect((await supervisor.get('/api/v1/improvement-measures?companyWide=true')).json().items.every((m: ImprovementMeasure) => m.communityId === null)).toBe(true);

    expect((await supervisor.get(`/api/v1/improvement-measures/${inB}`)).statusCode).toBe(404);
    expect((await supervisor.get(`/api/v1/improvement-measures/${inB}/effect`)).statusCode).toBe(404);
    expect((await supervisor.patch(`/api/v1/improvement-measures/${inB}`, { status: 'done' })).statusCode).toBe(404);
    expect((await supervisor.delete(`/api/v1/improvement-measures/${inB}`)).statusCode).toBe(404);
    const patchWide = await supervisor.patch(`/api/v1/improvement-measures/${companyWide}`, { status: 'done' });
    expect(patchWide.statusCode).toBe(403);
    expect(patchWide.json().code).toBe('measure_company_wide');
    expect((await supervisor.delete(`/api/v1/improvement-measures/${companyWide}`)).statusCode).toBe(403);
  });

  it('supervisor: the effect of a company-wide measure is that of their communities, and says so', async () => {
    const e = await effect(supervisor, companyWide);
    expect(e).toMatchObject({ communityId: null, wholeCompany: false });
  });

  it('visitor: may neither read nor record measures (403)', async () => {
    expect((await visitor.get('/api/v1/improvement-measures')).statusCode).toBe(403);
    expect((await visitor.get(`/api/v1/improvement-measures/${companyWide}/effect`)).statusCode).toBe(403);
    const res = await create(visitor, { communityId: A, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-01' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });
});

describe('bad input is a 400 with a stable code, in the reader’s language', () => {
  it('manager: an unknown dimension or category, an end before the start', async () => {
    const dim = await create(manager, { communityId: A, target: { kind: 'dimension', dimension: '停车' }, startDate: '2026-11-01' });
    expect(dim.statusCode).toBe(400);
    expect(dim.json()).toMatchObject({ code: 'measure_dimension_unknown', title: '没有这个服务维度' });
    const cat = await create(manager, { communityId: A, target: { kind: 'category', categoryId: 999999 }, startDate: '2026-11-01' }, );
    expect(cat.statusCode).toBe(400);
    expect(cat.json().code).toBe('measure_category_unknown');
    const dates = await manager.post('/api/v1/improvement-measures', { title: 'x', communityId: A, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-01', endDate: '2026-10-31' }, { 'accept-language': 'en' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json()).toMatchObject({ code: 'measure_end_before_start', title: 'End before start' });
    expect(dates.json().detail).toContain('2026-10-31');

    const m = (await create(manager, { communityId: A, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-01' })).json();
    const patch = await manager.patch(`/api/v1/improvement-measures/${m.id}`, { endDate: '2026-10-01' });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().code).toBe('measure_end_before_start');
    expect((await manager.patch(`/api/v1/improvement-measures/${m.id}`, { target: { kind: 'dimension', dimension: '停车' } })).json().code).toBe('measure_dimension_unknown');
  });

  it('manager: an unknown field, a target without its key, a malformed date, a window out of range and an unknown owner', async () => {
    const cases = [
      { communityId: A, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-01', colour: 'red' },
      { communityId: A, target: { kind: 'dimension', categoryId: cleaningCategory }, startDate: '2026-11-01' },
      { communityId: A, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-31' },
      { communityId: A, target: { kind: 'dimension', dimension: '保洁' } },
    ];
    for (const body of cases) {
      const res = await create(manager, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    const m = (await create(manager, { communityId: A, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-01' })).json();
    for (const w of ['0', '13', 'three']) expect((await manager.get(`/api/v1/improvement-measures/${m.id}/effect?windowMonths=${w}`)).statusCode).toBe(400);
    const owner = await create(manager, { communityId: A, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-01', ownerId: 999999 });
    expect(owner.statusCode).toBe(422);
    expect(owner.json().code).toBe('invalid_reference');
  });

  it('manager: a community of another company is not found (404)', async () => {
    const other = await makeCompany(t);
    const foreign = await makeCommunity(t, other.companyId);
    const res = await create(manager, { communityId: foreign.id, target: { kind: 'dimension', dimension: '保洁' }, startDate: '2026-11-01' });
    expect(res.statusCode).toBe(404);
  });
});
