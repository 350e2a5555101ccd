/**
 * Paging every list by cursor: each row exactly once while rows are added between pages, a total that says
 * when it is only a lower bound, bad cursors refused with a stable code, and the scope holding whatever cursor
 * a caller sends. Records, tasks, issues, households and the audit log, on SQLite or PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/server/db/paging.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  loginAs,
  makeCommunity,
  makeCompany,
  makeHousehold,
  makeUser,
  makeVisitTask,
  type Client,
} from '../helpers/factories.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let admin: Client;
let supervisor: Client;
let visitorId: number;
let communityA: number;
let communityB: number;
const householdsOf: Record<number, number[]> = {};

const AT = '2025-11-19T15:00:00+08:00';
const day = (n: number) => `2025-11-${String(n).padStart(2, '0')}`;

beforeAll(async () => {
  t = await createTestApp({}, { at: AT });
  company = await makeCompany(t);
  admin = await loginAs(t.app, company.adminUsername);
  communityA = (await makeCommunity(t, company.companyId, '甲小区')).id;
  communityB = (await makeCommunity(t, company.companyId, '乙小区')).id;
  const sup = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [communityA] });
  const vis = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [communityA, communityB] });
  visitorId = vis.id;
  supervisor = await loginAs(t.app, sup.username);
  for (const c of [communityA, communityB]) {
    householdsOf[c] = [];
    for (let i = 0; i < 4; i++) householdsOf[c].push((await makeHousehold(t, { companyId: company.companyId, communityId: c, building: '1', room: `${i + 1}01` })).id);
  }
});
afterAll(() => t.close());

interface PageBody<T = { id: number }> {
  items: T[];
  total: number;
  totalKind: 'exact' | 'atLeast';
  nextCursor: string | null;
}

/** Follows nextCursor from the first page to the last, calling `between` after each page. */
async function pageThrough(client: Client, url: string, between: (page: number) => Promise<void> = async () => {}, start: string | null = null): Promise<number[]> {
  const seen: number[] = [];
  let cursor: string | null = start;
  for (let n = 0; n < 100; n++) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await client.get(cursor ? `${url}${sep}cursor=${cursor}` : url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as PageBody;
    seen.push(...body.items.map((i) => i.id));
    if (body.nextCursor === null) return seen;
    cursor = body.nextCursor;
    await between(n);
  }
  throw new Error('more than 100 pages');
}

function expectEachOnce(seen: number[], expected: number[]) {
  expect(new Set(seen).size).toBe(seen.length);
  for (const id of expected) expect(seen).toContain(id);
}

let taskSeq = 0;
/** A visit record of a closed task, written as the database holds it. */
async function makeRecord(communityId: number, visitDate: string) {
  const householdId = householdsOf[communityId][taskSeq++ % 4];
  const task = await makeVisitTask(t, { companyId: company.companyId, communityId, householdId, assigneeId: visitorId, status: 'completed', dueDate: visitDate });
  const at = `${visitDate}T02:00:00.000Z`;
  const { id } = await t.handle.db
    .insertInto('visit_records')
    .values({
      company_id: company.companyId,
      community_id: communityId,
      task_id: task.id,
      household_id: householdId,
      resident_id: null,
      visitor_id: visitorId,
      method: 'phone',
      reason: 'periodic',
      outcome: 'completed',
      started_at: at,
      ended_at: at,
      visit_date: visitDate,
      backdated: 0,
      spoken_to: '',
      questionnaire_version_id: null,
      answers: '{}',
      average_score: 4,
      opinions: '',
      suggestions: '',
      improvement_measures: '',
      item_count: 0,
      idempotency_key: null,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

describe('visit records by cursor', () => {
  let inA: number[] = [];
  const inB: number[] = [];
  beforeAll(async () => {
    // Several records a day, so that a page often ends inside a day.
    for (let i = 0; i < 24; i++) inA.push(await makeRecord(communityA, day(1 + (i % 6))));
    for (let i = 0; i < 6; i++) inB.push(await makeRecord(communityB, day(1 + i)));
  });

  it('a manager pages through every record of the company by cursor and sees each exactly once, newest first, while records are added', async () => {
    const before = [...inA, ...inB];
    const added: number[] = [];
    const seen = await pageThrough(admin, `/api/v1/visit-records?limit=7&communityId=${communityA}`, async () => {
      added.push(await makeRecord(communityA, day(3)), await makeRecord(communityA, day(18)));
    });
    expectEachOnce(seen, inA);
    expect(seen.filter((id) => inB.includes(id))).toEqual([]);
    const all = await pageThrough(admin, '/api/v1/visit-records?limit=9');
    expectEachOnce(all, [...before, ...added]);
    // The order of the first page by offset holds across the cursor pages.
    const res = (await admin.get('/api/v1/visit-records?limit=200')).json() as PageBody<{ id: number; visitDate: string }>;
    expect(res.items.map((r) => r.id)).toEqual(all);
    const keys = res.items.map((r) => [r.visitDate, r.id] as const);
    expect([...keys].sort((a, b) => (a[0] === b[0] ? b[1] - a[1] : b[0].localeCompare(a[0])))).toEqual(keys);
    expect(res.nextCursor).toBeNull();
    inA = [...inA, ...added];
  });

  it('a supervisor of one community pages only through its records, even with a cursor crafted to start anywhere', async () => {
    const seen = await pageThrough(supervisor, '/api/v1/visit-records?limit=5');
    expectEachOnce(seen, inA);
    expect(seen.filter((id) => inB.includes(id))).toEqual([]);
    const crafted = encodeCursor('records', ['9999-12-31', Number.MAX_SAFE_INTEGER]);
    const fromTop = await pageThrough(supervisor, '/api/v1/visit-records?limit=4', undefined, crafted);
    expect(fromTop.filter((id) => inB.includes(id))).toEqual([]);
    expect(new Set(fromTop)).toEqual(new Set(inA));
    const other = await supervisor.get(`/api/v1/visit-records?communityId=${communityB}&cursor=${crafted}`);
    expect(other.json()).toMatchObject({ items: [], nextCursor: null });
  });

  it('a total beyond the count bound is labelled atLeast; below it, exact', async () => {
    const bound = t.config.listCountBound;
    t.config.listCountBound = 5;
    try {
      expect((await admin.get('/api/v1/visit-records?limit=2')).json()).toMatchObject({ total: 5, totalKind: 'atLeast' });
      expect((await admin.get(`/api/v1/visit-records?limit=2&communityId=${communityB}&from=${day(4)}`)).json()).toMatchObject({ total: 3, totalKind: 'exact' });
    } finally {
      t.config.listCountBound = bound;
    }
    expect((await admin.get(`/api/v1/visit-records?limit=2&communityId=${communityB}`)).json()).toMatchObject({ total: 6, totalKind: 'exact' });
  });
});

describe('cursors the server did not write', () => {
  const lists = ['/api/v1/visit-records'];
  it.each(lists)('%s: a malformed or foreign cursor is refused with 400 cursor_invalid, in Chinese or English', async (url) => {
    for (const cursor of ['nonsense', encodeCursor('elsewhere', ['2025-11-01', 1]), `${encodeCursor('records', ['2025-11-01', 1])}=`, encodeCursor('records', [1, 1])]) {
      const res = await admin.get(`${url}?cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'cursor_invalid' });
    }
    const en = await admin.get(`${url}?cursor=nonsense`, { 'accept-language': 'en' });
    expect(en.json().title).toBe('Invalid cursor');
    const zh = await admin.get(`${url}?cursor=nonsense`, { 'accept-language': 'zh-CN' });
    expect(zh.json().title).toBe('分页位置无效');
  });

  it.each(lists)('%s: a cursor together with an offset is refused with 400 cursor_with_offset', async (url) => {
    const first = (await admin.get(`${url}?limit=1`)).json() as PageBody;
    expect(first.nextCursor).not.toBeNull();
    const res = await admin.get(`${url}?limit=1&offset=1&cursor=${first.nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'cursor_with_offset' });
  });
});
