/**
 * What needs attention (GET /kpis/attention) by actor, on a hand-built November 2026: issues by category and by
 * department with how many are still open and overdue, and the low-satisfaction visits to visit back. The server
 * stands at 2 December 2026, Shanghai time. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiAttention } from '../../src/shared/schemas/kpis.js';
import { nowIso } from '../../src/server/clock.js';
import { Client, loginAs, makeCommunity, makeCompany, makeHousehold, makeIssue, makeIssueCategory, makeUser, makeVisitRecord } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let companyId: number;
let A: number;
let B: number;
let manager: Client;
let supervisor: Client;
let visitor: Client;
let visitorId: number;
let security: number;
let lowRecord: number;

const at = (local: string) => new Date(`${local}+08:00`).toISOString();

async function issue(o: { community: number; category: number; department: number | null; status: 'new' | 'assigned' | 'resolved' | 'closed' | 'withdrawn'; raised: string; due: string; kind?: 'problem' | 'complaint' | 'suggestion' }) {
  const { id } = await makeIssue(t, { companyId, communityId: o.community, categoryId: o.category, departmentId: o.department, status: o.status, kind: o.kind ?? 'problem' });
  await t.handle.db.updateTable('issues').set({ raised_at: at(o.raised), resolve_due_at: at(o.due) }).where('id', '=', id).execute();
}

async function visit(community: number, household: number, date: string, score: number | null) {
  return (await makeVisitRecord(t, { companyId, communityId: community, householdId: household, visitorId, visitDate: date, averageScore: score })).id;
}

beforeAll(async () => {
  t = await createTestApp({}, { at: '2026-12-02T10:00:00+08:00' });
  const company = await makeCompany(t, '阳光物业');
  companyId = company.companyId;
  A = (await makeCommunity(t, companyId, '翠湖苑')).id;
  B = (await makeCommunity(t, companyId, '锦绣园')).id;
  security = (await t.handle.db.insertInto('departments').values({ company_id: companyId, name: '安保部', code: 'KPI-SEC', created_at: nowIso() }).returning('id').executeTakeFirstOrThrow()).id;
  const noise = (await makeIssueCategory(t, { companyId, name: '夜间噪音', departmentId: security })).id;
  const leak = (await makeIssueCategory(t, { companyId, name: '管道漏水' })).id;
  const m = await makeUser(t, { companyId, roleId: company.roleIds.manager });
  const s = await makeUser(t, { companyId, roleId: company.roleIds.supervisor, communityIds: [A] });
  const v = await makeUser(t, { companyId, roleId: company.roleIds.visitor, communityIds: [A], displayName: '王回访' });
  visitorId = v.id;
  [manager, supervisor, visitor] = await Promise.all([m, s, v].map((u) => loginAs(t.app, u.username)));

  // November in 翠湖苑: three 噪音 problems with 安保部 (one open and overdue since 11-20, one open and due in
  // December, one resolved), one 漏水 with no department (open, overdue), one withdrawn (left out), one
  // suggestion (left out: not a problem). In 锦绣园: one 噪音 (open, overdue). October: one 漏水 (left out).
  await issue({ community: A, category: noise, department: security, status: 'assigned', raised: '2026-11-10T09:00:00', due: '2026-11-20T18:00:00' });
  await issue({ community: A, category: noise, department: security, status: 'new', raised: '2026-11-28T09:00:00', due: '2026-12-05T18:00:00' });
  await issue({ community: A, category: noise, department: security, status: 'resolved', raised: '2026-11-03T09:00:00', due: '2026-11-10T18:00:00' });
  await issue({ community: A, category: leak, department: null, status: 'new', raised: '2026-11-15T09:00:00', due: '2026-11-25T18:00:00' });
  await issue({ community: A, category: leak, department: null, status: 'withdrawn', raised: '2026-11-16T09:00:00', due: '2026-11-25T18:00:00' });
  await issue({ community: A, category: leak, department: null, status: 'new', raised: '2026-11-17T09:00:00', due: '2026-11-25T18:00:00', kind: 'suggestion' });
  await issue({ community: B, category: noise, department: security, status: 'assigned', raised: '2026-11-12T09:00:00', due: '2026-11-19T18:00:00' });
  await issue({ community: A, category: leak, department: null, status: 'new', raised: '2026-10-20T09:00:00', due: '2026-10-25T18:00:00' });

  // Visits: in 翠湖苑 2.0 (low) and 4.5 on 11-05, 2.8 (low) on 11-20, and one without a rating; in 锦绣园 1.5
  // (low); in October 1.0 (outside the month).
  const h = [];
  for (let i = 0; i < 5; i++) h.push((await makeHousehold(t, { companyId, communityId: i < 4 ? A : B, room: `${101 + i}` })).id);
  lowRecord = await visit(A, h[0], '2026-11-05', 2);
  await visit(A, h[1], '2026-11-05', 4.5);
  await visit(A, h[2], '2026-11-20', 2.8);
  await visit(A, h[3], '2026-11-21', null);
  await visit(B, h[4], '2026-11-08', 1.5);
  await visit(A, h[0], '2026-10-08', 1);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /kpis/attention', () => {
  it('manager: sees November’s problems by category and department with what is open and overdue, and the low-satisfaction visits lowest first', async () => {
    const res = await manager.get('/api/v1/kpis/attention?period=month:2026-11');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<KpiAttention>();
    expect(body.byCategory.map((c) => [c.name, c.raised, c.open, c.overdue])).toEqual([
      ['夜间噪音', 4, 3, 2],
      ['管道漏水', 1, 1, 1],
    ]);
    expect(body.byDepartment.map((d) => [d.name, d.raised, d.open, d.overdue])).toEqual([
      ['安保部', 4, 3, 2],
      ['未分派部门', 1, 1, 1],
    ]);
    expect(body.lowSatisfaction.map((v) => [v.communityName, v.visitDate, v.averageScore])).toEqual([
      ['锦绣园', '2026-11-08', 1.5],
      ['翠湖苑', '2026-11-05', 2],
      ['翠湖苑', '2026-11-20', 2.8],
    ]);
    expect(body.lowSatisfactionTotal).toBe(3);
    expect(body.lowSatisfaction[1]).toMatchObject({ recordId: lowRecord, visitorName: '王回访', householdLabel: expect.stringContaining('101') });
  });

  it('supervisor: sees only their community’s; another community is 404', async () => {
    const body = (await supervisor.get('/api/v1/kpis/attention?period=month:2026-11')).json<KpiAttention>();
    expect(body.byCategory.map((c) => [c.name, c.raised, c.open, c.overdue])).toEqual([
      ['夜间噪音', 3, 2, 1],
      ['管道漏水', 1, 1, 1],
    ]);
    expect(body.lowSatisfaction.map((v) => v.averageScore)).toEqual([2, 2.8]);
    const other = await supervisor.get(`/api/v1/kpis/attention?period=month:2026-11&communityId=${B}`);
    expect(other.statusCode).toBe(404);
  });

  it('manager: one community narrows every part; a month without data is empty, not an error', async () => {
    const body = (await manager.get(`/api/v1/kpis/attention?period=month:2026-11&communityId=${B}`)).json<KpiAttention>();
    expect(body.byDepartment.map((d) => [d.name, d.raised])).toEqual([['安保部', 1]]);
    expect(body.lowSatisfaction.map((v) => v.averageScore)).toEqual([1.5]);
    const empty = (await manager.get('/api/v1/kpis/attention?period=month:2026-06')).json<KpiAttention>();
    expect(empty).toMatchObject({ byCategory: [], byDepartment: [], lowSatisfaction: [], lowSatisfactionTotal: 0 });
  });

  it('visitor: is refused, as the attention list is about everyone’s work', async () => {
    const res = await visitor.get('/api/v1/kpis/attention?period=month:2026-11');
    expect(res.statusCode).toBe(403);
  });

  it('manager: a malformed period is 400 naming the field; a period over five years is refused with a message', async () => {
    const bad = await manager.get('/api/v1/kpis/attention?period=month:2026-13');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('period');
    const long = await manager.get('/api/v1/kpis/attention?period=custom:2020-01-01..2026-01-01');
    expect(long.statusCode).toBe(400);
    expect(long.headers['content-type']).toContain('application/problem+json');
  });
});
