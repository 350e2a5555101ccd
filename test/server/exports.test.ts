/**
 * Every xlsx export, read back as a spreadsheet program would: the roster, the roster import's error
 * report, the 回访记录表 and the 问题台账. The server's clock stands at 03:24 on Wednesday 2 December 2026 in
 * Shanghai (19:24 UTC the day before), so a file name made from the UTC date would be a day early.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/server/clock.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginAs, makeCommunity, makeCompany, makeUser, type Client } from '../helpers/factories.js';

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

/** Cell texts that a spreadsheet would run as formulas once its control characters and blanks are dropped. */
const HOSTILE = ['\u0000=1+1', '\t=1', '\r@SUM(1)', ' =1', '\u001f+HYPERLINK("http://evil.example")', '\u007f-2+3+cmd|x', '\u00a0=1', '\u200b@x'];

/** What a hostile text must look like in the file: its control characters gone, behind an apostrophe (XML reads CR as LF). */
const neutralised = (text: string) => `'${text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\r/g, '\n')}`;

/** True when a spreadsheet would run the cell: after control characters and blanks, it starts with = + - @. */
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
  const res = await visitor.post(`/api/v1/visit-tasks/${task.json().id}/record`, { ...times, ...body });
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
  });
});
