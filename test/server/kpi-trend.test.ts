/**
 * KPI trends and the KPI xlsx export by actor, on a small hand-built data set (October and November 2026 in
 * 翠湖苑), every figure computed by hand in the comments. The server stands at 2 December 2026, Shanghai time.
 * Runs on SQLite and PostgreSQL.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiTrend } from '../../src/shared/schemas/kpis.js';
import type { Answers } from '../../src/shared/schemas/questionnaires.js';
import type { TaskStatus } from '../../src/shared/schemas/visits.js';
import { nowIso } from '../../src/server/clock.js';
import { Client, loginAs, makeCommunity, makeCompany, makeHousehold, makeIssue, makeResident, makeUser, makeVisitTask } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let companyId: number;
let versionId: number;
let A: number;
let B: number;
let manager: Client;
let supervisor: Client;
let visitor1: Client;
let admin: Client;
const hA: number[] = [];

/** A Shanghai wall-clock time as the stored UTC instant. */
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

async function visit(o: { community: number; household: number; assignee: number; due: string; status: TaskStatus; attempts?: number; visitDate?: string; answers?: Answers; score?: number }) {
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
        outcome: 'completed',
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
}

beforeAll(async () => {
  t = await createTestApp({}, { at: '2026-12-02T10:00:00+08:00' });
  const company = await makeCompany(t, '阳光物业');
  companyId = company.companyId;
  versionId = (await t.handle.db.selectFrom('questionnaire_versions').select('id').where('company_id', '=', companyId).executeTakeFirstOrThrow()).id;
  A = (await makeCommunity(t, companyId, '翠湖苑')).id;
  B = (await makeCommunity(t, companyId, '锦绣园')).id;
  const m = await makeUser(t, { companyId, roleId: company.roleIds.manager });
  const s = await makeUser(t, { companyId, roleId: company.roleIds.supervisor, communityIds: [A] });
  const u1 = await makeUser(t, { companyId, roleId: company.roleIds.visitor, communityIds: [A], displayName: '王回访' });
  [manager, supervisor, visitor1] = await Promise.all([m, s, u1].map((u) => loginAs(t.app, u.username)));
  admin = await loginAs(t.app, company.adminUsername);

  // 翠湖苑: 4 households; 锦绣园: 2.
  for (let i = 0; i < 4; i++) hA.push((await makeHousehold(t, { companyId, communityId: A, room: `${101 + i}` })).id);
  for (let i = 0; i < 2; i++) await makeHousehold(t, { companyId, communityId: B, room: `${201 + i}` });

  // November: t1 completed (5 4 4, recommend 10), t2 unreachable, t3 still pending. October: t4 completed (2 3).
  await visit({ community: A, household: hA[0], assignee: u1.id, due: '2026-11-05', status: 'completed', visitDate: '2026-11-05', answers: { cleaning: 5, security: 4, overall: 4, recommend: 10 }, score: 13 / 3 });
  await visit({ community: A, household: hA[2], assignee: u1.id, due: '2026-11-10', status: 'unreachable', attempts: 2 });
  await visit({ community: A, household: hA[3], assignee: u1.id, due: '2026-11-20', status: 'pending' });
  await visit({ community: A, household: hA[1], assignee: u1.id, due: '2026-10-20', status: 'completed', visitDate: '2026-10-20', answers: { cleaning: 2, overall: 3 }, score: 2.5 });
  // One complaint in 翠湖苑, raised in November.
  const { id } = await makeIssue(t, { companyId, communityId: A, householdId: hA[0], kind: 'complaint', status: 'new' });
  await t.handle.db.updateTable('issues').set({ raised_at: at('2026-11-12T09:00:00') }).where('id', '=', id).execute();
});

afterAll(async () => {
  await t?.close();
});

const trend = async (client: Client, query: string) => {
  const res = await client.get(`/api/v1/kpis/trend?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as KpiTrend;
};
const series = (k: KpiTrend, key: string, dimension: string | null = null) => {
  const s = k.series.find((x) => x.key === key && x.dimension === dimension);
  if (!s) throw new Error(`no series ${key} ${dimension ?? ''}`);
  return s;
};
const point = (k: KpiTrend, key: string, month: string, dimension: string | null = null) => series(k, key, dimension).points.find((p) => p.month === month);

describe('KPI trend', () => {
  it('manager: 12 months up to the current month, with November’s and October’s figures equal to the hand computation', async () => {
    const k = await trend(manager, `kpi=coverage,completion,satisfaction_rate,dimension_score,complaints_per_100&communityId=${A}`);
    expect(k.communityId).toBe(A);
    // the server stands in December 2026: January to December, oldest first
    expect(k.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    // catalogue order; one dimension_score series per dimension (安保 before 保洁 in pinyin order)
    expect(k.series.map((s) => [s.key, s.dimension])).toEqual([
      ['coverage', null],
      ['completion', null],
      ['satisfaction_rate', null],
      ['dimension_score', '安保'],
      ['dimension_score', '保洁'],
      ['complaints_per_100', null],
    ]);
    for (const s of k.series) expect(s.points.map((p) => p.month)).toEqual(k.months);
    expect(series(k, 'completion')).toMatchObject({ label: '回访完成率', unit: 'percent', target: 90 });
    expect(series(k, 'dimension_score', '保洁')).toMatchObject({ label: '维度得分 · 保洁', unit: 'score', target: null });

    // November: h0 visited of 4 households; t1–t3 due, t1 completed; answers 5 4 4 all satisfied; 1 complaint ÷ 4 × 100
    expect(point(k, 'coverage', '2026-11')).toEqual({ month: '2026-11', value: 25, numerator: 1, denominator: 4, n: 4, status: 'met' });
    expect(point(k, 'completion', '2026-11')).toEqual({ month: '2026-11', value: 33.3, numerator: 1, denominator: 3, n: 3, status: 'missed' });
    expect(point(k, 'satisfaction_rate', '2026-11')).toEqual({ month: '2026-11', value: 100, numerator: 3, denominator: 3, n: 1, status: 'met' });
    // 保洁 5 → (5 − 1) ÷ 4 × 100; 安保 4 → 75
    expect(point(k, 'dimension_score', '2026-11', '保洁')).toMatchObject({ value: 100, n: 1 });
    expect(point(k, 'dimension_score', '2026-11', '安保')).toMatchObject({ value: 75, n: 1 });
    expect(point(k, 'complaints_per_100', '2026-11')).toMatchObject({ value: 25, numerator: 1, denominator: 4 });

    // October: h1 visited; t4 due and completed; answers 2 3, neither satisfied; 保洁 2 → 25; no 安保 answer
    expect(point(k, 'coverage', '2026-10')).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
    expect(point(k, 'completion', '2026-10')).toEqual({ month: '2026-10', value: 100, numerator: 1, denominator: 1, n: 1, status: 'met' });
    expect(point(k, 'satisfaction_rate', '2026-10')).toMatchObject({ value: 0, numerator: 0, denominator: 2, status: 'missed' });
    expect(point(k, 'dimension_score', '2026-10', '保洁')).toMatchObject({ value: 25, n: 1 });
    expect(point(k, 'dimension_score', '2026-10', '安保')).toEqual({ month: '2026-10', value: null, numerator: null, denominator: null, n: 0, status: null });

    // January: nothing due, nothing visited
    expect(point(k, 'completion', '2026-01')).toEqual({ month: '2026-01', value: null, numerator: 0, denominator: 0, n: 0, status: null });
    expect(point(k, 'coverage', '2026-01')).toMatchObject({ value: 0, numerator: 0, denominator: 4 });
  });

  it('manager: each month of a trend equals GET /kpis for that month', async () => {
    const k = await trend(manager, `kpi=completion,coverage&months=3&to=2026-11&communityId=${A}`);
    expect(k.months).toEqual(['2026-09', '2026-10', '2026-11']);
    for (const month of k.months) {
      const res = await manager.get(`/api/v1/kpis?period=month:${month}&communityId=${A}&kpi=completion,coverage`);
      const figures = (res.json() as { figures: { key: string; value: number | null; numerator: number | null }[] }).figures;
      for (const f of figures) expect(point(k, f.key, month)).toMatchObject({ value: f.value, numerator: f.numerator });
    }
  });

  it('manager: company-wide, the roster of both communities is the denominator', async () => {
    const k = await trend(manager, 'kpi=coverage&months=1&to=2026-11');
    expect(k.communityId).toBeNull();
    expect(series(k, 'coverage').points).toEqual([{ month: '2026-11', value: 16.7, numerator: 1, denominator: 6, n: 6, status: 'near' }]);
  });

  it('supervisor: their own community’s trend; another community is not found', async () => {
    const mine = await trend(supervisor, `kpi=completion&months=2&to=2026-11&communityId=${A}`);
    expect(series(mine, 'completion').points.map((p) => p.value)).toEqual([100, 33.3]);
    const other = await supervisor.get(`/api/v1/kpis/trend?kpi=completion&communityId=${B}`);
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json()).toMatchObject({ code: 'not_found' });
  });

  it('visitor: their own figures only; the company’s KPIs are refused', async () => {
    const k = await trend(visitor1, 'kpi=completion&months=1&to=2026-11');
    expect(series(k, 'completion').points[0]).toMatchObject({ numerator: 1, denominator: 3 });
    expect((await visitor1.get('/api/v1/kpis/trend?kpi=coverage')).statusCode).toBe(403);
  });

  it.each([
    ['kpi=completion&months=0', 'months'],
    ['kpi=completion&months=25', 'months'],
    ['kpi=completion&months=twelve', 'months'],
    ['kpi=completion&to=2026-13', 'to'],
    ['kpi=completion&to=2026-1', 'to'],
    ['kpi=completion,happiness', 'kpi'],
    ['months=12', 'kpi'],
  ])('manager: %s is refused naming %s', async (query, path) => {
    const res = await manager.get(`/api/v1/kpis/trend?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json() as { code: string; errors: { path: string; message: string }[] };
    expect(body.code).toBe('validation_failed');
    expect(body.errors[0].path).toBe(path);
  });

  it('manager: a malformed month is explained in words', async () => {
    const res = await manager.get('/api/v1/kpis/trend?kpi=completion&to=2026-13');
    expect((res.json() as { errors: { message: string }[] }).errors[0].message).toBe('月份格式不正确，应为 2026-11');
  });
});

async function workbook(res: { rawPayload: Buffer }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** The sheet's rows after the header row whose first cell is `firstHeader`, as arrays of cell values (1-based). */
function table(sheet: ExcelJS.Worksheet, firstHeader: string) {
  const values = Array.from(sheet.getSheetValues(), (r) => (Array.isArray(r) ? r : []));
  const header = values.findIndex((r) => r[1] === firstHeader);
  return { columns: values[header], rows: values.slice(header + 1).filter((r) => r.length > 0) };
}

const fileName = (res: { headers: Record<string, unknown> }) => decodeURIComponent(String(res.headers['content-disposition']).split("filename*=UTF-8''")[1]);

describe('KPI export', () => {
  it('manager: the figures of 翠湖苑’s November as xlsx, one row per figure (audited)', async () => {
    const res = await manager.get(`/api/v1/kpis/export?period=month:2026-11&communityId=${A}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="kpis_2026-11.xlsx"; filename\*=UTF-8''/);
    expect(fileName(res)).toBe('指标_2026-11.xlsx');

    const wb = await workbook(res);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('指标');
    expect(sheet.getRow(1).getCell(1).value).toBe('阳光物业 指标报表（2026-11）');
    const { columns, rows } = table(sheet, '指标');
    expect(columns.slice(1)).toEqual(['指标', '数值', '分子', '分母', 'n', '目标', '状态', '口径']);
    const kpis = (await manager.get(`/api/v1/kpis?period=month:2026-11&communityId=${A}`)).json() as { figures: unknown[] };
    expect(rows).toHaveLength(kpis.figures.length);
    const row = (label: string) => rows.find((r) => r[1] === label)?.slice(1);
    expect(row('回访覆盖率')).toEqual(['回访覆盖率', 25, 1, 4, 4, 20, '达标', '统计期内有完成回访记录的住户数（去重）÷ 住户总数（当前房屋档案）']);
    expect(row('回访完成率')?.slice(0, 7)).toEqual(['回访完成率', 33.3, 1, 3, 3, 90, '未达标']);
    // no suggestion raised: no value, no status
    expect(row('意见采纳率')?.slice(0, 7)).toEqual(['意见采纳率', undefined, 0, 0, 0, 70, undefined]);
    expect(row('维度得分 · 保洁')?.slice(0, 2)).toEqual(['维度得分 · 保洁', 100]);
    expect(wb.worksheets).toHaveLength(1);

    const audit = await t.handle.db.selectFrom('audit_log').select(['after', 'community_id']).where('action', '=', 'kpi.export').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.community_id).toBe(A);
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ period: 'month:2026-11', communityId: A, groupBy: null });
  });

  it('manager: with groupBy, a second sheet has one row per group and figure; English labels follow Accept-Language', async () => {
    const res = await manager.get('/api/v1/kpis/export?period=month:2026-11&groupBy=community', { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(200);
    expect(fileName(res)).toBe('kpis_2026-11.xlsx');
    const wb = await workbook(res);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['KPIs', 'By group']);
    const first = table(wb.worksheets[0], 'KPI');
    expect(first.rows.find((r) => r[1] === 'Coverage')?.slice(1, 8)).toEqual(['Coverage', 16.7, 1, 6, 6, 20, 'Near']);
    const groups = table(wb.worksheets[1], 'Group');
    expect(groups.columns.slice(1, 3)).toEqual(['Group', 'KPI']);
    const kpis = (await manager.get('/api/v1/kpis?period=month:2026-11&groupBy=community')).json() as { groups: { figures: unknown[] }[] };
    expect(groups.rows).toHaveLength(kpis.groups.reduce((n, g) => n + g.figures.length, 0));
    expect(groups.rows.find((r) => r[1] === '翠湖苑' && r[2] === 'Visit completion')?.slice(3, 5)).toEqual([33.3, 1]);
  });

  it('supervisor: another community’s export is not found', async () => {
    const res = await supervisor.get(`/api/v1/kpis/export?period=month:2026-11&communityId=${B}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('erasure of a resident', () => {
  it('admin: erasing the resident who answered November’s visit and raised its complaint moves no month’s figures', async () => {
    const { id: residentId } = await makeResident(t, { companyId, communityId: A, householdId: hA[0], name: '陈三', phones: ['13800138000'] });
    await t.handle.db.updateTable('visit_records').set({ resident_id: residentId }).where('household_id', '=', hA[0]).execute();
    await t.handle.db.updateTable('issues').set({ resident_id: residentId }).where('household_id', '=', hA[0]).execute();
    const kpis = 'kpi=coverage,coverage_12m,completion,resolution,satisfaction_rate,dimension_score,nps,complaints_per_100';
    const figures = async () => ({
      community: await trend(manager, `${kpis}&communityId=${A}`),
      company: await trend(manager, kpis),
      november: (await manager.get('/api/v1/kpis?period=month:2026-11&compare=true')).json(),
    });
    const before = await figures();
    expect(point(before.community, 'coverage', '2026-11')).toMatchObject({ numerator: 1, denominator: 4 });
    expect(point(before.community, 'complaints_per_100', '2026-11')).toMatchObject({ numerator: 1 });

    const erased = await admin.post(`/api/v1/residents/${residentId}/erase`, { reason: '业主书面申请删除' });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await figures()).toEqual(before);
  });
});
