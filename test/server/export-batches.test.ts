/**
 * Exports larger than one internal batch, and the company's export cap (导出上限). The server reads 4 rows
 * at a time here (HUIFANG_EXPORT_BATCH_ROWS), so 22 records or issues cross six batches, the last one
 * partial, with records of the same community and day on both sides of a batch boundary. The clock stands
 * at 10:00 on 2 December 2026 in Shanghai.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/server/clock.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { answersFor, loginAs, makeCommunity, makeCompany, makeUser, type Client } from '../helpers/factories.js';

const AT = '2026-12-02T02:00:00Z';
const TODAY = '2026-12-02';
const COUNT = 22;

let t: TestApp;
let admin: Client;
let supervisor: Client;
let manager: Client;
let company: Awaited<ReturnType<typeof makeCompany>>;

async function sheetOf(res: { rawPayload: Buffer }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const values = sheet.getSheetValues() as unknown[][];
  return { sheet, values };
}

/** The data rows below the header row whose first cell is `first`, as arrays of cell values (1-based). */
function dataRows(values: unknown[][], first: string): { header: number; rows: unknown[][] } {
  const header = values.findIndex((r) => r?.[1] === first);
  return { header, rows: values.slice(header + 1).filter(Boolean) };
}

beforeAll(async () => {
  t = await createTestApp({ HUIFANG_EXPORT_BATCH_ROWS: '4' }, { at: AT });
  company = await makeCompany(t, '批量物业');
  const east = await makeCommunity(t, company.companyId, '东苑');
  const west = await makeCommunity(t, company.companyId, '西苑');
  const sup = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [east.id, west.id], displayName: '王主管' });
  const vis = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [east.id, west.id], displayName: '张回访' });
  const man = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.manager, displayName: '周经理' });
  [admin, supervisor, manager] = await Promise.all([company.adminUsername, sup.username, man.username].map((u) => loginAs(t.app, u)));
  const visitor = await loginAs(t.app, vis.username);
  const [category] = (await supervisor.get('/api/v1/issue-categories')).json() as { id: number }[];
  for (let i = 0; i < COUNT; i++) {
    const community = i % 2 ? west : east;
    const h = await supervisor.post(`/api/v1/communities/${community.id}/households`, { building: '1', unit: '1', room: `${101 + i}` });
    const r = await supervisor.post(`/api/v1/households/${h.json().id}/residents`, { name: `业主${i}`, role: 'owner', phones: [`139000000${String(i).padStart(2, '0')}`] });
    const task = await supervisor.post('/api/v1/visit-tasks', { householdId: h.json().id, residentId: r.json().id, assigneeId: vis.id, reason: 'periodic', method: 'phone', dueDate: TODAY });
    expect(task.statusCode, task.body).toBe(201);
    const times = { startedAt: new Date(t.clock.now() - 600_000).toISOString(), endedAt: nowIso() };
    const rec = await visitor.post(`/api/v1/visit-tasks/${task.json().id}/record`, { answers: await answersFor(visitor, task.json().id), ...times, opinions: `意见${i}号` });
    expect(rec.statusCode, rec.body).toBe(201);
    // Three days, so that batches end inside a day and inside a community.
    await t.handle.db.updateTable('visit_records').set({ visit_date: `2026-11-${28 + (i % 3)}` }).where('id', '=', rec.json().id).execute();
    const issue = await supervisor.post('/api/v1/issues', { kind: 'problem', categoryId: category.id, description: `问题${i}号`, communityId: community.id, channel: 'phone', replyMode: 'written' });
    expect(issue.statusCode, issue.body).toBe(201);
  }
});
afterAll(() => t.close());

const opinionsOf = (rows: unknown[][]) => rows.map((r) => /意见(\d+)号/.exec(String(r[11]))?.[1]).map(Number);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const every = Array.from({ length: COUNT }, (_, i) => i);

describe('exports larger than one batch', () => {
  it('manager: a 回访记录表 of 22 records read 4 at a time holds every record exactly once, by community then date', async () => {
    const res = await manager.get('/api/v1/visit-records/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers).toMatchObject({ 'x-export-total': String(COUNT), 'x-export-rows': String(COUNT), 'x-export-limit-by': 'server' });
    expect(res.headers['x-export-truncated']).toBeUndefined();
    expect(res.headers['x-export-omitted']).toBeUndefined();
    const { values } = await sheetOf(res);
    const { rows } = dataRows(values, '回访日期');
    expect(rows).toHaveLength(COUNT);
    expect(sorted(opinionsOf(rows))).toEqual(every);
    const order = rows.map((r) => `${r[3]} ${r[1]}`);
    expect(order).toEqual([...order].sort());
  });

  it('supervisor: a 问题台账 of 22 issues read 4 at a time holds every issue exactly once, by number', async () => {
    const res = await supervisor.get('/api/v1/issues/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers).toMatchObject({ 'x-export-total': String(COUNT), 'x-export-rows': String(COUNT) });
    const { values } = await sheetOf(res);
    const { rows } = dataRows(values, '编号');
    const numbers = rows.map((r) => Number(r[1]));
    expect(numbers).toEqual(sorted([...new Set(numbers)]));
    expect(sorted(rows.map((r) => Number(/问题(\d+)号/.exec(String(r[7]))?.[1])))).toEqual(every);
  });
});

describe('the company’s export cap', () => {
  it('supervisor and manager: cannot read or set the export cap (403); the admin sees none is set, below the server ceiling', async () => {
    for (const client of [supervisor, manager]) {
      expect((await client.get('/api/v1/export-settings')).statusCode).toBe(403);
      const res = await client.put('/api/v1/export-settings', { maxRows: 5 });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    const res = await admin.get('/api/v1/export-settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ maxRows: null, serverMaxRows: t.config.exportMaxRows });
  });

  it('admin: a cap above the server ceiling is refused with export_cap_above_ceiling, in Chinese and English', async () => {
    const res = await admin.put('/api/v1/export-settings', { maxRows: t.config.exportMaxRows + 1 });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('export_cap_above_ceiling');
    expect(res.json().detail).toContain(String(t.config.exportMaxRows));
    const en = await admin.put('/api/v1/export-settings', { maxRows: t.config.exportMaxRows + 1 }, { 'accept-language': 'en' });
    expect(en.json().title).toBe('Export cap above the server ceiling');
    expect((await admin.put('/api/v1/export-settings', { maxRows: 0 })).statusCode).toBe(400);
  });

  it('admin sets a cap of 9: both exports hold 9 rows and say, in the sheet and the headers, that 13 were left out; removing the cap brings every row back', async () => {
    const set = await admin.put('/api/v1/export-settings', { maxRows: 9 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ maxRows: 9, serverMaxRows: t.config.exportMaxRows });
    const audit = await t.handle.db.selectFrom('audit_log').select(['after']).where('action', '=', 'export_settings.update').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toEqual({ maxRows: 9 });
    try {
      const records = await manager.get('/api/v1/visit-records/export.xlsx');
      expect(records.headers).toMatchObject({ 'x-export-total': '22', 'x-export-rows': '9', 'x-export-omitted': '13', 'x-export-truncated': 'true', 'x-export-limit': '9', 'x-export-limit-by': 'company' });
      const r = await sheetOf(records);
      expect(dataRows(r.values, '回访日期').rows).toHaveLength(9);
      expect(r.values[4][1]).toBe('注意：本表只含前 9 条记录，另有 13 条未导出（共 22 条，超出公司设置的单次导出上限 9 条）。请缩小日期范围或按小区分别导出。');
      expect(r.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });

      const issues = await supervisor.get('/api/v1/issues/export.xlsx', { 'accept-language': 'en' });
      expect(issues.headers).toMatchObject({ 'x-export-total': '22', 'x-export-rows': '9', 'x-export-omitted': '13', 'x-export-limit-by': 'company' });
      const i = await sheetOf(issues);
      expect(dataRows(i.values, 'No.').rows).toHaveLength(9);
      expect(i.values[4][1]).toBe('Note: this sheet holds only the first 9 of 22 issues; 13 were left out (the company’s cap is 9 rows per export). Add filters or export each community separately.');
    } finally {
      expect((await admin.put('/api/v1/export-settings', { maxRows: null })).statusCode).toBe(200);
    }
    const whole = await manager.get('/api/v1/visit-records/export.xlsx');
    expect(whole.headers).toMatchObject({ 'x-export-rows': '22', 'x-export-limit-by': 'server' });
    expect(dataRows((await sheetOf(whole)).values, '回访日期').rows).toHaveLength(COUNT);
  });
});
