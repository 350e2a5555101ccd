import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../src/server/issues/sweep-deadlines.js';
import { deliverOutbox } from '../../src/server/notifications/deliver-outbox.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { answersFor, loginAs, makeCommunity, makeCompany, makeIssueCategory, makeUser, type Client } from '../helpers/factories.js';
import { addDays } from '../../src/shared/shanghai.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let communityId: number;
let admin: Client;
let supervisor: Client;
let visitor: Client;
let security: Client;
let cleaner: Client;
let manager: Client;
let ids: Record<string, number>;
let households: { id: number; residentId: number }[];
const categories: Record<string, { id: number; departmentId: number }> = {};
// The server's clock stands at a Wednesday afternoon in November 2025: an ordinary working day.
const today = '2025-11-19';
const pg = Boolean(process.env.TEST_DATABASE_URL);

beforeAll(async () => {
  t = await createTestApp({}, { at: `${today}T15:00:00+08:00` });
  company = await makeCompany(t);
  communityId = (await makeCommunity(t, company.companyId, '阳光花园')).id;
  const db = t.handle.db;
  const departments = await db.selectFrom('departments').select(['id', 'code']).where('company_id', '=', company.companyId).execute();
  const dept = (code: string) => departments.find((d) => d.code === code)!.id;
  const sup = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [communityId], displayName: '王主管' });
  const vis = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [communityId], displayName: '张回访' });
  const sec = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.handler, communityIds: [communityId], displayName: '赵安保', departmentId: dept('SEC') });
  const secHead = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.handler, communityIds: [communityId], displayName: '钱安保主管', departmentId: dept('SEC') });
  const cle = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.handler, communityIds: [communityId], displayName: '孙保洁', departmentId: dept('CLEAN') });
  const man = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.manager, displayName: '周经理' });
  await db.updateTable('communities').set({ supervisor_id: sup.id }).where('id', '=', communityId).execute();
  ids = { supervisor: sup.id, visitor: vis.id, security: sec.id, securityHead: secHead.id, cleaner: cle.id, manager: man.id, sec: dept('SEC'), clean: dept('CLEAN') };
  [admin, supervisor, visitor, security, cleaner, manager] = await Promise.all(
    [company.adminUsername, sup.username, vis.username, sec.username, cle.username, man.username].map((u) => loginAs(t.app, u)),
  );
  expect((await admin.patch(`/api/v1/departments/${dept('SEC')}`, { headId: secHead.id })).json()).toMatchObject({ headId: secHead.id, headName: '钱安保主管' });
  for (const c of (await supervisor.get('/api/v1/issue-categories')).json()) categories[c.name] = { id: c.id, departmentId: c.departmentId };
  households = [];
  for (let i = 1; i <= 20; i++) {
    const h = await supervisor.post(`/api/v1/communities/${communityId}/households`, { building: '3', unit: '2', room: `${i}02` });
    const r = await supervisor.post(`/api/v1/households/${h.json().id}/residents`, { name: `业主${i}`, role: 'owner', phones: [`139000001${String(i).padStart(2, '0')}`] });
    households.push({ id: h.json().id, residentId: r.json().id });
  }
});
afterAll(() => t.close());

let nextHousehold = 0;
async function visitTask() {
  const h = households[nextHousehold++];
  const task = await supervisor.post('/api/v1/visit-tasks', { householdId: h.id, residentId: h.residentId, assigneeId: ids.visitor, reason: 'periodic', method: 'phone', dueDate: today });
  expect(task.statusCode).toBe(201);
  return { task: task.json(), household: h };
}

const direct = (overrides: Record<string, unknown> = {}) => ({
  kind: 'problem',
  categoryId: categories['安保'].id,
  description: '夜间东门无人值守',
  communityId,
  channel: 'phone',
  ...overrides,
});

describe('issues from visits and direct entry', () => {
  it('visitor: a complaint raised in a visit becomes an issue routed to the security department with deadlines', async () => {
    const { task, household } = await visitTask();
    const record = await visitor.post(`/api/v1/visit-tasks/${task.id}/record`, {
      answers: await answersFor(visitor, task.id),
      startedAt: new Date(t.clock.now() - 600_000).toISOString(),
      endedAt: new Date(t.clock.now()).toISOString(),
      items: [
        { kind: 'complaint', category: '安保', description: '快递经常丢失' },
        { kind: 'suggestion', category: '绿化', description: '增加儿童游乐设施' },
        { kind: 'problem', category: '楼道灯', description: '3栋楼道灯不亮' },
      ],
    });
    expect(record.statusCode).toBe(201);
    const list = (await supervisor.get(`/api/v1/issues?householdId=${household.id}`)).json();
    expect(list.total).toBe(3);
    const complaint = list.items.find((i: { kind: string }) => i.kind === 'complaint');
    expect(complaint).toMatchObject({ channel: 'visit', categoryName: '安保', departmentId: ids.sec, status: 'new', recordId: record.json().id, residentId: household.residentId, priority: 'high' });
    expect(complaint.replyDueAt).toMatch(/T23:59:59\.999\+08:00$/);
    expect(complaint.resolveDueAt).toMatch(/T23:59:59\.999\+08:00$/);
    expect(complaint.replyState).toMatch(/on_time|due_soon/);
    // What matches no category falls under 其他, routed to customer service.
    expect(list.items.find((i: { description: string }) => i.description.startsWith('3栋'))).toMatchObject({ categoryName: '其他' });
    expect(list.items.find((i: { kind: string }) => i.kind === 'suggestion')).toMatchObject({ adoption: 'pending', categoryName: '绿化' });
    // The record links each item to the issue it became.
    const items = (await supervisor.get(`/api/v1/visit-records/${record.json().id}`)).json().items;
    expect(items.find((i: { kind: string }) => i.kind === 'complaint')).toMatchObject({ issueId: complaint.id, issueStatus: 'new' });
    expect(record.json().items.map((i: { issueId: number }) => i.issueId).sort()).toEqual(list.items.map((i: { id: number }) => i.id).sort());
  });

  it('supervisor: an issue raised on 30 Sep 2025 17:00 with a written reply is due by 11 Oct 2025 24:00 (国庆 and the make-up Saturday)', async () => {
    const res = await supervisor.post('/api/v1/issues', direct({ raisedAt: '2025-09-30T17:00:00+08:00', replyMode: 'written' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ replyDueAt: '2025-10-11T23:59:59.999+08:00', channel: 'phone', status: 'new', departmentId: ids.sec });
    // 安保 is resolved within 2 working days: 10-09 and 10-10.
    expect(res.json().resolveDueAt).toBe('2025-10-10T23:59:59.999+08:00');
    const oral = await supervisor.post('/api/v1/issues', direct({ raisedAt: '2025-10-03T09:00:00+08:00', replyMode: 'oral' }));
    expect(oral.json().replyDueAt).toBe('2025-10-09T23:59:59.999+08:00');
    // Both are long overdue: they are in the overdue filter and on the supervision list; a new one is in neither.
    const fresh = (await supervisor.post('/api/v1/issues', direct({ description: '新登记的问题' }))).json();
    for (const view of ['due=overdue', 'view=supervision']) {
      const found = (await supervisor.get(`/api/v1/issues?${view}&limit=200`)).json().items.map((i: { id: number }) => i.id);
      expect(found).toEqual(expect.arrayContaining([res.json().id, oral.json().id]));
      expect(found).not.toContain(fresh.id);
    }
    expect(res.json()).toMatchObject({ replyState: 'overdue', resolveState: 'overdue' });
  });

  it('supervisor: cannot enter an issue raised in the future or before the calendar begins, nor with a category of another company', async () => {
    const future = await supervisor.post('/api/v1/issues', direct({ raisedAt: new Date(t.clock.now() + 3_600_000).toISOString() }));
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('raised_at_future');
    const ancient = await supervisor.post('/api/v1/issues', direct({ raisedAt: '1999-12-31T09:00:00+08:00' }));
    expect(ancient.statusCode).toBe(422);
    expect(ancient.json().code).toBe('calendar_out_of_range');
    const other = await makeCompany(t);
    const foreign = (await makeIssueCategory(t, { companyId: other.companyId })).id;
    expect((await supervisor.post('/api/v1/issues', direct({ categoryId: foreign }))).json().code).toBe('invalid_reference');
  });

  it('admin: a company rest day added in the console moves new deadlines at once; a date cannot be both off and working', async () => {
    const year = Number(today.slice(0, 4)) + 1;
    const days = (await admin.get(`/api/v1/calendar/working-days?year=${year}`)).json().days as { date: string; working: boolean }[];
    const firstWorking = days.find((d) => d.working && d.date > `${year}-01-05`)!.date;
    const created = await admin.post('/api/v1/calendar/overrides', { date: firstWorking, kind: 'rest_day', note: '公司年会' });
    expect(created.statusCode).toBe(201);
    const after = (await admin.get(`/api/v1/calendar/working-days?year=${year}`)).json();
    expect(after.days.find((d: { date: string }) => d.date === firstWorking)).toMatchObject({ working: false, override: { kind: 'rest_day', note: '公司年会' } });
    const conflict = await admin.post('/api/v1/calendar/overrides', { date: firstWorking, kind: 'workday' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe('calendar_override_conflict');
    expect((await supervisor.post('/api/v1/calendar/overrides', { date: `${year}-03-03`, kind: 'holiday' })).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/calendar/overrides/${created.json().override.id}`)).statusCode).toBe(200);

    // Raised Monday 10 Nov 2025, 3 working days: Thursday 13 Nov; with Wednesday 12 Nov a rest day, Friday 14 Nov.
    const raised = { raisedAt: '2025-11-10T10:00:00+08:00', replyMode: 'written' };
    expect((await supervisor.post('/api/v1/issues', direct(raised))).json().replyDueAt).toBe('2025-11-13T23:59:59.999+08:00');
    const restDay = (await admin.post('/api/v1/calendar/overrides', { date: '2025-11-12', kind: 'rest_day' })).json();
    expect((await supervisor.post('/api/v1/issues', direct(raised))).json().replyDueAt).toBe('2025-11-14T23:59:59.999+08:00');
    await admin.delete(`/api/v1/calendar/overrides/${restDay.override.id}`);
    expect((await supervisor.post('/api/v1/issues', direct(raised))).json().replyDueAt).toBe('2025-11-13T23:59:59.999+08:00');
  });

  it('anyone with issues: sees 2025 with 248 working days, 11 Oct a make-up working day and 1 Oct 国庆节', async () => {
    const y = (await visitor.get('/api/v1/calendar/working-days?year=2025')).json();
    expect(y).toMatchObject({ year: 2025, source: 'official', notice: null, workingDays: 248 });
    expect(y.days.find((d: { date: string }) => d.date === '2025-10-11')).toMatchObject({ working: true, kind: 'makeup_workday' });
    expect(y.days.find((d: { date: string }) => d.date === '2025-10-01')).toMatchObject({ working: false, kind: 'holiday', holidayName: '国庆节' });
  });
});

describe('handling an issue', () => {
  it('security handler: replies on time, resolves with a note; the visitor gets the confirmation visit, "not solved" reopens, "solved" closes', async () => {
    const { task } = await visitTask();
    await visitor.post(`/api/v1/visit-tasks/${task.id}/record`, {
      answers: await answersFor(visitor, task.id),
      startedAt: new Date(t.clock.now() - 600_000).toISOString(),
      endedAt: new Date(t.clock.now()).toISOString(),
      items: [{ kind: 'complaint', category: '安保', description: '地库门禁坏了' }],
    });
    const issue = (await supervisor.get(`/api/v1/issues?q=地库门禁`)).json().items[0];
    expect((await security.get('/api/v1/issues?view=department')).json().items.map((i: { id: number }) => i.id)).toContain(issue.id);
    expect((await cleaner.get('/api/v1/issues?view=department')).json().items.map((i: { id: number }) => i.id)).not.toContain(issue.id);

    const wrongDept = await cleaner.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'start' });
    expect(wrongDept.statusCode).toBe(403);
    expect(wrongDept.json().code).toBe('issue_not_yours');

    const illegal = await security.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'confirm', rating: 5 });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'issue_transition_invalid' });
    expect(illegal.json().allowed).toEqual(expect.arrayContaining(['start', 'resolve']));

    const replied = await security.post(`/api/v1/issues/${issue.id}/replies`, { mode: 'oral', content: '已电话告知住户，明天维修' });
    expect(replied.statusCode).toBe(201);
    expect(replied.json().replies[0]).toMatchObject({ mode: 'oral', onTime: true, repliedByName: '赵安保' });
    expect(replied.json().replyState).toBe('met');

    await security.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'start' });
    const noNote = await security.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'resolve' });
    expect(noNote.json().code).toBe('issue_comment_required');
    const resolved = (await security.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'resolve', comment: '已更换门禁读卡器' })).json();
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '已更换门禁读卡器', resolveState: 'met' });
    expect(resolved.confirmationTaskId).toEqual(expect.any(Number));

    const mine = (await visitor.get('/api/v1/visit-tasks?view=all&mine=true&limit=200')).json().items;
    const confirmation = mine.find((tk: { id: number }) => tk.id === resolved.confirmationTaskId);
    expect(confirmation).toMatchObject({ reason: 'confirmation', issueId: issue.id, status: 'pending', method: 'phone' });

    const times = { startedAt: new Date(t.clock.now() - 120_000).toISOString(), endedAt: new Date(t.clock.now()).toISOString() };
    const missing = await visitor.post(`/api/v1/visit-tasks/${confirmation.id}/record`, times);
    expect(missing.json().code).toBe('confirmation_required');
    const notSolved = await visitor.post(`/api/v1/visit-tasks/${confirmation.id}/record`, { ...times, confirmation: { solved: false, comment: '门禁还是刷不开' } });
    expect(notSolved.statusCode).toBe(201);
    const reopened = (await supervisor.get(`/api/v1/issues/${issue.id}`)).json();
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, resolvedAt: null });
    expect(reopened.timeline.at(-1)).toMatchObject({ type: 'transition', event: 'reopen', comment: '门禁还是刷不开', actorName: '张回访' });

    await security.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'resolve', comment: '更换了门禁控制器' });
    const second = (await supervisor.get(`/api/v1/issues/${issue.id}`)).json();
    const solved = await visitor.post(`/api/v1/visit-tasks/${second.confirmationTaskId}/record`, { ...times, confirmation: { solved: true, rating: 4 } });
    expect(solved.statusCode).toBe(201);
    const closed = (await supervisor.get(`/api/v1/issues/${issue.id}`)).json();
    expect(closed).toMatchObject({ status: 'closed', satisfaction: 4, reopenCount: 1 });
    // A complainant is visited again within a month after the complaint is closed.
    const followUps = (await visitor.get('/api/v1/visit-tasks?view=all&mine=true&reason=after_complaint')).json().items;
    expect(followUps.find((tk: { issueId: number }) => tk.issueId === issue.id)).toMatchObject({ dueDate: addDays(today, 30) });
  });

  /** A problem raised in a visit and resolved by the security handler; its confirmation task is pending. */
  async function resolvedIssue(description: string) {
    const { task } = await visitTask();
    await visitor.post(`/api/v1/visit-tasks/${task.id}/record`, {
      answers: await answersFor(visitor, task.id),
      startedAt: new Date(t.clock.now() - 600_000).toISOString(),
      endedAt: new Date(t.clock.now()).toISOString(),
      items: [{ kind: 'complaint', category: '安保', description }],
    });
    const issue = (await supervisor.get(`/api/v1/issues?q=${encodeURIComponent(description)}`)).json().items[0];
    const resolved = (await security.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'resolve', comment: '已处理完毕' })).json();
    expect(resolved).toMatchObject({ status: 'resolved', confirmationTaskId: expect.any(Number), resolvedByName: '赵安保' });
    return resolved as { id: number; confirmationTaskId: number };
  }
  const taskOf = async (id: number) => t.handle.db.selectFrom('visit_tasks').select(['status', 'cancel_reason']).where('id', '=', id).executeTakeFirstOrThrow();

  it('visitor: a confirmation visit that never reaches the resident goes to the supervisor to decide; the supervisor closes it with a reason, counted apart', async () => {
    const resolved = await resolvedIssue('单元门闭门器漏油');
    for (let i = 0; i < 3; i++) await visitor.post(`/api/v1/visit-tasks/${resolved.confirmationTaskId}/attempts`, { result: 'no_answer' });
    const after = (await supervisor.get(`/api/v1/issues/${resolved.id}`)).json();
    expect(after).toMatchObject({ status: 'resolved', unconfirmedReason: 'unreachable', unconfirmedAt: expect.any(String), closure: null });
    expect(after.timeline.map((e: { type: string }) => e.type).slice(-2)).toEqual(['visit_not_made', 'unconfirmed']);
    expect(after.timeline.at(-1)).toMatchObject({ actorName: null, data: { taskId: resolved.confirmationTaskId, status: 'unreachable', toLevel: 2, notified: 1 } });
    const told = await t.handle.db.selectFrom('outbox').select('recipient_user_id').where('kind', '=', 'issue_unconfirmed').where('link', '=', `/issues/${resolved.id}`).execute();
    expect(told.map((m) => m.recipient_user_id)).toEqual([ids.supervisor]);
    expect((await supervisor.get('/api/v1/issues?view=supervision&limit=200')).json().items.map((i: { id: number }) => i.id)).toContain(resolved.id);
    // The supervisor may close or reopen; the handler may do neither.
    expect(after.allowedEvents.sort()).toEqual(['close', 'reopen']);
    expect((await security.get(`/api/v1/issues/${resolved.id}`)).json().allowedEvents).toEqual([]);
    expect((await supervisor.post(`/api/v1/issues/${resolved.id}/transitions`, { event: 'close' })).json().code).toBe('issue_comment_required');
    const closed = (await supervisor.post(`/api/v1/issues/${resolved.id}/transitions`, { event: 'close', comment: '住户长期不在家，现场查看已修好' })).json();
    expect(closed).toMatchObject({ status: 'closed', closure: 'supervisor', closeReason: '住户长期不在家，现场查看已修好' });
    const audit = await t.handle.db.selectFrom('audit_log').select('after').where('action', '=', 'issue.transition').where('entity_id', '=', String(resolved.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toMatchObject({ event: 'close', closure: 'supervisor' });
    // The 问题台账 says how it was closed.
    const xlsx = await supervisor.get(`/api/v1/issues/export.xlsx?q=${encodeURIComponent('单元门闭门器漏油')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    const header = rows.findIndex((r) => r.includes('关闭方式'));
    expect(rows[header + 1][rows[header].indexOf('关闭方式')]).toBe('主管关闭（未经确认）');
  });

  it('admin: with "close as unconfirmed" set, a refused confirmation visit closes the issue as 未能确认 by the system', async () => {
    const settings = (await admin.get('/api/v1/issue-settings')).json();
    await admin.put('/api/v1/issue-settings', { ...settings, unconfirmedAction: 'close' });
    try {
      const resolved = await resolvedIssue('地库照明不足');
      await visitor.post(`/api/v1/visit-tasks/${resolved.confirmationTaskId}/attempts`, { result: 'refused' });
      const closed = (await supervisor.get(`/api/v1/issues/${resolved.id}`)).json();
      expect(closed).toMatchObject({ status: 'closed', closure: 'unconfirmed', unconfirmedReason: 'refused', closeReason: null });
      expect(closed.timeline.at(-1)).toMatchObject({ type: 'transition', event: 'close_unconfirmed', actorName: null, data: { taskId: resolved.confirmationTaskId, taskStatus: 'refused' } });
    } finally {
      await admin.put('/api/v1/issue-settings', settings);
    }
  });

  it('security handler: cannot confirm his own resolution — only the resident does, in the confirmation visit', async () => {
    const resolved = await resolvedIssue('消防通道被占用');
    const own = (await security.get(`/api/v1/issues/${resolved.id}`)).json();
    expect(own.allowedEvents).toEqual([]);
    const confirm = await security.post(`/api/v1/issues/${resolved.id}/transitions`, { event: 'confirm', rating: 5 });
    expect(confirm.statusCode).toBe(403);
    expect(confirm.json().code).toBe('issue_confirmed_by_resident');
    expect((await security.post(`/api/v1/issues/${resolved.id}/transitions`, { event: 'reopen', comment: '再看看' })).json().code).toBe('issue_supervisor_only');
    expect((await supervisor.post(`/api/v1/issues/${resolved.id}/transitions`, { event: 'confirm', rating: 5 })).json().code).toBe('issue_confirmed_by_resident');
    expect((await supervisor.post(`/api/v1/issues/${resolved.id}/transitions`, { event: 'close_unconfirmed', comment: '无法联系' })).json().code).toBe('issue_event_system');
    expect((await supervisor.get(`/api/v1/issues/${resolved.id}`)).json().status).toBe('resolved');
    expect(await taskOf(resolved.confirmationTaskId)).toMatchObject({ status: 'pending' });
  });

  it('supervisor: closing a resolved issue without confirmation cancels its pending confirmation visit; their own resolution they cannot close', async () => {
    const resolved = await resolvedIssue('监控画面模糊');
    const closed = (await supervisor.post(`/api/v1/issues/${resolved.id}/transitions`, { event: 'close', comment: '住户已当面确认，无需复访' })).json();
    expect(closed).toMatchObject({ status: 'closed', closure: 'supervisor' });
    expect(await taskOf(resolved.confirmationTaskId)).toEqual({ status: 'cancelled', cancel_reason: '问题已关闭，无需复访' });
    expect(closed.timeline.at(-1).data.cancelledTaskIds).toEqual([resolved.confirmationTaskId]);

    const mine = (await supervisor.post('/api/v1/issues', direct({ description: '岗亭门锁损坏' }))).json();
    await supervisor.post(`/api/v1/issues/${mine.id}/transitions`, { event: 'resolve', comment: '已更换门锁' });
    const ownClose = await supervisor.post(`/api/v1/issues/${mine.id}/transitions`, { event: 'close', comment: '我已确认' });
    expect(ownClose.statusCode).toBe(403);
    expect(ownClose.json().code).toBe('issue_own_resolution');
    // A supervisor may reopen their own resolution, and reopening cancels a pending confirmation visit too.
    expect((await supervisor.post(`/api/v1/issues/${mine.id}/transitions`, { event: 'reopen', comment: '门锁仍然卡顿' })).json().status).toBe('reopened');
    const again = await resolvedIssue('楼顶水箱盖未锁');
    expect((await supervisor.post(`/api/v1/issues/${again.id}/transitions`, { event: 'reopen', comment: '住户电话反映仍未解决' })).json()).toMatchObject({ status: 'reopened', reopenCount: 1 });
    expect(await taskOf(again.confirmationTaskId)).toEqual({ status: 'cancelled', cancel_reason: '问题已重新打开' });
  });

  it('security handler: whoever starts, replies to or resolves an unassigned issue becomes its handler (处理人)', async () => {
    const issue = (await supervisor.post('/api/v1/issues', direct({ description: '北门道闸抬杆慢' }))).json();
    expect(issue).toMatchObject({ assigneeId: null, status: 'new' });
    const started = (await security.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'start' })).json();
    expect(started).toMatchObject({ status: 'in_progress', assigneeId: ids.security, assigneeName: '赵安保' });
    expect(started.timeline.at(-1).data.took).toBe(true);
    const other = (await supervisor.post('/api/v1/issues', direct({ description: '南门岗亭无人' }))).json();
    const replied = (await security.post(`/api/v1/issues/${other.id}/replies`, { mode: 'oral', content: '已安排保安值守' })).json();
    expect(replied).toMatchObject({ assigneeId: ids.security, assigneeName: '赵安保' });
  });

  it('visitor: records the oral reply given on the spot as part of the visit; the issue is oral and its reply met at once', async () => {
    const { task } = await visitTask();
    const record = await visitor.post(`/api/v1/visit-tasks/${task.id}/record`, {
      answers: await answersFor(visitor, task.id),
      startedAt: new Date(t.clock.now() - 900_000).toISOString(),
      endedAt: new Date(t.clock.now() - 60_000).toISOString(),
      items: [
        { kind: 'need', category: '收费', description: '想了解物业费缴纳方式', replyMode: 'oral', reply: '已告知可在物业 App 或前台缴纳' },
        { kind: 'problem', category: '保洁', description: '楼道有积灰', replyMode: 'oral' },
        { kind: 'problem', category: '绿化', description: '草坪枯黄' },
      ],
    });
    expect(record.statusCode).toBe(201);
    const issues = (await supervisor.get(`/api/v1/issues?householdId=${record.json().householdId}`)).json().items;
    const answered = issues.find((i: { description: string }) => i.description.startsWith('想了解'));
    expect(answered).toMatchObject({ replyMode: 'oral', replyState: 'met', repliedAt: expect.any(String) });
    const detail = (await supervisor.get(`/api/v1/issues/${answered.id}`)).json();
    expect(detail.replies).toEqual([expect.objectContaining({ mode: 'oral', content: '已告知可在物业 App 或前台缴纳', onTime: true, repliedByName: '张回访' })]);
    expect(issues.find((i: { description: string }) => i.description === '楼道有积灰')).toMatchObject({ replyMode: 'oral', repliedAt: null });
    expect(issues.find((i: { description: string }) => i.description === '草坪枯黄')).toMatchObject({ replyMode: 'written' });
  });

  it('visitor without issues.reply_on_visit: cannot record an oral reply in a visit (403), and nothing is recorded', async () => {
    const role = (await admin.post('/api/v1/roles', { name: '临时回访员', permissions: ['communities.read', 'households.read', 'visits.work', 'issues.read'] })).json();
    const temp = await makeUser(t, { companyId: company.companyId, roleId: role.id, communityIds: [communityId], displayName: '临时回访' });
    const client = await loginAs(t.app, temp.username);
    const h = households[nextHousehold++];
    const task = (await supervisor.post('/api/v1/visit-tasks', { householdId: h.id, assigneeId: temp.id, reason: 'periodic', method: 'phone', dueDate: today })).json();
    const res = await client.post(`/api/v1/visit-tasks/${task.id}/record`, {
      answers: await answersFor(client, task.id),
      startedAt: new Date(t.clock.now() - 600_000).toISOString(),
      endedAt: new Date(t.clock.now()).toISOString(),
      items: [{ kind: 'need', category: '收费', description: '咨询发票', reply: '已告知' }],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect((await supervisor.get(`/api/v1/visit-tasks/${task.id}`)).json().status).toBe('pending');
  });

  it('admin: the complainant is visited again a month after resolution by default, moved to the next working day when that is a day off', async () => {
    const settings = (await admin.get('/api/v1/issue-settings')).json();
    expect(settings).toMatchObject({ complainantFollowUpDays: 30, complainantFollowUpFrom: 'resolved', unconfirmedAction: 'escalate' });
    // Resolved today (Wednesday 19 Nov 2025): 31 days later is Saturday 20 Dec, so the visit is due Monday 22 Dec.
    await admin.put('/api/v1/issue-settings', { ...settings, complainantFollowUpDays: 31 });
    try {
      const resolved = await resolvedIssue('快递柜被占用');
      const solved = await visitor.post(`/api/v1/visit-tasks/${resolved.confirmationTaskId}/record`, {
        startedAt: new Date(t.clock.now() - 120_000).toISOString(),
        endedAt: new Date(t.clock.now()).toISOString(),
        confirmation: { solved: true, rating: 5 },
      });
      expect(solved.statusCode).toBe(201);
      const closed = (await supervisor.get(`/api/v1/issues/${resolved.id}`)).json();
      expect(closed).toMatchObject({ status: 'closed', closure: 'confirmed', satisfaction: 5 });
      const followUp = (await supervisor.get(`/api/v1/visit-tasks/${closed.timeline.at(-1).data.followUpTaskId}`)).json();
      expect(followUp).toMatchObject({ reason: 'after_complaint', dueDate: '2025-12-22' });
    } finally {
      await admin.put('/api/v1/issue-settings', settings);
    }
  });

  it('supervisor: reassigns to a handler, escalates by hand and sets the expected date the resident is told of', async () => {
    const issue = (await supervisor.post('/api/v1/issues', direct({ householdId: households[19].id, residentId: households[19].residentId, description: '监控摄像头损坏' }))).json();
    const reassigned = (await supervisor.patch(`/api/v1/issues/${issue.id}`, { assigneeId: ids.security, comment: '请赵师傅处理' })).json();
    expect(reassigned).toMatchObject({ status: 'assigned', assigneeId: ids.security, assigneeName: '赵安保' });
    expect((await supervisor.patch(`/api/v1/issues/${issue.id}`, { assigneeId: ids.visitor })).json().code).toBe('invalid_reference');

    const late = await security.post(`/api/v1/issues/${issue.id}/expected-date`, { date: addDays(today, -1), message: '预计明天' });
    expect(late.json().code).toBe('date_in_past');
    const expected = (await security.post(`/api/v1/issues/${issue.id}/expected-date`, { date: addDays(today, 10), message: '摄像头需厂家更换，预计十日内修复' })).json();
    expect(expected.expectedResolveDate).toBe(addDays(today, 10));
    expect(expected.timeline.at(-1)).toMatchObject({ type: 'expected_date', data: { toResident: true } });
    const sms = await t.handle.db.selectFrom('outbox').selectAll().where('channel', '=', 'resident').where('recipient_resident_id', '=', households[19].residentId).execute();
    expect(sms.map((m) => m.body)).toContain('摄像头需厂家更换，预计十日内修复');

    const up = (await security.post(`/api/v1/issues/${issue.id}/escalate`, { comment: '需要采购，请主管协调' })).json();
    expect(up.escalationLevel).toBe(1);
    expect((await supervisor.get('/api/v1/issues?view=supervision')).json().items.map((i: { id: number }) => i.id)).toContain(issue.id);

    await deliverOutbox(t.handle, t.app.log);
    const delivered = await t.handle.db.selectFrom('outbox').select(['status', 'provider']).where('channel', '=', 'resident').where('recipient_resident_id', '=', households[19].residentId).execute();
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((m) => m.status === 'sent' && m.provider === 'log:sms')).toBe(true);
    const head = await loginAs(t.app, (await t.handle.db.selectFrom('users').select('username').where('id', '=', ids.securityHead).executeTakeFirstOrThrow()).username);
    const bell = (await head.get('/api/v1/notifications')).json();
    expect(bell.items.find((n: { link: string; kind: string }) => n.link === `/issues/${issue.id}` && n.kind === 'issue_escalated')).toBeDefined();
  });

  it('security handler: a written reply reaches the resident by WeChat when preferred, and nobody who asked not to be contacted', async () => {
    const [wechat, quiet] = [households[17], households[16]];
    await t.handle.db.updateTable('residents').set({ preferred_contact: 'wechat' }).where('id', '=', wechat.residentId).execute();
    await t.handle.db.updateTable('residents').set({ do_not_contact: 1, do_not_contact_reason: '本人要求' }).where('id', '=', quiet.residentId).execute();
    for (const h of [wechat, quiet]) {
      const issue = (await supervisor.post('/api/v1/issues', direct({ householdId: h.id, residentId: h.residentId, assigneeId: ids.security, description: `书面回复测试${h.id}` }))).json();
      const replied = await security.post(`/api/v1/issues/${issue.id}/replies`, { mode: 'written', content: `关于您反映的问题，已安排处理${h.id}` });
      expect(replied.json().timeline.at(-1)).toMatchObject({ type: 'reply', data: { mode: 'written', toResident: true } });
    }
    await deliverOutbox(t.handle, t.app.log);
    const outcome = async (residentId: number) =>
      t.handle.db.selectFrom('outbox').select(['status', 'provider', 'error']).where('recipient_resident_id', '=', residentId).where('kind', '=', 'issue_reply').executeTakeFirstOrThrow();
    expect(await outcome(wechat.residentId)).toMatchObject({ status: 'sent', provider: 'log:wechat' });
    expect(await outcome(quiet.residentId)).toMatchObject({ status: 'skipped', error: 'do_not_contact' });
  });

  it('security handler: can pass an issue to a colleague of the department, chosen from the handlers of the community', async () => {
    const handlers = (await security.get(`/api/v1/issue-handlers?communityId=${communityId}&departmentId=${ids.sec}`)).json();
    expect(handlers.map((h: { displayName: string }) => h.displayName).sort()).toEqual(['赵安保', '钱安保主管'].sort());
    expect(handlers[0]).toEqual({ id: expect.any(Number), displayName: expect.any(String), departmentId: ids.sec, departmentName: '安保部' });
    const issue = (await supervisor.post('/api/v1/issues', direct({ description: '岗亭空调不制冷' }))).json();
    const passed = await security.patch(`/api/v1/issues/${issue.id}`, { assigneeId: ids.securityHead, comment: '请主管协调采购' });
    expect(passed.json()).toMatchObject({ assigneeId: ids.securityHead, status: 'assigned' });
  });

  it('handler: decides on suggestions — adoption needs a plan, not adopting tells the resident why, implemented only after adoption', async () => {
    const make = async () =>
      (await supervisor.post('/api/v1/issues', direct({ kind: 'suggestion', categoryId: categories['保洁'].id, householdId: households[18].id, residentId: households[18].residentId, description: '垃圾桶增加分类标识' }))).json();
    const a = await make();
    expect((await cleaner.post(`/api/v1/issues/${a.id}/transitions`, { event: 'resolve', comment: '已完成' })).json().allowed).toEqual(expect.arrayContaining(['adopt', 'reject']));
    expect((await cleaner.post(`/api/v1/issues/${a.id}/transitions`, { event: 'adopt' })).json().code).toBe('issue_plan_required');
    const adopted = (await cleaner.post(`/api/v1/issues/${a.id}/transitions`, { event: 'adopt', plan: '每栋楼下增加分类标识', plannedDate: addDays(today, 14) })).json();
    expect(adopted).toMatchObject({ adoption: 'adopted', status: 'in_progress', adoptionPlan: '每栋楼下增加分类标识' });
    expect((await cleaner.post(`/api/v1/issues/${a.id}/transitions`, { event: 'resolve', comment: '标识已安装' })).json()).toMatchObject({ adoption: 'implemented', status: 'resolved' });

    const b = await make();
    const rejected = (await cleaner.post(`/api/v1/issues/${b.id}/transitions`, { event: 'reject', comment: '场地不足，暂不具备条件' })).json();
    expect(rejected).toMatchObject({ status: 'not_adopted', adoption: 'not_adopted', adoptionReason: '场地不足，暂不具备条件' });
    const told = await t.handle.db.selectFrom('outbox').select('body').where('kind', '=', 'issue_not_adopted').execute();
    expect(told.map((m) => m.body)).toContain('场地不足，暂不具备条件');
  });

  it('supervisor: praise has no deadlines and is acknowledged; anything open can be withdrawn with a reason', async () => {
    const praise = (await supervisor.post('/api/v1/issues', direct({ kind: 'praise', description: '保安小李热心帮忙搬运', praisedUserId: ids.security, praisedDepartmentId: ids.sec }))).json();
    expect(praise).toMatchObject({ replyDueAt: null, resolveDueAt: null, praisedUserName: '赵安保', allowedEvents: expect.arrayContaining(['acknowledge', 'withdraw']), canEdit: true, canEscalate: false, canSetExpectedDate: false });
    expect((await supervisor.post(`/api/v1/issues/${praise.id}/transitions`, { event: 'acknowledge' })).json().status).toBe('closed');
    const otherCompany = await makeCompany(t);
    const foreignDepartment = (await t.handle.db.selectFrom('departments').select('id').where('company_id', '=', otherCompany.companyId).executeTakeFirstOrThrow()).id;
    const refused = await supervisor.post('/api/v1/issues', direct({ kind: 'praise', description: '感谢', praisedDepartmentId: foreignDepartment }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].path).toBe('praisedDepartmentId');
    const wrong = (await supervisor.post('/api/v1/issues', direct({ description: '误登记' }))).json();
    expect((await supervisor.post(`/api/v1/issues/${wrong.id}/transitions`, { event: 'withdraw' })).json().code).toBe('issue_comment_required');
    expect((await supervisor.post(`/api/v1/issues/${wrong.id}/transitions`, { event: 'withdraw', comment: '重复登记' })).json()).toMatchObject({ status: 'withdrawn', withdrawReason: '重复登记' });
  });

  it('admin: written replies take 5 working days after the setting changes; categories can be added but not duplicated', async () => {
    const settings = (await admin.get('/api/v1/issue-settings')).json();
    expect(settings).toMatchObject({ oralReplyDays: 0, writtenReplyDays: 3, reminderLeadDays: 1 });
    await admin.put('/api/v1/issue-settings', { ...settings, writtenReplyDays: 5 });
    const res = await supervisor.post('/api/v1/issues', direct({ raisedAt: '2025-09-30T17:00:00+08:00' }));
    // 10-09, 10-10, the make-up Saturday 10-11, 10-13, 10-14
    expect(res.json().replyDueAt).toBe('2025-10-14T23:59:59.999+08:00');
    await admin.put('/api/v1/issue-settings', settings);
    const created = await admin.post('/api/v1/issue-categories', { name: '电梯', departmentId: categories['维修/工程'].departmentId, resolveDays: 1 });
    expect(created.statusCode).toBe(201);
    expect((await admin.post('/api/v1/issue-categories', { name: '电梯' })).json().code).toBe('category_name_taken');
    expect((await supervisor.post('/api/v1/issue-categories', { name: '电梯2' })).statusCode).toBe(403);
  });
});

describe('deadline sweep and escalation', () => {
  async function freshIssue(description: string) {
    const issue = (await supervisor.post('/api/v1/issues', direct({ description, assigneeId: ids.security }))).json();
    return issue as { id: number; replyDueAt: string; resolveDueAt: string };
  }
  const notices = async (issueId: number) => t.handle.db.selectFrom('outbox').select(['kind', 'recipient_user_id']).where('link', '=', `/issues/${issueId}`).where('kind', '!=', 'issue_assigned').orderBy('id').execute();

  it('system: reminds before the deadline, then escalates one level at a time, each notice once, catching up after downtime', async () => {
    const issue = await freshIssue('东门道闸故障');
    await sweepDeadlines(t.handle);
    expect(await notices(issue.id)).toEqual([]);

    // 安保 issues are resolved within 2 working days, before the written reply is due (3).
    const pastResolve = Date.parse(issue.resolveDueAt) + 1000;
    const first = await sweepDeadlines(t.handle, pastResolve);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const again = await sweepDeadlines(t.handle, pastResolve);
    expect(again.notices).toBe(0);
    const level1 = (await notices(issue.id)).filter((n) => n.kind === 'issue_escalated');
    expect(level1.map((n) => n.recipient_user_id)).toEqual([ids.securityHead]);
    expect((await notices(issue.id)).map((n) => n.kind)).toContain('issue_reply_reminder');

    await sweepDeadlines(t.handle, Date.parse(issue.replyDueAt) + 1000);
    const overdue = (await notices(issue.id)).filter((n) => n.kind === 'issue_reply_overdue');
    expect(overdue.map((n) => n.recipient_user_id).sort()).toEqual([ids.security, ids.securityHead].sort());

    // Down for a month: the next run reaches level 3 and tells the supervisor and management once each.
    await sweepDeadlines(t.handle, pastResolve + 30 * 86_400_000);
    await sweepDeadlines(t.handle, pastResolve + 30 * 86_400_000);
    const escalations = (await notices(issue.id)).filter((n) => n.kind === 'issue_escalated').map((n) => n.recipient_user_id);
    expect(escalations.sort()).toEqual([ids.securityHead, ids.supervisor, ids.manager, company.adminId].sort());
    const detail = (await supervisor.get(`/api/v1/issues/${issue.id}`)).json();
    expect(detail).toMatchObject({ escalationLevel: 3, canEscalate: false, canSetExpectedDate: true });
    expect(detail.timeline.filter((e: { type: string }) => e.type === 'escalated').map((e: { data: { level: number } }) => e.data.level)).toEqual([1, 2, 3]);

    await deliverOutbox(t.handle, t.app.log);
    expect((await manager.get('/api/v1/notifications/unread-count')).json().count).toBeGreaterThanOrEqual(1);
    const bell = (await manager.get('/api/v1/notifications?unread=true')).json();
    const read = await manager.post(`/api/v1/notifications/${bell.items[0].id}/read`);
    expect(read.json().readAt).toEqual(expect.any(String));
    expect((await manager.post('/api/v1/notifications/read-all')).json()).toEqual({ ok: true });
    expect((await manager.get('/api/v1/notifications/unread-count')).json().count).toBe(0);
    expect((await security.post(`/api/v1/notifications/${bell.items[0].id}/read`)).statusCode).toBe(404);
  });

  it('system: a department without a head passes level 1 on to the community supervisor, and the timeline says so', async () => {
    // 保洁部 has no head.
    const issue = (await supervisor.post('/api/v1/issues', direct({ categoryId: categories['保洁'].id, description: '垃圾房异味', assigneeId: ids.cleaner }))).json();
    const r = await sweepDeadlines(t.handle, Date.parse(issue.resolveDueAt) + 1000);
    expect(r.escalated).toBeGreaterThanOrEqual(1);
    const detail = (await supervisor.get(`/api/v1/issues/${issue.id}`)).json();
    expect(detail.escalationLevel).toBe(2);
    expect(detail.timeline.filter((e: { type: string }) => e.type === 'escalated').map((e: { data: unknown }) => e.data)).toEqual([{ level: 2, from: 0, noRecipient: [1], notified: 1 }]);
    expect((await notices(issue.id)).filter((n) => n.kind === 'issue_escalated').map((n) => n.recipient_user_id)).toEqual([ids.supervisor]);
    // Level 3 still comes two working days after the deadline: after Tuesday 25 Nov (the deadline was Friday 21 Nov).
    await sweepDeadlines(t.handle, Date.parse('2025-11-25T23:00:00+08:00'));
    expect((await supervisor.get(`/api/v1/issues/${issue.id}`)).json().escalationLevel).toBe(2);
    await sweepDeadlines(t.handle, Date.parse('2025-11-26T00:00:01+08:00'));
    expect((await supervisor.get(`/api/v1/issues/${issue.id}`)).json().escalationLevel).toBe(3);
  });

  it('supervisor: an issue entered long after it was raised escalates once, to the level it has reached, with one combined notice per person', async () => {
    const issue = (await supervisor.post('/api/v1/issues', direct({ raisedAt: '2025-10-20T10:00:00+08:00', description: '车库积水（补录）', assigneeId: ids.security }))).json();
    await sweepDeadlines(t.handle);
    const detail = (await supervisor.get(`/api/v1/issues/${issue.id}`)).json();
    expect(detail.escalationLevel).toBe(3);
    expect(detail.timeline.filter((e: { type: string }) => e.type === 'escalated').map((e: { data: unknown }) => e.data)).toEqual([{ level: 3, from: 0, notified: 4 }]);
    const escalations = (await notices(issue.id)).filter((n) => n.kind === 'issue_escalated').map((n) => n.recipient_user_id);
    expect(escalations.sort()).toEqual([ids.securityHead, ids.supervisor, ids.manager, company.adminId].sort());
    const text = await t.handle.db.selectFrom('outbox').select('body').where('kind', '=', 'issue_escalated').where('link', '=', `/issues/${issue.id}`).where('recipient_user_id', '=', ids.manager).executeTakeFirstOrThrow();
    expect(text.body).toContain('已上报至管理层（经部门负责人、小区主管）');
  });

  it.runIf(pg)('system: two app instances sweeping the same PostgreSQL at once notify each escalation once', async () => {
    const created = await Promise.all(Array.from({ length: 30 }, (_, i) => freshIssue(`并发上报${i}`)));
    const second = t.openSecondHandle();
    const at = Math.max(...created.map((i) => Date.parse(i.resolveDueAt))) + 1000;
    const [a, b] = await Promise.all([sweepDeadlines(t.handle, at, 7), sweepDeadlines(second, at, 7)]);
    expect(a.escalated + b.escalated).toBe(30);
    for (const issue of created) {
      const escalations = (await notices(issue.id)).filter((n) => n.kind === 'issue_escalated');
      expect(escalations).toHaveLength(1);
    }
  });
});
