/**
 * Paging every list by cursor: each row exactly once while rows are added between pages, a total that says
 * when it is only a lower bound, bad cursors refused with a stable code, and the scope holding whatever cursor
 * a caller sends. Records, tasks, issues, households and the audit log, on SQLite or PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/server/db/paging.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  ALL_BUT_COMPANY_SCOPE,
  loginAs,
  makeCommunity,
  makeCompany,
  makeHousehold,
  makeIssue,
  makeRole,
  makeUser,
  makeVisitTask,
  type Client,
} from '../helpers/factories.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let admin: Client;
let supervisor: Client;
let visitor: Client;
/** An auditor of community A only: audit.read without the company scope. */
let auditorA: Client;
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
  const auditRole = await makeRole(t, company.companyId, '小区审计', ALL_BUT_COMPANY_SCOPE);
  const aud = await makeUser(t, { companyId: company.companyId, roleId: auditRole, communityIds: [communityA] });
  [supervisor, visitor, auditorA] = await Promise.all([loginAs(t.app, sup.username), loginAs(t.app, vis.username), loginAs(t.app, aud.username)]);
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

describe('visit tasks by cursor', () => {
  const made: Record<'A' | 'B', number[]> = { A: [], B: [] };
  const task = async (communityId: number, status: 'pending' | 'completed' | 'cancelled', dueDate: string) => {
    const { id } = await makeVisitTask(t, { companyId: company.companyId, communityId, householdId: householdsOf[communityId][0], assigneeId: visitorId, status, dueDate });
    (communityId === communityA ? made.A : made.B).push(id);
    return id;
  };
  beforeAll(async () => {
    for (let i = 0; i < 12; i++) await task(communityA, i % 3 === 0 ? 'completed' : 'pending', day(10 + (i % 4) * 5));
    for (let i = 0; i < 4; i++) await task(communityB, 'pending', day(12 + i));
  });

  it('a supervisor pages through all tasks by cursor — open ones by due date, then closed ones newest first — each exactly once while tasks are added', async () => {
    const byOffset = (await supervisor.get('/api/v1/visit-tasks?view=all&limit=200')).json() as PageBody<{ id: number; status: string; dueDate: string }>;
    const before = byOffset.items.map((i) => i.id);
    const seen = await pageThrough(supervisor, '/api/v1/visit-tasks?view=all&limit=4', async (n) => {
      await task(communityA, n % 2 ? 'completed' : 'pending', day(9 + n));
    });
    expectEachOnce(seen, before);
    expect(seen.filter((id) => made.B.includes(id))).toEqual([]);
    // Each list keeps its order: unchanged rows come in the order the offset page gives them.
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
    const statuses = byOffset.items.map((i) => i.status === 'pending');
    expect(statuses.indexOf(false)).toBeGreaterThan(statuses.lastIndexOf(true));
  });

  it('a visitor pages through their overdue, upcoming and all tasks by cursor, each exactly once', async () => {
    for (const view of ['overdue', 'upcoming', 'all']) {
      const all = (await visitor.get(`/api/v1/visit-tasks?view=${view}&limit=200`)).json() as PageBody;
      const seen = await pageThrough(visitor, `/api/v1/visit-tasks?view=${view}&limit=3`);
      expect(seen, view).toEqual(all.items.map((i) => i.id));
      expect(all.totalKind).toBe('exact');
      expect(all.total, view).toBe(all.items.length);
    }
  });

  it('a supervisor cannot reach another community\'s tasks with a crafted cursor', async () => {
    for (const start of [encodeCursor('tasks', ['open', '2000-01-01', 0]), encodeCursor('tasks', ['closed', '9999-12-31', Number.MAX_SAFE_INTEGER])]) {
      const seen = await pageThrough(supervisor, '/api/v1/visit-tasks?view=all&limit=5', undefined, start);
      expect(seen.filter((id) => made.B.includes(id))).toEqual([]);
    }
    // The closed part exists only in the "all" view.
    const res = await supervisor.get(`/api/v1/visit-tasks?view=overdue&cursor=${encodeCursor('tasks', ['closed', '2025-11-01', 1])}`);
    expect(res.json()).toMatchObject({ code: 'cursor_invalid' });
  });
});

describe('issues by cursor', () => {
  const inA: number[] = [];
  const inB: number[] = [];
  const issue = async (communityId: number, resolveDueAt: string | null, status: 'assigned' | 'closed' = 'assigned') => {
    const { id } = await makeIssue(t, { companyId: company.companyId, communityId, status, kind: resolveDueAt === null ? 'praise' : 'complaint' });
    // Overdue (past its deadline), several sharing one deadline; praise has none and waits for its reply.
    await t.handle.db
      .updateTable('issues')
      .set({ resolve_due_at: resolveDueAt, reply_due_at: '2025-11-01T15:59:59.999Z', replied_at: null })
      .where('id', '=', id)
      .execute();
    (communityId === communityA ? inA : inB).push(id);
    return id;
  };
  beforeAll(async () => {
    for (let i = 0; i < 14; i++) await issue(communityA, i % 5 === 4 ? null : `2025-11-${String(10 + (i % 3)).padStart(2, '0')}T15:59:59.999Z`);
    for (let i = 0; i < 3; i++) await issue(communityB, '2025-11-11T15:59:59.999Z');
  });

  it('a supervisor pages through 督办 by cursor — earliest deadline first, none last — each exactly once while issues are raised', async () => {
    const byOffset = (await supervisor.get('/api/v1/issues?view=supervision&limit=200')).json() as PageBody<{ id: number; resolveDueAt: string | null }>;
    const before = byOffset.items.map((i) => i.id);
    expect(new Set(before)).toEqual(new Set(inA));
    const deadlines = byOffset.items.map((i) => i.resolveDueAt);
    expect(deadlines.slice(deadlines.indexOf(null)).every((d) => d === null)).toBe(true);
    const seen = await pageThrough(supervisor, '/api/v1/issues?view=supervision&limit=3', async (n) => {
      await issue(communityA, n % 2 ? null : '2025-11-11T15:59:59.999Z');
    });
    expectEachOnce(seen, before);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
    expect(seen.filter((id) => inB.includes(id))).toEqual([]);
  });

  it('a manager pages through every issue newest first and through the overdue filter by cursor, each exactly once', async () => {
    const all = (await admin.get('/api/v1/issues?limit=200')).json() as PageBody;
    const seen = await pageThrough(admin, '/api/v1/issues?limit=4', async () => {
      await issue(communityB, '2025-11-11T15:59:59.999Z');
    });
    expectEachOnce(seen, all.items.map((i) => i.id));
    expect(seen.filter((id) => all.items.some((i) => i.id === id))).toEqual(all.items.map((i) => i.id));
    const overdue = (await admin.get('/api/v1/issues?due=overdue&limit=200')).json() as PageBody;
    expect(await pageThrough(admin, '/api/v1/issues?due=overdue&limit=5')).toEqual(overdue.items.map((i) => i.id));
  });

  it('a supervisor cannot reach another community\'s issues with a crafted cursor', async () => {
    const top = await pageThrough(supervisor, '/api/v1/issues?limit=50', undefined, encodeCursor('issues', [Number.MAX_SAFE_INTEGER]));
    expect(top.filter((id) => inB.includes(id))).toEqual([]);
    const early = await pageThrough(supervisor, '/api/v1/issues?view=supervision&limit=50', undefined, encodeCursor('supervision', ['2000-01-01T00:00:00.000Z', Number.MAX_SAFE_INTEGER]));
    expect(early.filter((id) => inB.includes(id))).toEqual([]);
    // A list's cursor does not open another list: 督办 resumes by deadline, the others by id.
    expect((await supervisor.get(`/api/v1/issues?view=supervision&cursor=${encodeCursor('issues', [5])}`)).json()).toMatchObject({ code: 'cursor_invalid' });
  });

  it('a bounded issue total is labelled atLeast', async () => {
    const bound = t.config.listCountBound;
    t.config.listCountBound = 4;
    try {
      expect((await admin.get('/api/v1/issues?view=supervision&limit=1')).json()).toMatchObject({ total: 4, totalKind: 'atLeast' });
    } finally {
      t.config.listCountBound = bound;
    }
  });
});

describe('households and the audit log by cursor', () => {
  it('a supervisor pages through the households in room order by cursor, each exactly once while rooms are added', async () => {
    const byOffset = (await admin.get(`/api/v1/communities/${communityA}/households?limit=200`)).json() as PageBody;
    const seen = await pageThrough(supervisor, `/api/v1/communities/${communityA}/households?limit=3`, async (n) => {
      await makeHousehold(t, { companyId: company.companyId, communityId: communityA, building: '1', room: `${n + 1}02` });
    });
    expectEachOnce(seen, byOffset.items.map((i) => i.id));
    expect(seen.filter((id) => byOffset.items.some((i) => i.id === id))).toEqual(byOffset.items.map((i) => i.id));
    // Room 101 of building 1 in either community, by search across the company.
    const everyone = await pageThrough(admin, '/api/v1/households?q=101&limit=1');
    expectEachOnce(everyone, [householdsOf[communityA][0], householdsOf[communityB][0]]);
    const mine = await pageThrough(supervisor, '/api/v1/households?q=101&limit=1', undefined, encodeCursor('households', [0, '', 0]));
    expect(mine).toEqual([householdsOf[communityA][0]]);
  });

  it('an auditor pages through the log newest first by cursor, each entry once while entries are written, and only their community\'s', async () => {
    for (let i = 0; i < 5; i++) await admin.post(`/api/v1/communities/${communityA}/households`, { building: '2', room: `${i + 1}01` });
    const ofB: string[] = [];
    for (let i = 0; i < 3; i++) ofB.push(String((await admin.post(`/api/v1/communities/${communityB}/households`, { building: '2', room: `${i + 1}01` })).json().id));
    const all = (await admin.get('/api/v1/audit-log?limit=200')).json() as PageBody;
    const seen = await pageThrough(admin, '/api/v1/audit-log?limit=4', async (n) => {
      await admin.post(`/api/v1/communities/${communityA}/households`, { building: '3', room: `${n + 1}01` });
    });
    expectEachOnce(seen, all.items.map((i) => i.id));
    expect(seen.filter((id) => all.items.some((i) => i.id === id))).toEqual(all.items.map((i) => i.id));
    const entries = ((await admin.get('/api/v1/audit-log?limit=200&entityType=household')).json() as PageBody<{ id: number; entityId: string }>).items;
    const mine = await pageThrough(auditorA, '/api/v1/audit-log?limit=3', undefined, encodeCursor('audit', ['9999-12-31T00:00:00.000Z', Number.MAX_SAFE_INTEGER]));
    expect(mine.length).toBeGreaterThan(0);
    const entriesOfB = entries.filter((e) => ofB.includes(e.entityId)).map((e) => e.id);
    expect(entriesOfB.length).toBe(3);
    expect(mine.filter((id) => entriesOfB.includes(id))).toEqual([]);
  });
});

describe('the company\'s own lists by cursor', () => {
  it('an admin pages through users and communities by cursor, each exactly once, in the order of the offset pages', async () => {
    for (const url of ['/api/v1/users', '/api/v1/communities']) {
      const all = (await admin.get(`${url}?limit=200`)).json() as PageBody;
      expect(all).toMatchObject({ totalKind: 'exact', nextCursor: null });
      expect(await pageThrough(admin, `${url}?limit=1`)).toEqual(all.items.map((i) => i.id));
    }
  });
});

describe('cursors the server did not write', () => {
  const lists = ['/api/v1/visit-records', '/api/v1/visit-tasks', '/api/v1/issues', '/api/v1/households?q=101', '/api/v1/audit-log', '/api/v1/users', '/api/v1/communities'];
  it.each(lists)('%s: a malformed or foreign cursor is refused with 400 cursor_invalid, in Chinese or English', async (url) => {
    const list = { '/api/v1/visit-records': 'records', '/api/v1/visit-tasks': 'tasks', '/api/v1/issues': 'issues', '/api/v1/households?q=101': 'households', '/api/v1/audit-log': 'audit', '/api/v1/users': 'users', '/api/v1/communities': 'communities' }[url]!;
    for (const cursor of ['nonsense', encodeCursor(list === 'records' ? 'tasks' : 'records', ['2025-11-01', 1]), `${encodeCursor(list, [1])}=`, encodeCursor(list, [1.5, 'x', null, 1]), 'W10']) {
      const res = await admin.get(`${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'cursor_invalid' });
    }
    const sep = url.includes('?') ? '&' : '?';
    const en = await admin.get(`${url}${sep}cursor=nonsense`, { 'accept-language': 'en' });
    expect(en.json().title).toBe('Invalid cursor');
    const zh = await admin.get(`${url}${sep}cursor=nonsense`, { 'accept-language': 'zh-CN' });
    expect(zh.json().title).toBe('分页位置无效');
  });

  it.each(lists)('%s: a cursor together with an offset is refused with 400 cursor_with_offset', async (url) => {
    const sep = url.includes('?') ? '&' : '?';
    const first = (await admin.get(`${url}${sep}limit=1`)).json() as PageBody;
    expect(first.nextCursor).not.toBeNull();
    const res = await admin.get(`${url}${sep}limit=1&offset=1&cursor=${first.nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'cursor_with_offset' });
  });
});
