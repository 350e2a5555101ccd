/**
 * Key drivers (GET /kpis/drivers) by actor, on a hand-built November 2026 whose correlations are computed by
 * hand below. The server stands at 2 December 2026, Shanghai time. Runs on SQLite and PostgreSQL.
 *
 * 翠湖苑 answers the built-in questionnaire (which has the overall question, key `overall`): five visits, each
 * repeated six times (a correlation does not change when every visit is repeated), so each dimension has n = 30:
 *
 *   overall   1 2 3 4 5      deviations −2 −1 0 1 2 (Σ = 10)
 *   保洁      1 2 3 4 5      r = 1                              score (3 − 1) ÷ 4 × 100 = 50 (before the extra visit)
 *   安保      3 3 4 5 5      deviations −1 −1 0 1 1: Σxy = 6, Σx² = 4, r = 6 ÷ √40 = 0.949, score 75
 *   维修      4 5 4 5 4      deviations −.4 .6 −.4 .6 −.4: Σxy = 0, r = 0, score (4.4 − 1) ÷ 4 × 100 = 85
 *   收费      2 1 2 1 2      Σxy = 0, r = 0, score (1.6 − 1) ÷ 4 × 100 = 15
 *   绿化      2 4 3 5 1      in one copy only (n = 5 < 30: insufficient), "n/a" in the others; score 50
 *
 * plus one visit rating 保洁 5 without the overall question: it counts in 保洁's score (95 ÷ 31 = 3.0645 →
 * 51.6, rated by 31) but not in its n. Means over the four with an importance: importance (1 + 0.949) ÷ 4 =
 * 0.487, performance (51.61 + 75 + 85 + 15) ÷ 4 = 56.7; so 保洁 is improve, 安保 keep, 维修 maintain, 收费
 * secondary; shares of r²: 1 ÷ 1.9 = 52.6 %, 0.9 ÷ 1.9 = 47.4 %, 0, 0.
 *
 * 锦绣园 answers a version without an overall question (保洁 qa, 安保 qb): the overall measure is each visit's
 * mean rating. qa 1 2 3 4 5 and qb always 3, so the mean is 2 2.5 3 3.5 4: r(保洁) = 1, 安保 does not vary
 * (no importance, though n = 30).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiDriver, KpiDrivers } from '../../src/shared/schemas/kpis.js';
import { nowIso } from '../../src/server/clock.js';
import { Client, loginAs, makeCommunity, makeCompany, makeHousehold, makeUser, makeVisitRecord } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let companyId: number;
let A: number;
let B: number;
let manager: Client;
let supervisor: Client;
let visitor: Client;
let visitorId: number;

type Answers = Record<string, number | string>;

async function visit(community: number, household: number, date: string, versionId: number, answers: Answers) {
  const scores = Object.values(answers).filter((v): v is number => typeof v === 'number');
  const averageScore = scores.reduce((a, b) => a + b, 0) / scores.length;
  await makeVisitRecord(t, { companyId, communityId: community, householdId: household, visitorId, visitDate: date, questionnaireVersionId: versionId, answers, averageScore });
}

const byName = (body: KpiDrivers) => Object.fromEntries(body.dimensions.map((d) => [d.dimension, d])) as Record<string, KpiDriver>;

beforeAll(async () => {
  t = await createTestApp({}, { at: '2026-12-02T10:00:00+08:00' });
  const company = await makeCompany(t, '阳光物业');
  companyId = company.companyId;
  A = (await makeCommunity(t, companyId, '翠湖苑')).id;
  B = (await makeCommunity(t, companyId, '锦绣园')).id;
  const m = await makeUser(t, { companyId, roleId: company.roleIds.manager });
  const s = await makeUser(t, { companyId, roleId: company.roleIds.supervisor, communityIds: [A] });
  const v = await makeUser(t, { companyId, roleId: company.roleIds.visitor, communityIds: [A, B] });
  visitorId = v.id;
  [manager, supervisor, visitor] = await Promise.all([m, s, v].map((u) => loginAs(t.app, u.username)));

  const builtin = await t.handle.db
    .selectFrom('questionnaire_versions')
    .innerJoin('questionnaires', 'questionnaires.id', 'questionnaire_versions.questionnaire_id')
    .select('questionnaire_versions.id')
    .where('questionnaires.company_id', '=', companyId)
    .where('questionnaires.builtin', '=', 1)
    .executeTakeFirstOrThrow();
  const now = nowIso();
  const own = await t.handle.db
    .insertInto('questionnaires')
    .values({ company_id: companyId, name: '简版问卷', description: '', scope: 'company', community_id: null, property_type: null, status: 'active', builtin: 0, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const questions = [
    { key: 'qa', type: 'rating', title: '保洁', required: true, dimension: '保洁' },
    { key: 'qb', type: 'rating', title: '安保', required: true, dimension: '安保' },
  ];
  const short = await t.handle.db
    .insertInto('questionnaire_versions')
    .values({ questionnaire_id: own.id, company_id: companyId, version: 1, questions: JSON.stringify(questions), published_at: now, published_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();

  const hA = (await makeHousehold(t, { companyId, communityId: A, room: '101' })).id;
  const hB = (await makeHousehold(t, { companyId, communityId: B, room: '201' })).id;
  const base = [
    { cleaning: 1, security: 3, repairs: 4, fees: 2, overall: 1 },
    { cleaning: 2, security: 3, repairs: 5, fees: 1, overall: 2 },
    { cleaning: 3, security: 4, repairs: 4, fees: 2, overall: 3 },
    { cleaning: 4, security: 5, repairs: 5, fees: 1, overall: 4 },
    { cleaning: 5, security: 5, repairs: 4, fees: 2, overall: 5 },
  ];
  const greening = [2, 4, 3, 5, 1];
  for (let copy = 0; copy < 6; copy++) {
    for (const [i, row] of base.entries()) {
      await visit(A, hA, `2026-11-${String(3 + i).padStart(2, '0')}`, builtin.id, { ...row, greening: copy === 0 ? greening[i] : 'n/a' });
      await visit(B, hB, `2026-11-${String(10 + i).padStart(2, '0')}`, short.id, { qa: i + 1, qb: 3 });
    }
  }
  await visit(A, hA, '2026-11-20', builtin.id, { cleaning: 5 });
  // A year before: outside the default twelve months, and it would spoil 保洁's correlation.
  await visit(A, hA, '2025-11-20', builtin.id, { cleaning: 1, overall: 5 });
});

afterAll(async () => {
  await t?.close();
});

describe('GET /kpis/drivers', () => {
  it('manager: in one community, each dimension’s importance, share, score and quadrant are the hand-computed ones', async () => {
    const res = await manager.get(`/api/v1/kpis/drivers?period=month:2026-11&communityId=${A}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<KpiDrivers>();
    expect(body).toMatchObject({ communityId: A, minSample: 30, n: 30, overall: { item: 30, averageScore: 0 }, importanceMean: 0.487, performanceMean: 56.7 });
    const d = byName(body);
    expect(d['保洁']).toEqual({ dimension: '保洁', performance: 51.6, ratedBy: 31, n: 30, importance: 1, share: 52.6, insufficient: false, quadrant: 'improve' });
    expect(d['安保']).toEqual({ dimension: '安保', performance: 75, ratedBy: 30, n: 30, importance: Math.round((6 / Math.sqrt(40)) * 1000) / 1000, share: 47.4, insufficient: false, quadrant: 'keep' });
    expect(d['维修']).toEqual({ dimension: '维修', performance: 85, ratedBy: 30, n: 30, importance: 0, share: 0, insufficient: false, quadrant: 'maintain' });
    expect(d['收费']).toEqual({ dimension: '收费', performance: 15, ratedBy: 30, n: 30, importance: 0, share: 0, insufficient: false, quadrant: 'secondary' });
    expect(d['绿化']).toEqual({ dimension: '绿化', performance: 50, ratedBy: 5, n: 5, importance: null, share: null, insufficient: true, quadrant: null });
    // The built-in questionnaire's other dimensions were not answered: they have no score and no n.
    expect(d['客服']).toMatchObject({ performance: null, ratedBy: 0, n: 0, importance: null, insufficient: true });
    // Highest importance first, those without one last.
    expect(body.dimensions.slice(0, 2).map((x) => x.dimension)).toEqual(['保洁', '安保']);
    expect(body.dimensions.at(-1)?.importance).toBeNull();
    expect(body.formula).toContain('皮尔逊');
  });

  it('manager: the performance is the dashboard’s dimension score of the same period and community', async () => {
    const kpis = (await manager.get(`/api/v1/kpis?period=month:2026-11&communityId=${A}&kpi=dimension_score`)).json<{ figures: { dimension: string; value: number; n: number }[] }>();
    const d = byName((await manager.get(`/api/v1/kpis/drivers?period=month:2026-11&communityId=${A}`)).json<KpiDrivers>());
    for (const f of kpis.figures) expect([f.dimension, d[f.dimension]?.performance, d[f.dimension]?.ratedBy]).toEqual([f.dimension, f.value, f.n]);
  });

  it('manager: a questionnaire without an overall question is measured against each visit’s mean rating; a dimension that does not vary has no importance', async () => {
    const body = (await manager.get(`/api/v1/kpis/drivers?period=month:2026-11&communityId=${B}`)).json<KpiDrivers>();
    expect(body).toMatchObject({ n: 30, overall: { item: 0, averageScore: 30 } });
    const d = byName(body);
    expect(d['保洁']).toMatchObject({ importance: 1, share: 100, n: 30, performance: 50, quadrant: 'keep' });
    expect(d['安保']).toMatchObject({ importance: null, share: null, n: 30, performance: 50, insufficient: false, quadrant: null });
  });

  it('manager: company-wide counts both communities; the default period is the twelve months to this month', async () => {
    const body = (await manager.get('/api/v1/kpis/drivers')).json<KpiDrivers>();
    expect(body.period).toMatchObject({ kind: 'custom', from: '2026-01-01', to: '2026-12-31' });
    expect(body).toMatchObject({ communityId: null, n: 60, overall: { item: 30, averageScore: 30 } });
    expect(byName(body)['保洁']).toMatchObject({ n: 60, ratedBy: 61 });
    const empty = (await manager.get('/api/v1/kpis/drivers?period=month:2026-10')).json<KpiDrivers>();
    expect(empty).toMatchObject({ n: 0, dimensions: [], importanceMean: null, performanceMean: null });
  });

  it('supervisor: sees only their community’s; another community is 404', async () => {
    const body = (await supervisor.get('/api/v1/kpis/drivers?period=month:2026-11')).json<KpiDrivers>();
    expect(body).toMatchObject({ n: 30, overall: { item: 30, averageScore: 0 } });
    expect(byName(body)['保洁']).toMatchObject({ importance: 1, quadrant: 'improve' });
    const other = await supervisor.get(`/api/v1/kpis/drivers?period=month:2026-11&communityId=${B}`);
    expect(other.statusCode).toBe(404);
  });

  it('visitor: is refused, as the drivers are about everyone’s visits', async () => {
    const res = await visitor.get('/api/v1/kpis/drivers?period=month:2026-11');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
  });

  it('manager: a malformed period is 400 naming the field, in the reader’s language', async () => {
    const bad = await manager.get('/api/v1/kpis/drivers?period=quarter:2026-Q5');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json())).toContain('period');
    const en = await manager.request('GET', '/api/v1/kpis/drivers?period=custom:2020-01-01..2026-01-01', undefined, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(JSON.stringify(en.json())).toContain('at most 5 years');
  });
});
