/**
 * Every xlsx export, read back as a spreadsheet program would: the roster, the roster import's error
 * report, the 回访记录表 and the 问题台账. The server's clock stands at 03:24 on Wednesday 2 December 2026 in
 * Shanghai (19:24 UTC the day before), so a file name made from the UTC date would be a day early.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/server/clock.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { answersFor, loginAs, makeCommunity, makeCompany, makeUser, type Client } from '../helpers/factories.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let east: { id: number; name: string };
let west: { id: number; name: string };
let supervisor: Client;
let visitor: Client;
let manager: Client;
let visitorId: number;
let supervisorId: number;
const AT = '2026-12-01T19:24:00Z';
const TODAY = '2026-12-02';
/** household id and resident id, by community */
const homes: Record<'east' | 'west', { id: number; residentId: number }[]> = { east: [], west: [] };

/**
 * Cell texts that a spreadsheet would run as formulas once its control characters and blanks are dropped.
 * PostgreSQL cannot store NUL in text at all, so there the first one starts with U+0001 instead.
 */
const HOSTILE = [process.env.TEST_DATABASE_URL ? '\u0001=1+1' : '\u0000=1+1', '\t=1', '\r@SUM(1)', ' =1', '\u001f+HYPERLINK("http://evil.example")', '\u007f-2+3+cmd|x', '\u00a0=1', '\u200b@x'];

/** What a hostile text must look like in the file: its control characters gone, behind an apostrophe (XML reads CR as LF). */
// eslint-disable-next-line no-control-regex -- the control characters are what is tested
const neutralised = (text: string) => `'${text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\r/g, '\n')}`;

/** True when a spreadsheet would run the cell: after control characters and blanks, it starts with = + - @. */
// eslint-disable-next-line no-control-regex -- the control characters are what is tested
const runnable = (value: unknown) => typeof value === 'string' && /^[\s\u0000-\u001f\u007f\u200b-\u200d\ufeff]*[=+\-@]/.test(value);

async function workbook(res: { rawPayload: Buffer }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** Every cell value of every sheet. */
function cells(wb: ExcelJS.Workbook): unknown[] {
  const out: unknown[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push(cell.value))));
  return out;
}

const fileName = (res: { headers: Record<string, unknown> }) => decodeURIComponent(String(res.headers['content-disposition']).split("filename*=UTF-8''")[1]);
const fallbackName = (res: { headers: Record<string, unknown> }) => /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))?.[1];

beforeAll(async () => {
  t = await createTestApp({}, { at: AT });
  company = await makeCompany(t, '阳光物业');
  east = await makeCommunity(t, company.companyId, '阳光花园');
  west = await makeCommunity(t, company.companyId, '翠湖苑');
  const sup = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [east.id, west.id], displayName: '王主管' });
  const vis = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [east.id, west.id], displayName: '张回访' });
  const man = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.manager, displayName: '周经理' });
  visitorId = vis.id;
  supervisorId = sup.id;
  [supervisor, visitor, manager] = await Promise.all([sup, vis, man].map((u) => loginAs(t.app, u.username)));
  for (const [key, community] of [['east', east], ['west', west]] as const) {
    for (let i = 1; i <= 4; i++) {
      const h = await supervisor.post(`/api/v1/communities/${community.id}/households`, { building: '1', unit: '2', room: `${i}01` });
      const r = await supervisor.post(`/api/v1/households/${h.json().id}/residents`, { name: `${key === 'east' ? '东' : '西'}业主${i}`, role: 'owner', phones: [`1390000${key === 'east' ? 1 : 2}00${i}`] });
      homes[key].push({ id: h.json().id, residentId: r.json().id });
    }
  }
});
afterAll(() => t.close());

/** A visit recorded now for a household, through the API. */
async function recordVisit(home: { id: number; residentId: number }, body: Record<string, unknown> = {}, reason = 'periodic') {
  const task = await supervisor.post('/api/v1/visit-tasks', { householdId: home.id, residentId: home.residentId, assigneeId: visitorId, reason, method: 'phone', dueDate: TODAY });
  expect(task.statusCode, task.body).toBe(201);
  const times = { startedAt: new Date(t.clock.now() - 600_000).toISOString(), endedAt: nowIso() };
  const res = await visitor.post(`/api/v1/visit-tasks/${task.json().id}/record`, { answers: await answersFor(visitor, task.json().id), ...times, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('exports: the formula defence', () => {
  it('supervisor: a roster whose names and notes start with control characters or blanks before = + - @ exports nothing a spreadsheet would run', async () => {
    const db = t.handle.db;
    const ids = homes.east.map((h) => h.residentId);
    for (const [i, id] of ids.entries()) {
      await db.updateTable('residents').set({ name: HOSTILE[2 * i], notes: HOSTILE[2 * i + 1] }).where('id', '=', id).execute();
    }
    const res = await supervisor.get(`/api/v1/communities/${east.id}/roster.xlsx`);
    expect(res.statusCode).toBe(200);
    const sheet = (await workbook(res)).worksheets[0];
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => [r[3], r[8]])).toEqual(ids.map((_, i) => [neutralised(HOSTILE[2 * i]), neutralised(HOSTILE[2 * i + 1])]));
    expect(cells(await workbook(res)).filter(runnable)).toEqual([]);
    for (const [i, id] of ids.entries()) await db.updateTable('residents').set({ name: `东业主${i + 1}`, notes: '' }).where('id', '=', id).execute();
  });

  it("supervisor: an import's error report writes hostile values neutralised", async () => {
    const db = t.handle.db;
    const now = nowIso();
    const job = await db
      .insertInto('roster_imports')
      .values({ company_id: company.companyId, community_id: east.id, user_id: supervisorId, status: 'succeeded', dry_run: 0, file_name: '名单.csv', total: HOSTILE.length, processed: HOSTILE.length, created: 0, updated: 0, unchanged: 0, failed: HOSTILE.length, error_code: null, created_at: now, finished_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('roster_import_errors')
      .values(HOSTILE.map((value, i) => ({ import_id: job.id, row: i + 2, column: '姓名', code: 'formula_like', params: null, value })))
      .execute();
    const res = await supervisor.get(`/api/v1/roster-imports/${job.id}/error-report.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = await workbook(res);
    expect(cells(wb).filter(runnable)).toEqual([]);
    const values = wb.worksheets[0].getSheetValues().slice(2).map((r) => (r as unknown[]).at(-1));
    expect(values).toEqual(HOSTILE.map(neutralised));
  });

  it('supervisor: the visit-record export neutralises hostile opinions, measures, items and names', async () => {
    const db = t.handle.db;
    const home = homes.west[3];
    const record = await recordVisit(home, { opinions: '正常意见', items: [{ kind: 'problem', category: '维修', description: '正常描述' }] });
    await db.updateTable('visit_records').set({ opinions: HOSTILE[0], improvement_measures: HOSTILE[1], spoken_to: HOSTILE[2] }).where('id', '=', record.id).execute();
    await db.updateTable('visit_record_items').set({ description: HOSTILE[3] }).where('record_id', '=', record.id).execute();
    await db.updateTable('residents').set({ name: HOSTILE[4] }).where('id', '=', home.residentId).execute();
    const res = await supervisor.get(`/api/v1/visit-records/export.xlsx?householdId=${home.id}`);
    expect(res.statusCode).toBe(200);
    const all = cells(await workbook(res));
    expect(all.filter(runnable)).toEqual([]);
    expect(all).toContain(neutralised(HOSTILE[1]));
    await db.updateTable('residents').set({ name: '西业主4' }).where('id', '=', home.residentId).execute();
  });
});

describe('exports: file names carry the Shanghai date', () => {
  it('supervisor: at 03:24 on 2 December in Shanghai (19:24 UTC on the 1st) every export is named 2026-12-02', async () => {
    expect(new Date(t.clock.now()).toISOString().slice(0, 10)).toBe('2026-12-01');
    const roster = await supervisor.get(`/api/v1/communities/${east.id}/roster.xlsx`);
    expect(fileName(roster)).toBe(`阳光花园-业主名单-${TODAY}.xlsx`);
    const records = await supervisor.get('/api/v1/visit-records/export.xlsx');
    expect(fileName(records)).toBe(`回访记录表-${TODAY}.xlsx`);
    expect(fallbackName(records)).toBe(`visit-records-${TODAY}.xlsx`);
    const issues = await supervisor.get('/api/v1/issues/export.xlsx');
    expect(fileName(issues)).toBe(`问题台账-${TODAY}.xlsx`);
    expect(fallbackName(issues)).toBe(`issues-${TODAY}.xlsx`);
  });
});

/** The sheet's rows as arrays of cell values (1-based, like the sheet), and the header row's number. */
function table(sheet: ExcelJS.Worksheet, firstHeader: string) {
  const values = Array.from(sheet.getSheetValues(), (r) => (Array.isArray(r) ? r : []));
  const header = values.findIndex((r) => r[1] === firstHeader);
  const columns = values[header] as string[];
  const rows = values.slice(header + 1).filter((r) => r.length > 0);
  const col = (row: unknown[], name: string) => row[columns.indexOf(name)];
  return { values, header, columns, rows, col };
}

describe('exports: the 回访记录表', () => {
  let eastIssue: number;
  let westIssue: number;

  beforeAll(async () => {
    const east0 = await recordVisit(homes.east[0], { items: [{ kind: 'complaint', category: '保洁', description: '楼道垃圾两天没人清理' }] });
    const west0 = await recordVisit(homes.west[0], { items: [{ kind: 'problem', category: '维修', description: '单元门禁刷不开' }] });
    await recordVisit(homes.west[1], { opinions: '服务很好' });
    eastIssue = east0.items[0].issueId;
    westIssue = west0.items[0].issueId;
    expect((await supervisor.post(`/api/v1/issues/${westIssue}/transitions`, { event: 'start' })).statusCode).toBe(200);
  });

  it('supervisor of two communities: the sheet has a title with the company, the period and filters, a frozen header, a 小区 column and each item’s real issue status', async () => {
    const res = await supervisor.get(`/api/v1/visit-records/export.xlsx?from=${TODAY}&to=${TODAY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-export-truncated']).toBeUndefined();
    const sheet = (await workbook(res)).getWorksheet('回访记录表')!;
    const { values, header, columns, rows, col } = table(sheet, '回访日期');
    expect(values[1][1]).toBe('阳光物业 回访记录表');
    expect(values[2][1]).toContain(`期间：${TODAY} 至 ${TODAY}`);
    expect(values[2][1]).toContain('小区：翠湖苑、阳光花园');
    expect(values[3][1]).toContain('导出人：王主管');
    expect(values[3][1]).toContain(`${TODAY} 03:24（北京时间）`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(columns).toEqual(expect.arrayContaining(['回访日期', '小区', '回访对象', '回访人员', '回访方式', '回访事由', '问题概述', '处理状态']));
    expect(res.headers['x-export-total']).toBe(String(rows.length));
    const east = rows.find((r) => String(col(r, '问题概述')).includes('楼道垃圾'))!;
    const west = rows.find((r) => String(col(r, '问题概述')).includes('单元门禁'))!;
    expect([col(east, '小区'), col(east, '回访事由'), col(east, '处理状态')]).toEqual(['阳光花园', '定期回访', `问题 #${eastIssue}：新建`]);
    expect([col(west, '小区'), col(west, '处理状态')]).toEqual(['翠湖苑', `问题 #${westIssue}：处理中`]);
    expect(col(rows.find((r) => String(col(r, '回访内容')).includes('服务很好'))!, '处理状态')).toBe('无需跟进');
    expect(cells(await workbook(res))).not.toContain('已记录，待处理');
    // By community, then by date.
    const communities = rows.map((r) => col(r, '小区'));
    expect(communities).toEqual([...communities].sort((a, b) => rows.findIndex((r) => col(r, '小区') === a) - rows.findIndex((r) => col(r, '小区') === b)));
  });

  it('supervisor: one community’s export is named after it and lists only its records', async () => {
    const res = await supervisor.get(`/api/v1/visit-records/export.xlsx?communityId=${east.id}&hasItems=true`);
    expect(fileName(res)).toBe(`阳光花园-回访记录表-${TODAY}.xlsx`);
    const { values, rows, col } = table((await workbook(res)).worksheets[0], '回访日期');
    expect(values[2][1]).toContain('小区：阳光花园');
    expect(values[2][1]).toContain('反映事项：有');
    expect(new Set(rows.map((r) => col(r, '小区')))).toEqual(new Set(['阳光花园']));
  });

  it('visitor: a confirmation visit reads 复访确认 with the confirmed issue closed; the complainant’s follow-up reads 投诉回访', async () => {
    await supervisor.post(`/api/v1/issues/${eastIssue}/transitions`, { event: 'start' });
    const resolved = (await supervisor.post(`/api/v1/issues/${eastIssue}/transitions`, { event: 'resolve', comment: '已清理并加派保洁' })).json();
    expect(resolved.confirmationTaskId).toEqual(expect.any(Number));
    const times = { startedAt: new Date(t.clock.now() - 120_000).toISOString(), endedAt: nowIso() };
    const confirmation = await visitor.post(`/api/v1/visit-tasks/${resolved.confirmationTaskId}/record`, { ...times, confirmation: { solved: true, rating: 5 } });
    expect(confirmation.statusCode, confirmation.body).toBe(201);
    const followUp = (await visitor.get('/api/v1/visit-tasks?view=all&mine=true&reason=after_complaint')).json().items.find((tk: { issueId: number }) => tk.issueId === eastIssue);
    expect((await visitor.post(`/api/v1/visit-tasks/${followUp.id}/record`, { answers: await answersFor(visitor, followUp.id), ...times, opinions: '处理得很及时' })).statusCode).toBe(201);

    const { rows, col } = table((await workbook(await supervisor.get(`/api/v1/visit-records/export.xlsx?communityId=${east.id}`))).worksheets[0], '回访日期');
    const confirming = rows.find((r) => col(r, '回访事由') === '复访确认')!;
    expect(col(confirming, '问题概述')).toBe(`复访确认 问题 #${eastIssue}【投诉·保洁】楼道垃圾两天没人清理`);
    expect(col(confirming, '处理状态')).toBe(`问题 #${eastIssue}：已关闭`);
    const following = rows.find((r) => col(r, '回访事由') === '投诉回访')!;
    expect(col(following, '问题概述')).toBe(`跟进 问题 #${eastIssue}【投诉·保洁】楼道垃圾两天没人清理`);
    expect(col(following, '处理状态')).toBe(`问题 #${eastIssue}：已关闭`);
    // The visit that raised the complaint now shows it closed too.
    expect(rows.filter((r) => col(r, '回访事由') === '定期回访').map((r) => col(r, '处理状态'))).toContain(`问题 #${eastIssue}：已关闭`);
  });

  it('manager: with Accept-Language: en the sheet is in English, statuses and reasons included', async () => {
    const res = await manager.get(`/api/v1/visit-records/export.xlsx?communityId=${east.id}`, { 'accept-language': 'en' });
    expect(fileName(res)).toBe(`阳光花园-visit-records-${TODAY}.xlsx`);
    const sheet = (await workbook(res)).getWorksheet('Visit records')!;
    const { values, rows, col } = table(sheet, 'Date');
    expect(values[1][1]).toBe('阳光物业 — visit records');
    expect(values[2][1]).toContain('Community: 阳光花园');
    const confirming = rows.find((r) => col(r, 'Reason') === 'Confirmation visit')!;
    expect(col(confirming, 'Status')).toBe(`Issue #${eastIssue}: Closed`);
    expect(col(confirming, 'Problems raised')).toBe(`Confirms issue #${eastIssue} [Complaint · 保洁] 楼道垃圾两天没人清理`);
    expect(rows.map((r) => col(r, 'Reason'))).toEqual(expect.arrayContaining(['Periodic', 'After a complaint']));
  });

  it('manager: an export beyond the server’s row limit says so in the file and in the response, never silently', async () => {
    const all = await manager.get('/api/v1/visit-records/export.xlsx');
    const total = Number(all.headers['x-export-total']);
    expect(total).toBeGreaterThan(3);
    expect(all.headers['x-export-rows']).toBe(String(total));
    const limit = t.config.exportMaxRows;
    t.config.exportMaxRows = 2;
    try {
      const res = await manager.get('/api/v1/visit-records/export.xlsx');
      expect(res.headers).toMatchObject({ 'x-export-truncated': 'true', 'x-export-total': String(total), 'x-export-rows': '2', 'x-export-omitted': String(total - 2), 'x-export-limit': '2', 'x-export-limit-by': 'server' });
      const { values, rows } = table((await workbook(res)).worksheets[0], '回访日期');
      expect(rows).toHaveLength(2);
      expect(values[4][1]).toBe(`注意：本表只含前 2 条记录，另有 ${total - 2} 条未导出（共 ${total} 条，超出服务器的单次导出上限 2 条）。请缩小日期范围或按小区分别导出。`);
      const audit = await t.handle.db.selectFrom('audit_log').select('after').where('action', '=', 'visit.export').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(JSON.parse(audit.after!)).toMatchObject({ records: 2, total });
    } finally {
      t.config.exportMaxRows = limit;
    }
  });
});

describe('exports: the 问题台账', () => {
  it('supervisor: exports what the issue list shows with the same filters — title, filters, frozen header, names masked, words instead of codes', async () => {
    await recordVisit(homes.west[2], { items: [{ kind: 'suggestion', category: '绿化', description: '增加儿童游乐设施' }, { kind: 'complaint', category: '安保', description: '夜间东门无人值守' }] });
    const query = `communityId=${west.id}&open=true`;
    const list = (await supervisor.get(`/api/v1/issues?${query}&limit=200`)).json();
    expect(list.total).toBeGreaterThanOrEqual(3);
    const res = await supervisor.get(`/api/v1/issues/export.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    expect(fileName(res)).toBe(`翠湖苑-问题台账-${TODAY}.xlsx`);
    expect(res.headers['x-export-total']).toBe(String(list.total));
    const wb = await workbook(res);
    const sheet = wb.getWorksheet('问题台账')!;
    const { values, header, columns, rows, col } = table(sheet, '编号');
    expect(values[1][1]).toBe('阳光物业 问题台账');
    expect(values[2][1]).toContain('小区：翠湖苑');
    expect(values[2][1]).toContain('状态：未关闭');
    expect(values[3][1]).toContain(`截至 ${TODAY} 03:24（北京时间）`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(columns.slice(1)).toEqual(['编号', '小区', '房号', '住户', '类型', '类别', '描述', '来源', '登记时间', '优先级', '部门', '处理人', '状态', '回复期限', '答复时间', '解决期限', '解决时间', '是否逾期', '升级级别', '预计解决日期', '重开次数', '处理结果', '满意度', '关闭方式', '采纳情况']);
    expect(rows.map((r) => col(r, '编号'))).toEqual(list.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b));
    const complaint = rows.find((r) => col(r, '描述') === '夜间东门无人值守')!;
    const issue = list.items.find((i: { description: string }) => i.description === '夜间东门无人值守');
    expect(col(complaint, '小区')).toBe('翠湖苑');
    expect(col(complaint, '房号')).toBe('1栋2单元301');
    expect(col(complaint, '住户')).toBe('西***');
    expect([col(complaint, '类型'), col(complaint, '类别'), col(complaint, '来源'), col(complaint, '状态'), col(complaint, '升级级别'), col(complaint, '是否逾期')]).toEqual(['投诉', '安保', '回访', '新建', '未上报', '否']);
    expect(col(complaint, '部门')).toBe(issue.departmentName);
    expect(col(complaint, '登记时间')).toBe(`${TODAY} 03:14`);
    expect(col(complaint, '解决期限')).toMatch(/^\d{4}-\d{2}-\d{2} 24:00$/);
    expect(col(complaint, '关闭方式') ?? '').toBe('');
    expect(col(rows.find((r) => col(r, '类型') === '建议')!, '采纳情况')).toBe('待定');
    expect(col(rows.find((r) => col(r, '描述') === '单元门禁刷不开')!, '状态')).toBe('处理中');
    // Residents appear masked and without phones.
    const all = cells(wb);
    expect(all.some((v) => typeof v === 'string' && /西业主|1390000/.test(v))).toBe(false);
  });

  it('manager: the ledger reads in English with Accept-Language: en; the export is audited', async () => {
    const res = await manager.get(`/api/v1/issues/export.xlsx?kind=complaint`, { 'accept-language': 'en' });
    expect(fileName(res)).toBe(`issues-${TODAY}.xlsx`);
    const { values, rows, col } = table((await workbook(res)).getWorksheet('Issues')!, 'No.');
    expect(values[1][1]).toBe('阳光物业 — issue ledger');
    expect(values[2][1]).toContain('Kind: Complaint');
    expect(new Set(rows.map((r) => col(r, 'Kind')))).toEqual(new Set(['Complaint']));
    expect(rows.map((r) => col(r, 'Status'))).toEqual(expect.arrayContaining(['Closed', 'New']));
    const audit = await t.handle.db.selectFrom('audit_log').select(['after', 'actor_name']).where('action', '=', 'issue.export').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('周经理');
    expect(JSON.parse(audit.after!)).toMatchObject({ issues: rows.length, total: rows.length, filter: { kind: 'complaint' } });
  });

  it('handler with the export permission: the ledger holds only the issues routed to their department; visitors and plain handlers get 403', async () => {
    const db = t.handle.db;
    const west0 = (await supervisor.get(`/api/v1/issues?q=单元门禁`)).json().items[0];
    const role = await db
      .insertInto('roles')
      .values({ company_id: company.companyId, key: null, name: '部门文员', description: '', permissions: JSON.stringify(['communities.read', 'issues.handle', 'issues.export']), created_at: nowIso(), updated_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const clerk = await makeUser(t, { companyId: company.companyId, roleId: role.id, communityIds: [east.id, west.id], departmentId: west0.departmentId });
    const res = await (await loginAs(t.app, clerk.username)).get('/api/v1/issues/export.xlsx');
    expect(res.statusCode).toBe(200);
    const { rows, col } = table((await workbook(res)).worksheets[0], '编号');
    expect(rows.map((r) => col(r, '编号'))).toContain(west0.id);
    expect(new Set(rows.map((r) => col(r, '部门')))).toEqual(new Set([west0.departmentName]));

    const handler = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.handler, communityIds: [west.id], departmentId: west0.departmentId });
    for (const client of [visitor, await loginAs(t.app, handler.username)]) {
      const refused = await client.get('/api/v1/issues/export.xlsx');
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('problem+json');
    }
  });

  it('supervisor of another community: the ledger holds none of these issues, and naming their community is a 404', async () => {
    const north = await makeCommunity(t, company.companyId, '金桂园');
    const other = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [north.id] });
    const client = await loginAs(t.app, other.username);
    const res = await client.get('/api/v1/issues/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-export-total']).toBe('0');
    expect(table((await workbook(res)).worksheets[0], '编号').rows).toEqual([]);
    expect((await client.get(`/api/v1/issues/export.xlsx?communityId=${west.id}`)).statusCode).toBe(404);
  });

  it('supervisor: hostile descriptions, names and resolutions are neutralised in the ledger', async () => {
    const db = t.handle.db;
    const issue = (await supervisor.get(`/api/v1/issues?q=增加儿童`)).json().items[0];
    await db.updateTable('issues').set({ description: HOSTILE[1], resolution: HOSTILE[3] }).where('id', '=', issue.id).execute();
    const res = await supervisor.get(`/api/v1/issues/export.xlsx?communityId=${west.id}`);
    const all = cells(await workbook(res));
    expect(all.filter(runnable)).toEqual([]);
    expect(all).toContain(neutralised(HOSTILE[1]));
    expect(all).toContain(neutralised(HOSTILE[3]));
  });
});
