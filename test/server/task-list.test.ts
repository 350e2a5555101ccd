/**
 * The order of the "all tasks" lists: a supervisor's 回访任务 and a visitor's 全部 open on what is left to do,
 * earliest due first, and show finished or cancelled tasks after them, the most recent first. The server's
 * clock stands at a Wednesday afternoon, 3 June 2026.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { answersFor, loginAs, makeCommunity, makeCompany, makeUser, type Client } from '../helpers/factories.js';
import { addDays } from '../../src/shared/shanghai.js';

let t: TestApp;
let communityId: number;
let supervisor: Client;
let visitor: Client;
let visitorId: number;
const today = '2026-06-03';
/** due date → task id */
const tasks = new Map<string, number>();

beforeAll(async () => {
  t = await createTestApp({}, { at: `${today}T15:00:00+08:00` });
  const company = await makeCompany(t);
  communityId = (await makeCommunity(t, company.companyId, '阳光花园')).id;
  const sup = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [communityId] });
  const vis = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [communityId] });
  visitorId = vis.id;
  [supervisor, visitor] = await Promise.all([loginAs(t.app, sup.username), loginAs(t.app, vis.username)]);
  // Created in an order that is neither the due order nor its reverse.
  const plan: [number, 'open' | 'cancel' | 'complete'][] = [
    [-90, 'cancel'],
    [10, 'open'],
    [-30, 'complete'],
    [-2, 'open'],
    [-60, 'cancel'],
    [1, 'open'],
    [0, 'open'],
  ];
  for (const [i, [offset, fate]] of plan.entries()) {
    const h = (await supervisor.post(`/api/v1/communities/${communityId}/households`, { building: '1', unit: '1', room: `${i + 1}01` })).json();
    const dueDate = addDays(today, offset);
    const task = (await supervisor.post('/api/v1/visit-tasks', { householdId: h.id, assigneeId: visitorId, reason: 'periodic', method: 'phone', dueDate })).json();
    tasks.set(dueDate, task.id);
    if (fate === 'cancel') await supervisor.post(`/api/v1/visit-tasks/${task.id}/cancel`, { reason: '住户已搬走' });
    if (fate === 'complete') {
      const started = new Date(t.clock.now() - 600_000).toISOString();
      expect((await visitor.post(`/api/v1/visit-tasks/${task.id}/record`, { answers: await answersFor(visitor, task.id), startedAt: started, endedAt: new Date(t.clock.now()).toISOString() })).statusCode).toBe(201);
    }
  }
});
afterAll(() => t.close());

/** The expected order: open tasks by due date, then the closed ones, latest due first. */
const expected = () => [-2, 0, 1, 10, -30, -60, -90].map((offset) => tasks.get(addDays(today, offset)));

describe('the task list: open first', () => {
  it('supervisor: the list opens on the open tasks, earliest due first, then finished and cancelled ones, most recent first', async () => {
    const res = (await supervisor.get(`/api/v1/visit-tasks?communityId=${communityId}`)).json();
    expect(res.total).toBe(7);
    expect(res.items.map((tk: { id: number }) => tk.id)).toEqual(expected());
    expect(res.items.map((tk: { status: string }) => tk.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'completed', 'cancelled', 'cancelled']);
    // Only the open task past its due date is overdue; today's is not, nor are closed ones.
    expect(res.items.map((tk: { overdue: boolean }) => tk.overdue)).toEqual([true, false, false, false, false, false, false]);
  });

  it('supervisor: paging keeps that order across the boundary between open and closed tasks', async () => {
    const pages = [];
    for (const offset of [0, 3, 6]) pages.push(...(await supervisor.get(`/api/v1/visit-tasks?communityId=${communityId}&limit=3&offset=${offset}`)).json().items);
    expect(pages.map((tk: { id: number }) => tk.id)).toEqual(expected());
    const last = (await supervisor.get(`/api/v1/visit-tasks?communityId=${communityId}&limit=3&offset=5`)).json();
    expect(last.items.map((tk: { id: number }) => tk.id)).toEqual(expected().slice(5));
    expect(last.total).toBe(7);
  });

  it('visitor: "all" of their own tasks has the same order; the other views stay by due date', async () => {
    const all = (await visitor.get('/api/v1/visit-tasks?view=all&mine=true')).json();
    expect(all.items.map((tk: { id: number }) => tk.id)).toEqual(expected());
    const upcoming = (await visitor.get('/api/v1/visit-tasks?view=upcoming')).json();
    expect(upcoming.items.map((tk: { id: number }) => tk.id)).toEqual([1, 10].map((o) => tasks.get(addDays(today, o))));
  });

  it('supervisor: filtered to one closed status, the most recent comes first', async () => {
    const cancelled = (await supervisor.get(`/api/v1/visit-tasks?communityId=${communityId}&status=cancelled`)).json();
    expect(cancelled.items.map((tk: { id: number }) => tk.id)).toEqual([-60, -90].map((o) => tasks.get(addDays(today, o))));
  });
});
