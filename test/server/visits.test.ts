import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { answersFor, loginAs, makeCommunity, makeCompany, makeUser, tokenClient, type Client } from '../helpers/factories.js';
import { addDays } from '../../src/shared/shanghai.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let communityId: number;
let supervisor: Client;
let visitorA: Client;
let visitorB: Client;
let visitorAId: number;
let visitorBId: number;
let questionnaireId: number;
// The server's clock stands at a Wednesday afternoon, so "today at 10:00" is in the past whenever the suite runs.
const today = '2025-06-18';

beforeAll(async () => {
  t = await createTestApp({}, { at: `${today}T15:00:00+08:00` });
  company = await makeCompany(t);
  communityId = (await makeCommunity(t, company.companyId, '阳光花园')).id;
  const sup = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [communityId] });
  const a = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [communityId], displayName: '张回访' });
  const b = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [communityId], displayName: '李回访' });
  [supervisor, visitorA, visitorB] = await Promise.all([loginAs(t.app, sup.username), loginAs(t.app, a.username), loginAs(t.app, b.username)]);
  visitorAId = a.id;
  visitorBId = b.id;
  questionnaireId = (await supervisor.get('/api/v1/questionnaires')).json().items.find((q: { builtin: boolean }) => q.builtin).id;
  for (let i = 1; i <= 6; i++) {
    const h = await supervisor.post(`/api/v1/communities/${communityId}/households`, { building: '1', unit: '1', room: `${i}01` });
    await supervisor.post(`/api/v1/households/${h.json().id}/residents`, { name: `业主${i}`, role: 'owner', phones: [`1390000000${i}`] });
  }
});
afterAll(() => t.close());

const ratings = (score: number) => ({ cleaning: score, security: score, greening: score, repairs: score, facilities: score, fees: score, service: score, overall: score });
const times = (day = today) => ({ startedAt: `${day}T10:00:00+08:00`, endedAt: `${day}T10:12:00+08:00` });

async function task(assigneeId: number, dueDate = today) {
  const households = (await supervisor.get(`/api/v1/communities/${communityId}/households?limit=200`)).json().items;
  for (const h of households) {
    const res = await supervisor.post('/api/v1/visit-tasks', { householdId: h.id, assigneeId, reason: 'periodic', method: 'phone', dueDate, questionnaireId });
    if (res.statusCode === 201) return res.json();
  }
  throw new Error('no household left');
}

describe('questionnaires', () => {
  it('supervisor: finds the default template with all seven dimensions, copies it and publishes a version 2', async () => {
    const q = (await supervisor.get(`/api/v1/questionnaires/${questionnaireId}`)).json();
    expect(q.latestVersion.version).toBe(1);
    const copy = await supervisor.post(`/api/v1/questionnaires/${questionnaireId}/duplicate`, { name: '阳光花园专用问卷' });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ scope: 'community', communityId, builtin: false });
    const questions = [...copy.json().latestVersion.questions, { key: 'parking', type: 'rating', title: '停车管理', required: true, dimension: '安保' }];
    const v2 = await supervisor.post(`/api/v1/questionnaires/${copy.json().id}/versions`, { questions });
    expect(v2.json().latestVersion.version).toBe(2);
    const dup = await supervisor.post(`/api/v1/questionnaires/${copy.json().id}/versions`, { questions: [...questions, questions[0]] });
    expect(dup.statusCode).toBe(422);
    const companyWide = await supervisor.post(`/api/v1/questionnaires/${questionnaireId}/versions`, { questions });
    expect(companyWide.statusCode).toBe(403);
    expect(companyWide.json().code).toBe('questionnaire_company_wide');
  });
});

describe('tasks', () => {
  it('supervisor: creates tasks in bulk for every household, spread evenly between two visitors', async () => {
    const bulk = await supervisor.post('/api/v1/visit-tasks/bulk', {
      communityId,
      filter: {},
      assigneeIds: [visitorAId, visitorBId],
      reason: 'periodic',
      method: 'phone',
      dueDate: addDays(today, 7),
    });
    expect(bulk.statusCode).toBe(201);
    expect(bulk.json().created).toBe(6);
    expect(bulk.json().perAssignee.map((p: { count: number }) => p.count)).toEqual([3, 3]);
    const created = (await supervisor.get(`/api/v1/visit-tasks?communityId=${communityId}&limit=200`)).json().items;
    expect(created.every((tk: { residentName: string }) => tk.residentName?.startsWith('业主'))).toBe(true);
    const again = (await supervisor.post('/api/v1/visit-tasks/bulk', { communityId, assigneeIds: [visitorAId], reason: 'periodic', method: 'phone', dueDate: today })).json();
    expect(again.created).toBe(0);
    // Clean up for the next tests: cancel them all.
    for (const tk of (await supervisor.get(`/api/v1/visit-tasks?communityId=${communityId}&limit=200`)).json().items) {
      expect((await supervisor.post(`/api/v1/visit-tasks/${tk.id}/cancel`, { reason: '测试清理' })).json().status).toBe('cancelled');
    }
  });

  it('visitor: sees only their own tasks, split into today, overdue and upcoming', async () => {
    const due = await task(visitorAId, today);
    const late = await task(visitorAId, addDays(today, -3));
    const later = await task(visitorAId, addDays(today, 5));
    const other = await task(visitorBId, today);
    const ids = async (view: string) => (await visitorA.get(`/api/v1/visit-tasks?view=${view}`)).json().items.map((x: { id: number }) => x.id);
    expect(await ids('today')).toEqual([due.id]);
    expect(await ids('overdue')).toEqual([late.id]);
    expect(await ids('upcoming')).toEqual([later.id]);
    expect(await ids('all')).not.toContain(other.id);
    expect((await visitorA.get(`/api/v1/visit-tasks/${other.id}`)).statusCode).toBe(404);
    for (const tk of [due, late, later, other]) await supervisor.post(`/api/v1/visit-tasks/${tk.id}/cancel`, { reason: '测试清理' });
  });

  it('visitor: two failed calls keep the task open; the third makes it unreachable', async () => {
    const tk = await task(visitorAId);
    const first = await visitorA.post(`/api/v1/visit-tasks/${tk.id}/attempts`, { result: 'no_answer' });
    expect(first.json()).toMatchObject({ status: 'pending', attemptCount: 1 });
    await visitorA.post(`/api/v1/visit-tasks/${tk.id}/attempts`, { result: 'call_back_later', note: '晚上再打' });
    expect((await visitorA.post(`/api/v1/visit-tasks/${tk.id}/attempts`, { result: 'busy' })).json()).toMatchObject({ status: 'pending', attemptCount: 2 });
    expect((await visitorA.post(`/api/v1/visit-tasks/${tk.id}/attempts`, { result: 'wrong_number' })).json().status).toBe('unreachable');
    const attempts = (await visitorA.get(`/api/v1/visit-tasks/${tk.id}/attempts`)).json();
    expect(attempts.items.map((x: { result: string }) => x.result)).toEqual(['no_answer', 'call_back_later', 'busy', 'wrong_number']);
    const closed = await visitorA.post(`/api/v1/visit-tasks/${tk.id}/attempts`, { result: 'no_answer' });
    expect(closed.json()).toMatchObject({ code: 'task_transition_invalid', allowed: [], detail: '任务当前状态为“无法联系”，不能执行“记为无法联系”。' });
  });

  it('visitor: an appointment moves the task to appointed; a visitor cannot reassign', async () => {
    const tk = await task(visitorAId);
    const res = await visitorA.patch(`/api/v1/visit-tasks/${tk.id}`, { appointmentAt: `${today}T19:00:00+08:00` });
    expect(res.json().status).toBe('appointed');
    expect((await visitorA.patch(`/api/v1/visit-tasks/${tk.id}`, { assigneeId: visitorBId })).statusCode).toBe(403);
    expect((await supervisor.patch(`/api/v1/visit-tasks/${tk.id}`, { assigneeId: visitorBId })).json().assigneeName).toBe('李回访');
    await supervisor.post(`/api/v1/visit-tasks/${tk.id}/cancel`, { reason: '测试清理' });
  });
});

describe('visit records', () => {
  it('visitor: records a visit with scores and a complaint; the task completes; a retry with the same key creates nothing', async () => {
    const tk = await task(visitorAId);
    const body = {
      answers: { ...ratings(4), cleaning: 2, cleaning_issue: '楼道有垃圾', recommend: 8 },
      ...times(),
      spokenTo: '业主本人',
      opinions: '保洁不及时',
      items: [{ kind: 'complaint', category: '保洁', description: '3 楼楼道垃圾两天没人清理' }],
    };
    const first = await visitorA.post(`/api/v1/visit-tasks/${tk.id}/record`, body, { 'idempotency-key': 'rec-key-0001' });
    expect(first.statusCode).toBe(201);
    const rec = first.json();
    expect(rec).toMatchObject({ taskId: tk.id, outcome: 'completed', visitDate: today, backdated: false, visitorName: '张回访', items: [{ kind: 'complaint', category: '保洁' }] });
    expect(rec.averageScore).toBe(3.75);
    expect((await supervisor.get(`/api/v1/visit-records/${rec.id}`)).json()).toEqual(rec);
    expect((await visitorA.get(`/api/v1/visit-tasks/${tk.id}`)).json()).toMatchObject({ status: 'completed', recordId: rec.id });

    const retry = await visitorA.post(`/api/v1/visit-tasks/${tk.id}/record`, body, { 'idempotency-key': 'rec-key-0001' });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(rec.id);
    expect((await supervisor.get(`/api/v1/visit-records?householdId=${tk.householdId}`)).json().total).toBe(1);

    const again = await visitorA.post(`/api/v1/visit-tasks/${tk.id}/record`, body, { 'idempotency-key': 'rec-key-0002' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('task_closed');
    const other = await task(visitorAId);
    const reused = await visitorA.post(`/api/v1/visit-tasks/${other.id}/record`, body, { 'idempotency-key': 'rec-key-0001' });
    expect(reused.json().code).toBe('idempotency_key_reused');
    await supervisor.post(`/api/v1/visit-tasks/${other.id}/cancel`, { reason: '测试清理' });
  });

  it('visitor: a visit that raises nothing is recorded with its task closed and one audit entry naming the record; a retry adds nothing', async () => {
    const tk = await task(visitorAId);
    const body = { answers: ratings(5), ...times(), spokenTo: '业主本人' };
    const first = await visitorA.post(`/api/v1/visit-tasks/${tk.id}/record`, body, { 'idempotency-key': 'plain-key-0001' });
    expect(first.statusCode).toBe(201);
    const rec = first.json();
    expect(rec).toMatchObject({ taskId: tk.id, items: [], attachments: [], averageScore: 5 });
    expect((await supervisor.get(`/api/v1/visit-records/${rec.id}`)).json()).toEqual(rec);
    expect((await visitorA.get(`/api/v1/visit-tasks/${tk.id}`)).json()).toMatchObject({ status: 'completed', recordId: rec.id });
    const entries = () => t.handle.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'record').where('entity_id', '=', String(rec.id)).execute();
    const [entry, ...more] = await entries();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ company_id: company.companyId, community_id: communityId, actor_id: visitorAId, actor_name: '张回访', action: 'visit.record' });
    expect(JSON.parse(entry.after!)).toEqual({ taskId: tk.id, outcome: 'completed', visitDate: today, items: 0 });

    const retry = await visitorA.post(`/api/v1/visit-tasks/${tk.id}/record`, body, { 'idempotency-key': 'plain-key-0001' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(rec.id);
    expect(await entries()).toHaveLength(1);
  });

  it('visitor: answers that do not fit the version get 422 with one error per field', async () => {
    const tk = await task(visitorAId);
    const res = await visitorA.post(`/api/v1/visit-tasks/${tk.id}/record`, { answers: { cleaning: 7, security: 'good', bogus: 1 }, ...times() }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('answers_invalid');
    const byPath = Object.fromEntries(res.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]));
    expect(byPath).toMatchObject({ 'answers.cleaning': 'out_of_range', 'answers.security': 'wrong_type', 'answers.bogus': 'unknown_question', 'answers.overall': 'required' });
    await supervisor.post(`/api/v1/visit-tasks/${tk.id}/cancel`, { reason: '测试清理' });
  });

  it('visitor: recording someone else’s task is refused as not theirs', async () => {
    const tk = await task(visitorBId);
    const res = await visitorA.post(`/api/v1/visit-tasks/${tk.id}/record`, { answers: ratings(5), ...times() });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('task_not_yours');
    await supervisor.patch(`/api/v1/visit-tasks/${tk.id}`, { assigneeId: visitorAId });
    const reassigned = await visitorB.post(`/api/v1/visit-tasks/${tk.id}/record`, { answers: ratings(5), ...times() });
    expect(reassigned.json().code).toBe('task_not_yours');
    await supervisor.post(`/api/v1/visit-tasks/${tk.id}/cancel`, { reason: '测试清理' });
  });

  it('supervisor: enters a paper questionnaire with its real date a week ago; it is marked and audited as back-dated', async () => {
    const tk = await task(visitorAId, addDays(today, -7));
    const paper = await supervisor.post(`/api/v1/visit-tasks/${tk.id}/record`, { method: 'written', answers: ratings(5), ...times(addDays(today, -7)) });
    expect(paper.statusCode).toBe(201);
    expect(paper.json()).toMatchObject({ method: 'written', visitDate: addDays(today, -7), backdated: true });
    const admin = await loginAs(t.app, company.adminUsername);
    const audit = (await admin.get(`/api/v1/audit-log?action=visit.record_backdated&entityId=${paper.json().id}`)).json();
    expect(audit.total).toBe(1);
  });

  it('visitor: corrects a submitted record only with a reason; the correction stays on the record', async () => {
    const tk = await task(visitorAId);
    const rec = (await visitorA.post(`/api/v1/visit-tasks/${tk.id}/record`, { answers: ratings(3), ...times() })).json();
    expect((await visitorA.post(`/api/v1/visit-records/${rec.id}/corrections`, { opinions: '改' })).statusCode).toBe(400);
    const fixed = (await visitorA.post(`/api/v1/visit-records/${rec.id}/corrections`, { reason: '录错了分数', answers: ratings(5) })).json();
    expect(fixed.averageScore).toBe(5);
    expect(fixed.corrections).toEqual([expect.objectContaining({ reason: '录错了分数', fields: ['answers'], userName: '张回访' })]);
  });

  it('visitor: attaches a photo; other files and oversize files are refused; downloads cannot run in the browser', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    const upload = (content: Buffer, name: string, client = visitorA) => {
      const boundary = '----huifangtest';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return client.request('POST', '/api/v1/attachments', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    };
    const ok = await upload(png, '楼道.png');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ contentType: 'image/png', fileName: '楼道.png' });
    const script = await upload(Buffer.from('<script>alert(1)</script>'), 'x.png');
    expect(script.statusCode).toBe(415);
    expect(script.json().code).toBe('attachment_type');
    const big = await upload(Buffer.concat([png, Buffer.alloc(11 * 1024 * 1024)]), 'big.png');
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('attachment_too_large');
    const cut = await visitorA.request('POST', '/api/v1/attachments', Buffer.concat([
      Buffer.from('------huifangtest\r\nContent-Disposition: form-data; name="file"; filename="cut.png"\r\nContent-Type: image/png\r\n\r\n'),
      png,
    ]), { 'content-type': 'multipart/form-data; boundary=----huifangtest' });
    expect(cut.statusCode, 'a body cut short is malformed, not too large').toBe(400);
    expect(cut.json().code).toBe('multipart_invalid');

    const tk = await task(visitorAId);
    const rec = (await visitorA.post(`/api/v1/visit-tasks/${tk.id}/record`, { answers: ratings(4), ...times(), attachmentIds: [ok.json().id] })).json();
    expect(rec.attachments.map((a: { id: number }) => a.id)).toEqual([ok.json().id]);
    const download = await supervisor.get(`/api/v1/attachments/${ok.json().id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect((await visitorB.get(`/api/v1/attachments/${ok.json().id}/content`)).statusCode).toBe(404);
  });

  it('visitor: the briefing shows the residents, the last visit’s score, open items and the community’s recent complaints', async () => {
    const records = (await supervisor.get('/api/v1/visit-records?hasItems=true')).json();
    const householdId = records.items[0].householdId;
    const tk = (await supervisor.post('/api/v1/visit-tasks', { householdId, assigneeId: visitorAId, reason: 'after_complaint', method: 'door', dueDate: today })).json();
    const brief = (await visitorA.get(`/api/v1/visit-tasks/${tk.id}/briefing`)).json();
    expect(brief.residents[0].phones[0].masked).toMatch(/\*\*\*\*/);
    expect(brief.lastVisits[0].averageScore).not.toBeNull();
    expect(brief.openItems[0]).toMatchObject({ kind: 'complaint', category: '保洁' });
    expect(brief.communityComplaints).toEqual([{ category: '保洁', count: 1 }]);
  });

  it('supervisor: filters records by score and items, and exports them as a 回访记录表', async () => {
    const low = (await supervisor.get('/api/v1/visit-records?maxScore=3.9')).json();
    expect(low.items.every((r: { averageScore: number }) => r.averageScore <= 3.9)).toBe(true);
    expect(low.total).toBeGreaterThan(0);
    const res = await supervisor.get(`/api/v1/visit-records/export.xlsx?communityId=${communityId}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('回访记录表')!;
    const header = sheet.getSheetValues().findIndex((r) => Array.isArray(r) && r.includes('回访日期'));
    expect(sheet.getRow(header).values).toEqual(expect.arrayContaining(['回访日期', '小区', '回访人员', '回访对象', '回访方式', '回访内容', '问题概述', '改进措施', '处理状态']));
    const rows = sheet.getSheetValues().slice(header + 1).map((r) => (r as unknown[]).join('|'));
    expect(rows.some((r) => r.includes('3 楼楼道垃圾两天没人清理') && r.includes('张回访'))).toBe(true);
    expect((await visitorA.get('/api/v1/visit-records/export.xlsx')).statusCode).toBe(403);
  });
});

describe('rules decided by the server', () => {
  beforeAll(async () => {
    for (let i = 7; i <= 10; i++) await supervisor.post(`/api/v1/communities/${communityId}/households`, { building: '2', unit: '1', room: `${i}01` });
  });

  it('visitor: a task that names no questionnaire is answered in the community’s built-in one; its detail and briefing carry the version', async () => {
    const households = (await supervisor.get(`/api/v1/communities/${communityId}/households?limit=200`)).json().items;
    const plain = (await supervisor.post('/api/v1/visit-tasks', { householdId: households.at(-1).id, assigneeId: visitorAId, reason: 'periodic', method: 'phone', dueDate: today })).json();
    const builtin = (await supervisor.get(`/api/v1/questionnaires/${questionnaireId}`)).json();
    const detail = (await visitorA.get(`/api/v1/visit-tasks/${plain.id}`)).json();
    expect(detail.questionnaire).toMatchObject({ id: questionnaireId, name: builtin.name, versionId: builtin.latestVersion.id, version: 1 });
    expect(detail.questionnaire.questions.map((q: { key: string }) => q.key)).toContain('overall');
    expect((await visitorA.get(`/api/v1/visit-tasks/${plain.id}/briefing`)).json().task.questionnaire).toEqual(detail.questionnaire);
    await supervisor.post(`/api/v1/visit-tasks/${plain.id}/cancel`, { reason: '测试清理' });
  });

  it('an API client completing a visit without the required answers gets 422 answers_invalid naming each missing question, in Chinese and English', async () => {
    const tk = await task(visitorAId);
    const { client } = await tokenClient(t.app, visitorA);
    const zh = await client.post(`/api/v1/visit-tasks/${tk.id}/record`, times());
    expect(zh.statusCode).toBe(422);
    expect(zh.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(zh.json()).toMatchObject({ code: 'answers_invalid', title: '问卷答案有误' });
    const required = Object.entries(ratings(5)).map(([key]) => ({ path: `answers.${key}`, code: 'required' }));
    expect(zh.json().errors).toEqual(expect.arrayContaining(required.map((e) => expect.objectContaining(e))));
    const en = await client.post(`/api/v1/visit-tasks/${tk.id}/record`, times(), { 'accept-language': 'en' });
    expect(en.json()).toMatchObject({ code: 'answers_invalid', title: 'Answers do not fit the questionnaire' });
    expect((await visitorA.get(`/api/v1/visit-tasks/${tk.id}`)).json().status).toBe('pending');
    await supervisor.post(`/api/v1/visit-tasks/${tk.id}/cancel`, { reason: '测试清理' });
  });

  it('an API client completing a visit with the answers records the questionnaire version the task uses', async () => {
    const tk = await task(visitorAId);
    const { client } = await tokenClient(t.app, visitorA);
    const { questionnaire } = (await client.get(`/api/v1/visit-tasks/${tk.id}`)).json();
    const res = await client.post(`/api/v1/visit-tasks/${tk.id}/record`, { answers: await answersFor(client, tk.id), ...times() });
    expect(res.statusCode).toBe(201);
    expect(res.json().questionnaireVersionId).toBe(questionnaire.versionId);
    expect((await supervisor.get(`/api/v1/visit-records/${res.json().id}`)).json().questionnaireVersionId).toBe(questionnaire.versionId);
  });

  it('visitor: a questionnaire version published after visits were recorded is the one the next visit is checked against; a draft naming the earlier version is still accepted', async () => {
    const base = (await supervisor.get(`/api/v1/questionnaires/${questionnaireId}`)).json();
    const copy = (await supervisor.post(`/api/v1/questionnaires/${questionnaireId}/duplicate`, { name: '版本切换问卷' })).json();
    const taskWith = async () => {
      const households = (await supervisor.get(`/api/v1/communities/${communityId}/households?limit=200`)).json().items;
      for (const h of households) {
        const res = await supervisor.post('/api/v1/visit-tasks', { householdId: h.id, assigneeId: visitorAId, reason: 'periodic', method: 'phone', dueDate: today, questionnaireId: copy.id });
        if (res.statusCode === 201) return res.json();
      }
      throw new Error('no household left');
    };
    const [first, second] = [await taskWith(), await taskWith()];
    const v1Answers = await answersFor(visitorA, second.id);
    const before = await visitorA.post(`/api/v1/visit-tasks/${first.id}/record`, { answers: await answersFor(visitorA, first.id), ...times() });
    expect(before.json().questionnaireVersionId).toBe(copy.latestVersion.id);

    const questions = [...base.latestVersion.questions, { key: 'parking', type: 'rating', title: '停车管理', required: true, dimension: '安保' }];
    const v2 = (await supervisor.post(`/api/v1/questionnaires/${copy.id}/versions`, { questions })).json().latestVersion;
    const stale = await visitorA.post(`/api/v1/visit-tasks/${second.id}/record`, { answers: v1Answers, ...times() });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().errors).toContainEqual(expect.objectContaining({ path: 'answers.parking', code: 'required' }));
    const draft = await visitorA.post(`/api/v1/visit-tasks/${second.id}/record`, { questionnaireVersionId: copy.latestVersion.id, answers: v1Answers, ...times() });
    expect(draft.statusCode).toBe(201);
    expect(draft.json().questionnaireVersionId).toBe(copy.latestVersion.id);

    const third = await taskWith();
    const after = await visitorA.post(`/api/v1/visit-tasks/${third.id}/record`, { answers: await answersFor(visitorA, third.id), ...times() });
    expect(after.statusCode).toBe(201);
    expect(after.json().questionnaireVersionId).toBe(v2.id);
  });

  it('an API client naming a version of another questionnaire gets 422 questionnaire_version_not_for_task', async () => {
    const tk = await task(visitorAId);
    const other = (await supervisor.get('/api/v1/questionnaires?limit=200')).json().items.find((q: { builtin: boolean }) => !q.builtin);
    const res = await visitorA.post(`/api/v1/visit-tasks/${tk.id}/record`, { questionnaireVersionId: other.latestVersion.id, answers: await answersFor(visitorA, tk.id), ...times() }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'questionnaire_version_not_for_task', title: 'Wrong questionnaire version' });
    await supervisor.post(`/api/v1/visit-tasks/${tk.id}/cancel`, { reason: '测试清理' });
  });

  it('visitor: an unreachable attempt needs no answers, nor does a refused visit', async () => {
    const unreachable = await task(visitorAId);
    for (const result of ['no_answer', 'busy', 'no_answer'] as const) await visitorA.post(`/api/v1/visit-tasks/${unreachable.id}/attempts`, { result });
    expect((await visitorA.get(`/api/v1/visit-tasks/${unreachable.id}`)).json().status).toBe('unreachable');
    const refusing = await task(visitorAId);
    const refused = await visitorA.post(`/api/v1/visit-tasks/${refusing.id}/record`, { outcome: 'refused', ...times() });
    expect(refused.statusCode).toBe(201);
    expect(refused.json()).toMatchObject({ outcome: 'refused', answers: {} });
  });

  it('visitor and supervisor: each task says what the caller may do with it, open or closed', async () => {
    const open = await task(visitorAId);
    expect((await visitorA.get(`/api/v1/visit-tasks/${open.id}`)).json().allowedActions).toEqual(['record', 'attempt', 'appoint']);
    expect((await supervisor.get(`/api/v1/visit-tasks/${open.id}`)).json().allowedActions).toEqual(['record', 'attempt', 'appoint', 'reassign', 'cancel']);
    const listed = (await visitorA.get('/api/v1/visit-tasks?view=all&limit=200')).json().items.find((x: { id: number }) => x.id === open.id);
    expect(listed.allowedActions).toEqual(['record', 'attempt', 'appoint']);
    await supervisor.post(`/api/v1/visit-tasks/${open.id}/cancel`, { reason: '测试清理' });
    expect((await visitorA.get(`/api/v1/visit-tasks/${open.id}`)).json().allowedActions).toEqual([]);
    expect((await supervisor.get(`/api/v1/visit-tasks/${open.id}/briefing`)).json().task.allowedActions).toEqual([]);
  });

  it('visitor and supervisor: a record says whether the caller may correct it — its visitor and a supervisor may, a reader of records may not', async () => {
    const tk = await task(visitorBId);
    const rec = await visitorB.post(`/api/v1/visit-tasks/${tk.id}/record`, { answers: ratings(4), ...times() });
    expect(rec.json().canCorrect).toBe(true);
    expect((await visitorB.get(`/api/v1/visit-records/${rec.json().id}`)).json().canCorrect).toBe(true);
    expect((await supervisor.get(`/api/v1/visit-records/${rec.json().id}`)).json().canCorrect).toBe(true);
    const listed = (await supervisor.get(`/api/v1/visit-records?visitorId=${visitorBId}&limit=200`)).json().items.find((r: { id: number }) => r.id === rec.json().id);
    expect(listed.canCorrect).toBe(true);
    const admin = await loginAs(t.app, company.adminUsername);
    const reader = await makeUser(t, { companyId: company.companyId, roleId: (await admin.post('/api/v1/roles', { name: '只读回访', permissions: ['communities.read', 'visits.read'] })).json().id, communityIds: [communityId] });
    const readerClient = await loginAs(t.app, reader.username);
    expect((await readerClient.get(`/api/v1/visit-records/${rec.json().id}`)).json().canCorrect).toBe(false);
    expect((await readerClient.post(`/api/v1/visit-records/${rec.json().id}/corrections`, { reason: '试图修改', opinions: '改' })).statusCode).toBe(403);
  });
});
