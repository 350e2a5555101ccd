import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginAs, makeCommunity, makeCompany, makeRole, makeUser, type Client } from '../helpers/factories.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let communityId: number;
let otherCommunityId: number;
let supervisor: Client;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  company = await makeCompany(t);
  communityId = (await makeCommunity(t, company.companyId, '阳光花园')).id;
  otherCommunityId = (await makeCommunity(t, company.companyId, '翠湖苑')).id;
  const sup = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [communityId] });
  supervisor = await loginAs(t.app, sup.username);
  admin = await loginAs(t.app, company.adminUsername);
});
afterAll(() => t.close());

async function household(building: string, unit: string | null, room: string) {
  const res = await supervisor.post(`/api/v1/communities/${communityId}/households`, { building, unit, room });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function resident(householdId: number, body: Record<string, unknown>) {
  const res = await supervisor.post(`/api/v1/households/${householdId}/residents`, { role: 'owner', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('households', () => {
  it('supervisor: registers a household written "3栋", "2单元", "1502室" and it reads 3栋2单元1502', async () => {
    const h = await household('3栋', '2单元', '1502室');
    expect(h).toMatchObject({ building: '3', unit: '2', room: '1502', label: '3栋2单元1502', status: 'occupied', residents: [] });
    const again = await supervisor.post(`/api/v1/communities/${communityId}/households`, { building: '3', unit: '2', room: '1502' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'household_exists', detail: '3栋2单元1502 已经登记过了。' });
  });

  it('supervisor: finds a household by "3-2-1502", "3栋2单元1502", a name prefix and the last 4 phone digits', async () => {
    const h = await household('5', '1', '801');
    await household('5', '1', '802');
    await resident(h.id, { name: '欧阳娜娜', phones: ['139 0571 6688'] });
    const search = async (q: string) => (await supervisor.get(`/api/v1/communities/${communityId}/households?q=${encodeURIComponent(q)}`)).json();
    for (const q of ['5-1-801', '5栋1单元801室', '５－１－８０１', '欧阳', '6688']) {
      const res = await search(q);
      expect(res.items.map((x: { id: number }) => x.id), q).toEqual([h.id]);
    }
    expect((await search('801')).items.map((x: { label: string }) => x.label)).toContain('5栋1单元801');
    expect((await search('不存在的人')).total).toBe(0);
  });

  it('supervisor: filters by role, tag and move-in date, and lists in natural building and room order', async () => {
    const a = await household('10', null, '101');
    const b = await household('2', null, '1001');
    const c = await household('2', null, '201');
    await resident(a.id, { name: '王五', role: 'tenant', tags: ['独居老人'], moveInDate: '2024-03-05' });
    await resident(b.id, { name: '赵六', role: 'owner', moveInDate: '2020-01-01' });
    await resident(c.id, { name: '钱七', role: 'owner', tags: ['重点关注'] });
    const list = async (qs: string) => (await supervisor.get(`/api/v1/communities/${communityId}/households?${qs}&limit=200`)).json();
    expect((await list('role=tenant')).items.map((h: { id: number }) => h.id)).toEqual([a.id]);
    expect((await list(`tag=${encodeURIComponent('独居老人')}`)).items.map((h: { id: number }) => h.id)).toEqual([a.id]);
    expect((await list('moveInFrom=2024-01-01&moveInTo=2024-12-31')).items.map((h: { id: number }) => h.id)).toEqual([a.id]);
    const labels = (await list('q=')).items.map((h: { label: string }) => h.label);
    expect(labels.indexOf('2栋201')).toBeLessThan(labels.indexOf('2栋1001'));
    expect(labels.indexOf('2栋1001')).toBeLessThan(labels.indexOf('10栋101'));
    const tree = (await supervisor.get(`/api/v1/communities/${communityId}/buildings`)).json().items;
    expect(tree.map((x: { name: string }) => x.name).slice(0, 2)).toEqual(['2', '3']);
    const unit = tree.find((x: { name: string }) => x.name === '3').units[0];
    const inUnit = (await list(`unitId=${unit.id}`)).items.map((h: { label: string }) => h.label);
    expect(inUnit).toEqual(['3栋2单元1502']);
  });

  it('supervisor: community list shows household and resident counts', async () => {
    const c = (await supervisor.get(`/api/v1/communities/${communityId}`)).json();
    expect(c.householdCount).toBeGreaterThan(0);
    expect(c.residentCount).toBeGreaterThan(0);
  });

  it('supervisor: merges a duplicate household; its residents move over', async () => {
    const keep = await household('7', null, '701');
    const dup = await household('7', null, '0701');
    await resident(dup.id, { name: '孙八' });
    const merged = (await supervisor.post(`/api/v1/households/${keep.id}/merge`, { duplicateId: dup.id })).json();
    expect(merged.residents.map((r: { name: string }) => r.name)).toEqual(['孙八']);
    expect((await supervisor.get(`/api/v1/households/${dup.id}`)).statusCode).toBe(404);
  });

  it('supervisor: cannot register a household in a community outside their scope', async () => {
    const res = await supervisor.post(`/api/v1/communities/${otherCommunityId}/households`, { building: '1', room: '101' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('residents and personal data', () => {
  it('visitor: sees phones masked everywhere; revealing one number is an audited action', async () => {
    const h = await household('8', '1', '101');
    const r = await resident(h.id, { name: '周九', phones: ['13812345678', '0571-88886666-12'] });
    expect(r.phones.map((p: { masked: string }) => p.masked)).toEqual(['138****5678', '0571-****6666']);
    expect(JSON.stringify(await (await supervisor.get(`/api/v1/households/${h.id}`)).json())).not.toContain('12345678');

    const v = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [communityId] });
    const visitor = await loginAs(t.app, v.username);
    const revealed = (await visitor.post(`/api/v1/residents/${r.id}/phones/reveal`)).json();
    expect(revealed.phones.map((p: { number: string }) => p.number)).toEqual(['138 1234 5678', '0571 8888 6666 转 12']);
    const audit = (await admin.get(`/api/v1/audit-log?action=resident.reveal_phone&entityId=${r.id}`)).json();
    expect(audit.items[0]).toMatchObject({ actorId: v.id, entityType: 'resident' });
    expect(JSON.stringify(audit)).not.toContain('5678');
  });

  it('handler: without the contact permission cannot reveal a number', async () => {
    const h = await household('8', '1', '102');
    const r = await resident(h.id, { name: '吴十', phones: ['13812340000'] });
    const u = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.handler, communityIds: [communityId] });
    const handler = await loginAs(t.app, u.username);
    expect((await handler.get(`/api/v1/residents/${r.id}`)).json().phones[0].masked).toBe('138****0000');
    expect((await handler.post(`/api/v1/residents/${r.id}/phones/reveal`)).statusCode).toBe(403);
  });

  it('user of a custom role without households.read: is refused a resident of their own community with 403 forbidden', async () => {
    const h = await household('8', '1', '104');
    const r = await resident(h.id, { name: '郑十一', phones: ['13812341111'] });
    const roleId = await makeRole(t, company.companyId, '仅看小区', ['communities.read']);
    const u = await makeUser(t, { companyId: company.companyId, roleId, communityIds: [communityId] });
    const reader = await loginAs(t.app, u.username);
    const res = await reader.get(`/api/v1/residents/${r.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('supervisor: an invalid phone is refused with the field and the value named', async () => {
    const h = await household('8', '1', '103');
    const res = await supervisor.post(`/api/v1/households/${h.id}/residents`, { name: '郑一', role: 'owner', phones: ['13800138000', '12345'] }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'phones.1', code: 'phone_invalid', message: 'is not a valid Chinese mobile or landline number: 12345' }]);
  });

  it('supervisor: updates a resident, moves them out; the audit log holds only masked personal values', async () => {
    const h = await household('8', '2', '101');
    const r = await resident(h.id, { name: '冯二', phones: ['13912345678'] });
    const updated = (await supervisor.patch(`/api/v1/residents/${r.id}`, { name: '冯二二', phones: ['13987654321'], doNotContact: true, doNotContactReason: '要求不要打扰' })).json();
    expect(updated).toMatchObject({ name: '冯二二', doNotContact: true, phones: [{ masked: '139****4321' }] });
    const log = JSON.stringify((await admin.get(`/api/v1/audit-log?entityType=resident&entityId=${r.id}`)).json());
    expect(log).not.toContain('冯二二');
    expect(log).not.toContain('13987654321');
    expect(log).toContain('139****4321');
    await supervisor.post(`/api/v1/residents/${r.id}/move-out`, { moveOutDate: '2026-10-31' });
    const current = (await supervisor.get(`/api/v1/households/${h.id}`)).json();
    expect(current.residents[0].moveOutDate).toBe('2026-10-31');
    const listed = (await supervisor.get(`/api/v1/communities/${communityId}/households?q=8-2-101`)).json();
    expect(listed.items[0].residents).toEqual([]);
  });

  it('admin: erases a resident on request; personal fields are gone, the household keeps an anonymous member', async () => {
    const h = await household('8', '3', '101');
    const r = await resident(h.id, { name: '陈三', phones: ['13711112222'], tags: ['曾投诉'], notes: '住在顶楼' });
    const erased = (await admin.post(`/api/v1/residents/${r.id}/erase`, { reason: '业主书面申请删除' })).json();
    expect(erased).toMatchObject({ erased: true, phones: [], tags: [], notes: '', moveInDate: null });
    expect(erased.name).not.toContain('陈三');
    expect((await supervisor.get(`/api/v1/communities/${communityId}/households?q=${encodeURIComponent('陈三')}`)).json().total).toBe(0);
    expect((await supervisor.post(`/api/v1/residents/${r.id}/phones/reveal`)).json().code).toBe('resident_erased');
    expect((await supervisor.patch(`/api/v1/residents/${r.id}`, { name: '陈三' })).statusCode).toBe(409);
    expect((await supervisor.post(`/api/v1/residents/${r.id}/erase`, { reason: '再次' })).statusCode).toBe(403);
  });

  it('supervisor: merges a duplicate resident of the same household, keeping both phones and tags', async () => {
    const h = await household('8', '4', '101');
    const keep = await resident(h.id, { name: '褚四', phones: ['13600001111'], tags: ['独居老人'] });
    const dup = await resident(h.id, { name: '褚四', phones: ['13600001111', '13600002222'], tags: ['行动不便'], moveInDate: '2023-05-01' });
    const merged = (await supervisor.post(`/api/v1/residents/${keep.id}/merge`, { duplicateId: dup.id })).json();
    expect(merged.phones.map((p: { masked: string }) => p.masked)).toEqual(['136****1111', '136****2222']);
    expect(merged.tags).toEqual(['独居老人', '行动不便'].sort());
    expect(merged.moveInDate).toBe('2023-05-01');
    expect((await supervisor.get(`/api/v1/residents/${dup.id}`)).statusCode).toBe(404);
  });
});

describe('staff and tags', () => {
  it('admin: adds staff to a department and a community; the community supervisor sees them, another does not', async () => {
    const dep = (await admin.post('/api/v1/departments', { name: '保洁部', code: 'CLEANHH' })).json();
    const s = await admin.post('/api/v1/staff', { name: '保洁员刘阿姨', position: '保洁员', departmentId: dep.id, communityIds: [communityId] });
    expect(s.statusCode).toBe(201);
    expect((await supervisor.get('/api/v1/staff')).json().items.map((x: { name: string }) => x.name)).toContain('保洁员刘阿姨');
    const other = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [otherCommunityId] });
    const otherSup = await loginAs(t.app, other.username);
    expect((await otherSup.get('/api/v1/staff')).json().total).toBe(0);
    expect((await admin.patch(`/api/v1/staff/${s.json().id}`, { status: 'left' })).json().status).toBe('left');
  });

  it('supervisor: adds a tag to the vocabulary; duplicates are refused', async () => {
    expect((await supervisor.post('/api/v1/tags', { name: '新装修' })).statusCode).toBe(201);
    expect((await supervisor.post('/api/v1/tags', { name: '新装修' })).statusCode).toBe(409);
    expect((await supervisor.get('/api/v1/tags')).json().items.map((x: { name: string }) => x.name)).toContain('新装修');
  });
});
