import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterImport } from '../../src/shared/schemas/roster.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { ALL_BUT_COMPANY_SCOPE, loginAs, makeCommunity, makeCompany, makeRole, makeUser, tokenClient, type Client } from '../helpers/factories.js';
import { csv, HEADER, junk, multipart, oldXls, xlsx, zipBomb } from '../fixtures/roster/files.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let supervisor: Client;

const MAX_ROWS = 10_000;

beforeAll(async () => {
  t = await createTestApp({ HUIFANG_IMPORT_MAX_MB: '2', HUIFANG_IMPORT_MAX_ROWS: String(MAX_ROWS) });
  company = await makeCompany(t);
});
afterAll(() => t.close());

/** A community with its own supervisor, so every test starts from an empty roster. */
async function freshCommunity() {
  const community = await makeCommunity(t, company.companyId);
  const user = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [community.id] });
  supervisor = await loginAs(t.app, user.username);
  return { community, supervisor };
}

function upload(client: Client, communityId: number, file: Buffer, name: string, opts: { dryRun?: boolean; form?: boolean; lang?: string } = {}) {
  const { payload, headers } = multipart(file, name, opts.form && opts.dryRun ? { dryRun: 'true' } : {});
  const query = opts.dryRun && !opts.form ? '?dryRun=true' : '';
  return client.post(`/api/v1/communities/${communityId}/roster-imports${query}`, payload, { ...headers, ...(opts.lang ? { 'accept-language': opts.lang } : {}) });
}

/** Uploads and polls until the job has finished. */
async function importFile(client: Client, communityId: number, file: Buffer, name: string, opts: { dryRun?: boolean; form?: boolean; lang?: string } = {}): Promise<RosterImport> {
  const res = await upload(client, communityId, file, name, opts);
  expect(res.statusCode, res.body).toBe(202);
  let job = res.json() as RosterImport;
  const deadline = Date.now() + 60_000;
  while (job.status === 'queued' || job.status === 'running') {
    if (Date.now() > deadline) throw new Error(`import ${job.id} did not finish`);
    await new Promise((r) => setTimeout(r, 50));
    job = (await client.get(`/api/v1/roster-imports/${job.id}`, opts.lang ? { 'accept-language': opts.lang } : {})).json();
  }
  return job;
}

async function roster(communityId: number) {
  const db = t.handle.db;
  const residents = await db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['r.id', 'r.name', 'r.role', 'r.move_in_date', 'r.notes', 'r.updated_at', 'b.name as building', 'u.name as unit', 'h.room'])
    .where('r.community_id', '=', communityId)
    .orderBy('r.id')
    .execute();
  const phones = await db
    .selectFrom('resident_phones as p')
    .innerJoin('residents as r', 'r.id', 'p.resident_id')
    .select(['p.resident_id', 'p.number'])
    .where('r.community_id', '=', communityId)
    .orderBy('p.resident_id')
    .orderBy('p.position')
    .execute();
  const tags = await db
    .selectFrom('resident_tags as rt')
    .innerJoin('tags as g', 'g.id', 'rt.tag_id')
    .innerJoin('residents as r', 'r.id', 'rt.resident_id')
    .select(['rt.resident_id', 'g.name'])
    .where('r.community_id', '=', communityId)
    .execute();
  const households = await db.selectFrom('households').select(['id', 'room']).where('community_id', '=', communityId).execute();
  return {
    households,
    residents: residents.map((r) => ({
      ...r,
      phones: phones.filter((p) => p.resident_id === r.id).map((p) => p.number),
      tags: tags.filter((g) => g.resident_id === r.id).map((g) => g.name).sort(),
    })),
  };
}

const GOOD_AND_BAD = [
  ['阳光花园业主名单'],
  ['栋号', '单元号', '房间号', '业主姓名', '类型', '联系电话', '入住时间', '标签', '备注'],
  ['3', '2', '1502', '张三', '业主', '13800138000、0571-88888888', '2024/3/5', 'VIP、独居老人', '周末在家'],
  ['', '', '3栋2单元1502室', '张小三', '租客', '13900139000', '2024年3月5日', '', ''],
  ['3', '2', '1601', '李四', '房东', '12345', '', '', ''],
  [],
  ['5', '', '101', '王五', '', '', '2024.3.5', '新标签', ''],
  ['5', '', '102', '', '', '13700137000', '', '', ''],
];

describe('roster import', () => {
  it('supervisor: imports a GBK CSV with two bad rows; good rows are created and the bad ones reported', async () => {
    const { community, supervisor } = await freshCommunity();
    const job = await importFile(supervisor, community.id, csv(GOOD_AND_BAD, 'gbk'), '业主名单.csv');
    expect(job).toMatchObject({ status: 'succeeded', dryRun: false, fileName: '业主名单.csv', total: 5, processed: 5, created: 3, updated: 0, unchanged: 0, failed: 2, errorCode: null });
    expect(job.errors).toEqual([
      { row: 5, column: '手机', code: 'phone_invalid', message: '“12345”不是有效的中国手机号或固定电话' },
      { row: 8, column: '姓名', code: 'required', message: '必填项为空' },
    ]);
    const { residents, households } = await roster(community.id);
    expect(households).toHaveLength(2);
    expect(residents.map((r) => [r.building, r.unit, r.room, r.name, r.role, r.move_in_date, r.phones, r.tags])).toEqual([
      ['3', '2', '1502', '张三', 'owner', '2024-03-05', ['+8613800138000', '+8657188888888'], ['VIP', '独居老人']],
      ['3', '2', '1502', '张小三', 'tenant', '2024-03-05', ['+8613900139000'], []],
      ['5', null, '101', '王五', 'owner', '2024-03-05', [], ['新标签']],
    ]);
    const tag = await t.handle.db.selectFrom('tags').select('id').where('company_id', '=', company.companyId).where('name', '=', '新标签').executeTakeFirst();
    expect(tag).toBeDefined();

    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'roster.import').where('community_id', '=', community.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after!)).toMatchObject({ created: 3, failed: 2 });
    expect(audit[0].after).not.toMatch(/张三|138001/);
  });

  it('supervisor: row errors read in English with Accept-Language: en', async () => {
    const { community, supervisor } = await freshCommunity();
    const job = await importFile(supervisor, community.id, csv(GOOD_AND_BAD, 'utf8-bom'), 'r.csv', { lang: 'en' });
    expect(job.errors[1]).toEqual({ row: 8, column: '姓名', code: 'required', message: 'This cell is required' });
  });

  it('supervisor: a dry run counts created and failed rows and writes nothing', async () => {
    const { community, supervisor } = await freshCommunity();
    const tagsBefore = await t.handle.db.selectFrom('tags').select('name').where('company_id', '=', company.companyId).execute();
    for (const form of [false, true]) {
      const job = await importFile(supervisor, community.id, csv(GOOD_AND_BAD), 'r.csv', { dryRun: true, form });
      expect(job).toMatchObject({ status: 'succeeded', dryRun: true, created: 3, updated: 0, unchanged: 0, failed: 2 });
    }
    expect((await roster(community.id)).households).toEqual([]);
    expect(await t.handle.db.selectFrom('buildings').select('id').where('community_id', '=', community.id).execute()).toEqual([]);
    expect(await t.handle.db.selectFrom('tags').select('name').where('company_id', '=', company.companyId).execute()).toEqual(tagsBefore);
  });

  it('supervisor: importing the same file again changes nothing; an updated file updates only what changed', async () => {
    const { community, supervisor } = await freshCommunity();
    const file = await xlsx([HEADER, ...GOOD_AND_BAD.slice(2)]);
    // The first import must have written its rows (a failed job names its error code here).
    expect(await importFile(supervisor, community.id, file, 'r.xlsx')).toMatchObject({ status: 'succeeded', errorCode: null, created: 3, failed: 2 });
    const before = await roster(community.id);
    const again = await importFile(supervisor, community.id, file, 'r.xlsx');
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 2 });
    expect(await roster(community.id)).toEqual(before);

    const updated = await xlsx([
      HEADER,
      // 张三 found by phone, renamed; empty cells keep his role, date and notes.
      ['3', '2', '1502', '张三丰', '', '13800138000、0571-88888888', '', 'VIP', ''],
      // 张小三 found by name: a new phone replaces the old one.
      ['3', '2', '1502', '张小三', '', '13600136000', '', '', ''],
      ['5', '', '101', '王五', '', '', '2024-03-05', '新标签', ''],
      ['5', '', '103', '赵六', '商户', '', '', '', ''],
    ]);
    const job = await importFile(supervisor, community.id, updated, 'r2.xlsx');
    expect(job).toMatchObject({ created: 1, updated: 2, unchanged: 1, failed: 0 });
    const after = (await roster(community.id)).residents;
    expect(after[0]).toMatchObject({ id: before.residents[0].id, name: '张三丰', role: 'owner', move_in_date: '2024-03-05', notes: '周末在家', tags: ['VIP'] });
    expect(after[1]).toMatchObject({ id: before.residents[1].id, name: '张小三', role: 'tenant', phones: ['+8613600136000'] });
    expect(after[2].updated_at).toBe(before.residents[2].updated_at);
    expect(after[3]).toMatchObject({ name: '赵六', role: 'merchant', room: '103' });
  });

  it('supervisor: the same resident twice in one file is imported once and the repeat reported', async () => {
    const { community, supervisor } = await freshCommunity();
    const job = await importFile(
      supervisor,
      community.id,
      csv([HEADER, ['1', '1', '101', '张三', '', '13800138000'], ['1', '1', '101', '张三', '', ''], ['1', '1', '101', '张三哥', '', '13800138000'], ['1', '1', '102', '张三', '', '13800138000']]),
      'dup.csv',
    );
    expect(job).toMatchObject({ created: 2, failed: 2 });
    expect(job.errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [3, 'duplicate_in_file', '与第 2 行是同一住户，重复的行未导入'],
      [4, 'duplicate_in_file', '与第 2 行是同一住户，重复的行未导入'],
    ]);
  });

  it('supervisor: the export re-imports with nothing changed, and formula-looking cells survive neutralised', async () => {
    const { community, supervisor } = await freshCommunity();
    await importFile(supervisor, community.id, csv(GOOD_AND_BAD), 'r.csv');
    const db = t.handle.db;
    const [first] = (await roster(community.id)).residents;
    await db.updateTable('residents').set({ notes: '=HYPERLINK("http://evil.example","点我")', name: '@张三' }).where('id', '=', first.id).execute();
    await importFile(supervisor, community.id, csv([HEADER, ['8', '1', '808']]), 'room-only.csv');
    const before = await roster(community.id);

    const res = await supervisor.get(`/api/v1/communities/${community.id}/roster.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    const zhang = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(zhang[3]).toBe("'@张三");
    expect(zhang[8]).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(sheet.getCell('F2').formula).toBeUndefined();

    const job = await importFile(supervisor, community.id, res.rawPayload, 'export.xlsx');
    expect(job).toMatchObject({ status: 'succeeded', created: 0, updated: 0, failed: 0, unchanged: 4 });
    expect(await roster(community.id)).toEqual(before);

    const audit = await db.selectFrom('audit_log').select(['after']).where('action', '=', 'roster.export').where('community_id', '=', community.id).execute();
    expect(JSON.parse(audit[0].after!)).toEqual({ households: 3, residents: 3 });
  });

  it('supervisor: the English error report reads in words, with no code in any cell', async () => {
    const { community, supervisor } = await freshCommunity();
    const job = await importFile(supervisor, community.id, csv(GOOD_AND_BAD, 'gbk'), '名单.csv');
    const res = await supervisor.get(`/api/v1/roster-imports/${job.id}/error-report.xlsx`, { 'accept-language': 'en' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Row', 'Column', 'Reason', 'Value'],
      [5, '手机', '"12345" is not a valid Chinese mobile or landline number', '12345'],
      [8, '姓名', 'This cell is required'],
    ]);
    expect(rows.flat()).not.toEqual(expect.arrayContaining(['phone_invalid']));
    expect(rows.flat()).not.toEqual(expect.arrayContaining(['required']));
  });

  it('supervisor: downloads the error report with every failed row', async () => {
    const { community, supervisor } = await freshCommunity();
    const job = await importFile(supervisor, community.id, csv(GOOD_AND_BAD, 'gbk'), '名单.csv');
    const res = await supervisor.get(`/api/v1/roster-imports/${job.id}/error-report.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['行号', '列', '原因', '原值'],
      [5, '手机', '“12345”不是有效的中国手机号或固定电话', '12345'],
      [8, '姓名', '必填项为空'],
    ]);
  });

  it('supervisor: the template has the nine headers and a 填写说明 sheet, and imports as nothing', async () => {
    const { community, supervisor } = await freshCommunity();
    const res = await supervisor.get('/api/v1/roster-template.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['业主名单', '填写说明']);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(workbook.worksheets[1].getColumn(1).values).toEqual(expect.arrayContaining(HEADER));
    const job = await importFile(supervisor, community.id, res.rawPayload, 'template.xlsx');
    expect(job).toMatchObject({ status: 'succeeded', processed: 0, created: 0, failed: 0 });
  });

  it('supervisor: a large file runs in the background and reports progress until it has finished', async () => {
    const { community, supervisor } = await freshCommunity();
    const rows = Array.from({ length: 9000 }, (_, i) => [String(1 + Math.floor(i / 1000)), '1', String(1000 + (i % 1000)), `住户${i}`, '业主', `139${String(i).padStart(8, '0')}`, '2024-03-05', '', '这是一段不长的备注']);
    const file = csv([HEADER, ...rows]);
    expect(file.length).toBeGreaterThan(512 * 1024);
    const res = await upload(supervisor, community.id, file, 'big.csv');
    expect(res.statusCode).toBe(202);
    expect(['queued', 'running']).toContain(res.json().status);
    const job = await importFile(supervisor, community.id, file, 'big.csv');
    expect(job).toMatchObject({ status: 'succeeded', total: 9000, processed: 9000, failed: 0 });
    expect(job.created + job.unchanged).toBe(9000);
    expect((await roster(community.id)).residents).toHaveLength(9000);
  });

  it('integration token: imports without a CSRF token; a session without it is refused', async () => {
    const { community, supervisor } = await freshCommunity();
    const { client } = await tokenClient(t.app, supervisor);
    const job = await importFile(client, community.id, csv([HEADER, ['1', '', '101', '张三']]), 'r.csv');
    expect(job.created).toBe(1);
    const { payload, headers } = multipart(csv([HEADER]), 'r.csv');
    const res = await supervisor.post(`/api/v1/communities/${community.id}/roster-imports`, payload, { ...headers, 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });
});

describe('roster import: access', () => {
  it('visitor: without roster.import gets 403; another community\'s supervisor gets 404', async () => {
    const { community, supervisor } = await freshCommunity();
    const job = await importFile(supervisor, community.id, csv(GOOD_AND_BAD), 'r.csv');
    const visitor = await loginAs(t.app, (await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [community.id] })).username);
    expect((await upload(visitor, community.id, csv(GOOD_AND_BAD), 'r.csv')).statusCode).toBe(403);
    expect((await visitor.get(`/api/v1/roster-imports/${job.id}`)).statusCode).toBe(403);
    expect((await visitor.get(`/api/v1/communities/${community.id}/roster.xlsx`)).statusCode).toBe(403);

    const { supervisor: neighbour } = await freshCommunity();
    for (const res of [
      await upload(neighbour, community.id, csv(GOOD_AND_BAD), 'r.csv'),
      await neighbour.get(`/api/v1/roster-imports/${job.id}`),
      await neighbour.get(`/api/v1/roster-imports/${job.id}/error-report.xlsx`),
      await neighbour.get(`/api/v1/communities/${community.id}/roster.xlsx`),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
  });

  it('manager: may export (residents.export) but not import', async () => {
    const { community } = await freshCommunity();
    const manager = await loginAs(t.app, (await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.manager })).username);
    expect((await manager.get(`/api/v1/communities/${community.id}/roster.xlsx`)).statusCode).toBe(200);
    expect((await upload(manager, community.id, csv(GOOD_AND_BAD), 'r.csv')).statusCode).toBe(403);
  });
});

describe('roster import: files refused', () => {
  let community: { id: number };
  let admin: Client;
  beforeAll(async () => {
    community = await makeCommunity(t, company.companyId);
    const role = await makeRole(t, company.companyId, '导入员', ALL_BUT_COMPANY_SCOPE);
    admin = await loginAs(t.app, (await makeUser(t, { companyId: company.companyId, roleId: role, communityIds: [community.id] })).username);
  });

  it.each([
    ['an oversize file', () => junk(3 * 1024 * 1024), 'big.xlsx', 413, 'import_file_too_large', '2 MB'],
    ['a zip bomb', zipBomb, 'bomb.xlsx', 422, 'import_unreadable', ''],
    ['an old .xls', oldXls, 'old.xls', 415, 'import_file_type', '另存为 .xlsx'],
    ['binary junk', () => junk(), 'junk.csv', 422, 'import_unreadable', ''],
    ['too many rows', () => csv([HEADER, ...Array.from({ length: MAX_ROWS + 5 }, (_, i) => ['1', '', String(i)])]), 'many.csv', 422, 'import_too_many_rows', '10000'],
  ])('importer: %s is refused with %s', async (_label, make, name, status, code, detail) => {
    const before = await t.handle.db.selectFrom('roster_imports').select('id').where('community_id', '=', community.id).execute();
    const res = await upload(admin, community.id, make(), name);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(res.json().detail).toContain(detail);
    expect(await t.handle.db.selectFrom('roster_imports').select('id').where('community_id', '=', community.id).execute()).toEqual(before);
  });

  it('importer: a JSON body instead of a file is a clean 400', async () => {
    const res = await admin.post(`/api/v1/communities/${community.id}/roster-imports`, { file: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import_file_missing');
  });

  it('importer: a file without a recognisable header fails the job with import_no_header', async () => {
    const job = await importFile(admin, community.id, csv([['随便'], ['什么', '都行']]), 'x.csv');
    expect(job).toMatchObject({ status: 'failed', errorCode: 'import_no_header' });
    expect(job.errorMessage).toContain('前 15 行');
  });

  it('importer: a truncated xlsx fails the job as unreadable, and the server carries on', async () => {
    const good = await xlsx([HEADER, ['1', '', '101', '张三']]);
    const broken = Buffer.concat([good.subarray(0, 200), Buffer.alloc(good.length - 200)]);
    const res = await upload(admin, community.id, broken, 'broken.xlsx');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_unreadable');
    const job = await importFile(admin, community.id, good, 'good.xlsx');
    expect(job.status).toBe('succeeded');
  });
});
