/**
 * Years beyond the official holiday data, through the API: the provisional calendar and its marks, an
 * administrator entering the year's notice in one step, and the recomputation of open deadlines it (or an
 * override) causes. The server's clock stands on the evening of 31 December 2026: 2027 has no official data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginAs, makeCommunity, makeCompany, makeHousehold, makeUser, type Client } from '../helpers/factories.js';

let t: TestApp;
let admin: Client;
let supervisor: Client;
let communityId: number;
let companyId: number;
let categories: Record<string, number>;

/** A notice as the State Council might publish it for 2027. */
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月14日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
国务院办公厅
2026年11月4日`;

beforeAll(async () => {
  t = await createTestApp({}, { at: '2026-12-31T18:00:00+08:00' });
  const company = await makeCompany(t);
  companyId = company.companyId;
  communityId = (await makeCommunity(t, company.companyId, '阳光花园')).id;
  const sup = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [communityId] });
  [admin, supervisor] = await Promise.all([loginAs(t.app, company.adminUsername), loginAs(t.app, sup.username)]);
  // A category resolved within 25 working days: its deadline falls around Spring Festival 2027.
  const long = await admin.post('/api/v1/issue-categories', { name: '外墙渗水', resolveDays: 25 });
  categories = Object.fromEntries((await supervisor.get('/api/v1/issue-categories')).json().map((c: { name: string; id: number }) => [c.name, c.id]));
  expect(long.statusCode).toBe(201);
});
afterAll(() => t.close());

const raise = (overrides: Record<string, unknown> = {}) =>
  supervisor.post('/api/v1/issues', { kind: 'problem', categoryId: categories['外墙渗水'], description: '3栋外墙渗水', communityId, channel: 'phone', raisedAt: '2026-12-31T17:00:00+08:00', replyMode: 'written', ...overrides });

describe('the provisional calendar of 2027', () => {
  it('admin: sees 2027 as provisional with 元旦 and the Spring Festival days of the regulation, and is asked to enter the notice', async () => {
    const year = (await admin.get('/api/v1/calendar/working-days?year=2027')).json();
    expect(year).toMatchObject({ year: 2027, source: 'provisional', notice: null });
    expect(year.days.find((d: { date: string }) => d.date === '2027-01-01')).toMatchObject({ working: false, kind: 'holiday', holidayName: '元旦', provisional: true });
    expect(year.days.find((d: { date: string }) => d.date === '2027-02-09')).toMatchObject({ working: false, holidayName: '春节（补假）' });
    expect((await admin.get('/api/v1/calendar/working-days?year=2026')).json()).toMatchObject({ source: 'official', notice: null });
    expect((await admin.get('/api/v1/calendar/status')).json()).toEqual({
      years: [
        { year: 2026, source: 'official' },
        { year: 2027, source: 'provisional' },
      ],
      needsNotice: 2027,
    });
  });

  it('supervisor: a written reply raised on 31 Dec 2026 is due on 6 Jan 2027 (元旦 is off), marked provisional', async () => {
    const issue = (await raise()).json();
    expect(issue).toMatchObject({ replyDueAt: '2027-01-06T23:59:59.999+08:00', replyDueProvisional: true, resolveDueProvisional: true });
    // 25 working days on the provisional calendar: 20 in January, 1–4 Feb, then 5–10 Feb are off; 11 Feb.
    expect(issue.resolveDueAt).toBe('2027-02-11T23:59:59.999+08:00');
    const listed = (await supervisor.get('/api/v1/issues?provisional=true')).json().items.map((i: { id: number }) => i.id);
    expect(listed).toContain(issue.id);
  });

  it('supervisor: an issue whose deadlines end in 2026 is not provisional', async () => {
    const issue = (await raise({ raisedAt: '2026-12-01T10:00:00+08:00', categoryId: categories['保洁'] })).json();
    expect(issue).toMatchObject({ replyDueAt: '2026-12-04T23:59:59.999+08:00', replyDueProvisional: false, resolveDueProvisional: false });
  });
});

describe('entering the 2027 notice', () => {
  it('admin: previews the pasted notice — its periods, no problems, and the open deadlines it would move — without changing anything', async () => {
    const preview = (await admin.post('/api/v1/calendar/notices/preview', { year: 2027, text: NOTICE_2027 })).json();
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(preview.periods).toEqual(
      expect.arrayContaining([
        { name: '元旦', from: '2027-01-01', to: '2027-01-03', days: 3 },
        { name: '春节', from: '2027-02-05', to: '2027-02-13', days: 9 },
        { name: '国庆节', from: '2027-10-01', to: '2027-10-07', days: 7 },
      ]),
    );
    expect(preview.workdays).toEqual(['2027-02-14', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09']);
    expect(preview.affectedIssues).toBe(1);
    expect((await admin.get('/api/v1/calendar/working-days?year=2027')).json().source).toBe('provisional');
  });

  it('admin: enters it; the open issue is recomputed to the make-up Sunday 14 Feb, no longer provisional, and says so on its timeline', async () => {
    const before = (await supervisor.get('/api/v1/issues?provisional=true')).json().items[0];
    const entered = await admin.post('/api/v1/calendar/notices', { year: 2027, text: NOTICE_2027 });
    expect(entered.statusCode).toBe(201);
    expect(entered.json()).toMatchObject({ recomputedIssues: 1, notice: { year: 2027, workdays: expect.arrayContaining(['2027-02-14']) } });
    const after = (await supervisor.get(`/api/v1/issues/${before.id}`)).json();
    expect(after).toMatchObject({ replyDueAt: '2027-01-06T23:59:59.999+08:00', resolveDueAt: '2027-02-14T23:59:59.999+08:00', replyDueProvisional: false, resolveDueProvisional: false });
    expect(after.timeline.at(-1)).toMatchObject({
      type: 'deadlines_recomputed',
      data: { cause: { kind: 'notice', year: 2027 }, resolve: { from: '2027-02-11T23:59:59.999+08:00', to: '2027-02-14T23:59:59.999+08:00', provisional: false }, reply: { from: '2027-01-06T23:59:59.999+08:00', to: '2027-01-06T23:59:59.999+08:00', provisional: false } },
    });
    expect((await supervisor.get('/api/v1/issues?provisional=true')).json().total).toBe(0);
    const year = (await admin.get('/api/v1/calendar/working-days?year=2027')).json();
    expect(year).toMatchObject({ source: 'notice', notice: { year: 2027 } });
    expect(year.days.find((d: { date: string }) => d.date === '2027-02-14')).toMatchObject({ working: true, kind: 'makeup_workday', provisional: false });
    expect(year.days.find((d: { date: string }) => d.date === '2027-02-12')).toMatchObject({ working: false, holidayName: '春节', provisional: false });
    expect((await admin.get('/api/v1/calendar/status')).json().needsNotice).toBeNull();
    // New deadlines follow the notice at once.
    expect((await raise()).json()).toMatchObject({ resolveDueAt: '2027-02-14T23:59:59.999+08:00', resolveDueProvisional: false });
  });

  it('admin: a company rest day added on 5 Jan 2027 moves the open reply deadlines from 6 to 7 Jan; removing it moves them back', async () => {
    const open = (await supervisor.get('/api/v1/issues?open=true&limit=200')).json().items.filter((i: { replyDueAt: string }) => i.replyDueAt === '2027-01-06T23:59:59.999+08:00');
    expect(open.length).toBeGreaterThan(0);
    const added = await admin.post('/api/v1/calendar/overrides', { date: '2027-01-05', kind: 'rest_day', note: '公司年会' });
    expect(added.statusCode).toBe(201);
    expect(added.json().recomputedIssues).toBe(open.length);
    const moved = (await supervisor.get(`/api/v1/issues/${open[0].id}`)).json();
    expect(moved.replyDueAt).toBe('2027-01-07T23:59:59.999+08:00');
    expect(moved.timeline.at(-1)).toMatchObject({ type: 'deadlines_recomputed', data: { cause: { kind: 'override', date: '2027-01-05' } } });
    const removed = await admin.delete(`/api/v1/calendar/overrides/${added.json().override.id}`);
    expect(removed.json()).toEqual({ override: null, recomputedIssues: open.length });
    expect((await supervisor.get(`/api/v1/issues/${open[0].id}`)).json().replyDueAt).toBe('2027-01-06T23:59:59.999+08:00');
  });

  it('admin: removing the notice returns 2027 to the provisional calendar and the open deadlines with it', async () => {
    const removed = await admin.delete('/api/v1/calendar/notices/2027');
    expect(removed.statusCode).toBe(200);
    expect(removed.json().recomputedIssues).toBeGreaterThan(0);
    const items = (await supervisor.get('/api/v1/issues?provisional=true')).json().items;
    expect(items.every((i: { resolveDueAt: string }) => i.resolveDueAt === '2027-02-11T23:59:59.999+08:00')).toBe(true);
    expect((await admin.delete('/api/v1/calendar/notices/2027')).statusCode).toBe(404);
  });
});

describe('bad notices', () => {
  it('admin: a text without any date, a line that cannot be read and a day both off and working are refused with line numbers', async () => {
    const empty = await admin.post('/api/v1/calendar/notices', { year: 2027, text: '国务院办公厅关于2027年部分节假日安排的通知' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: 'calendar_notice_invalid' });
    const bad = (await admin.post('/api/v1/calendar/notices/preview', { year: 2027, text: '2027-01-01 放假 元旦\n2027-01-02 待定\n2027-02-30 放假\n2027-01-01 上班' }, { 'accept-language': 'en' })).json();
    expect(bad.errors.map((e: { line: number | null; code: string }) => [e.line, e.code])).toEqual([
      [2, 'notice_line_unreadable'],
      [3, 'notice_date_invalid'],
      [null, 'notice_day_conflict'],
    ]);
    expect(bad.errors[0].message).toBe('Line 2: cannot read “2027-01-02 待定”: give the date and whether it is a day off (放假) or a working day (上班)');
    expect(bad.affectedIssues).toBe(0);
    const refused = await admin.post('/api/v1/calendar/notices', { year: 2027, text: '2027-01-01 放假 元旦\n2027-01-02 待定' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ path: 'text.2', code: 'notice_line_unreadable' });
  });

  it('admin: a partial notice is accepted with warnings naming the statutory days it leaves out', async () => {
    const preview = (await admin.post('/api/v1/calendar/notices/preview', { year: 2027, text: '2027-01-01 至 2027-01-03 放假 元旦\n2027-01-04 上班' })).json();
    expect(preview.errors).toEqual([]);
    expect(preview.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['notice_workday_on_weekday', 'notice_statutory_day_missing']));
    expect(preview.warnings.find((w: { code: string }) => w.code === 'notice_statutory_day_missing').message).toContain('2027-02-05（春节）');
  });

  it('admin: a year the official data covers cannot be entered; a supervisor cannot enter a notice at all', async () => {
    const official = await admin.post('/api/v1/calendar/notices', { year: 2026, text: NOTICE_2027 });
    expect(official.statusCode).toBe(409);
    expect(official.json().code).toBe('calendar_year_official');
    expect((await supervisor.post('/api/v1/calendar/notices', { year: 2027, text: NOTICE_2027 })).statusCode).toBe(403);
    expect((await supervisor.post('/api/v1/calendar/notices/preview', { year: 2027, text: NOTICE_2027 })).statusCode).toBe(403);
  });
});

describe('follow-up visits on the calendar', () => {
  it('supervisor: a confirmation visit counted into 2027 is 暂定; entering the notice clears the mark, a company rest day moves it, and the issue’s timeline says so', async () => {
    const household = await makeHousehold(t, { companyId, communityId, room: '1203' });
    const issue = (await raise({ householdId: household.id, categoryId: categories['保洁'], replyMode: 'oral' })).json();
    await admin.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'start' });
    const resolved = await admin.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'resolve', comment: '已清理楼道' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', confirmationTaskId: expect.any(Number) });
    const taskId = resolved.json().confirmationTaskId;
    // Resolved on Thursday 31 Dec 2026; 3 working days on the statutory holidays alone (元旦 1 Jan): Wednesday 6 Jan.
    expect((await supervisor.get(`/api/v1/visit-tasks/${taskId}`)).json()).toMatchObject({ reason: 'confirmation', dueDate: '2027-01-06', dueProvisional: true });

    const preview = (await admin.post('/api/v1/calendar/notices/preview', { year: 2027, text: NOTICE_2027 })).json();
    expect(preview.affectedIssues, 'the preview counts the follow-up visit too').toBeGreaterThanOrEqual(1);
    expect((await supervisor.get(`/api/v1/visit-tasks/${taskId}`)).json().dueProvisional, 'a preview changes nothing').toBe(true);

    expect((await admin.post('/api/v1/calendar/notices', { year: 2027, text: NOTICE_2027 })).statusCode).toBe(201);
    expect((await supervisor.get(`/api/v1/visit-tasks/${taskId}`)).json()).toMatchObject({ dueDate: '2027-01-06', dueProvisional: false });
    const timeline = (await supervisor.get(`/api/v1/issues/${issue.id}`)).json().timeline;
    expect(timeline.at(-1)).toMatchObject({
      type: 'deadlines_recomputed',
      data: { cause: { kind: 'notice', year: 2027 }, followUps: [{ taskId, reason: 'confirmation', from: '2027-01-06', to: '2027-01-06', provisional: false }] },
    });

    const restDay = await admin.post('/api/v1/calendar/overrides', { date: '2027-01-05', kind: 'rest_day', note: '公司年会' });
    expect((await supervisor.get(`/api/v1/visit-tasks/${taskId}`)).json().dueDate).toBe('2027-01-07');
    await admin.delete(`/api/v1/calendar/overrides/${restDay.json().override.id}`);
    expect((await supervisor.get(`/api/v1/visit-tasks/${taskId}`)).json().dueDate).toBe('2027-01-06');

    // A due date the supervisor sets is theirs: the calendar no longer recounts it.
    expect((await supervisor.patch(`/api/v1/visit-tasks/${taskId}`, { dueDate: '2027-01-08' })).statusCode).toBe(200);
    await admin.post('/api/v1/calendar/overrides', { date: '2027-01-07', kind: 'rest_day' });
    expect((await supervisor.get(`/api/v1/visit-tasks/${taskId}`)).json()).toMatchObject({ dueDate: '2027-01-08', dueProvisional: false });
  });
});
