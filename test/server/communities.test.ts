import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginAs, makeCompany, makeUser, type Client } from '../helpers/factories.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  company = await makeCompany(t);
  admin = await loginAs(t.app, company.adminUsername);
});
afterAll(() => t.close());

describe('communities', () => {
  it('admin: creates, renames, archives and lists communities with filters', async () => {
    const created = await admin.post('/api/v1/communities', { name: '阳光花园', code: 'YG01', type: 'residential', address: '文三路 1 号' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await admin.post('/api/v1/communities', { name: '星河广场', code: 'XH01', type: 'commercial' });
    expect((await admin.patch(`/api/v1/communities/${id}`, { name: '阳光花园一期' })).json().name).toBe('阳光花园一期');
    expect((await admin.patch(`/api/v1/communities/${id}`, { status: 'archived' })).json().status).toBe('archived');

    const commercial = (await admin.get('/api/v1/communities?type=commercial')).json();
    expect(commercial.items.map((c: { code: string }) => c.code)).toEqual(['XH01']);
    const archived = (await admin.get('/api/v1/communities?status=archived')).json();
    expect(archived.total).toBe(1);
    expect((await admin.get('/api/v1/communities?q=阳光')).json().items[0].id).toBe(id);
  });

  it('admin: a duplicate community code is refused with 409 code_taken', async () => {
    await admin.post('/api/v1/communities', { name: '翠湖苑', code: 'CH01', type: 'residential' });
    const res = await admin.post('/api/v1/communities', { name: '翠湖苑二期', code: 'CH01', type: 'residential' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('code_taken');
  });

  it('admin: a community somebody works in cannot be deleted, an unused one can', async () => {
    const used = (await admin.post('/api/v1/communities', { name: '在用小区', code: 'USED1', type: 'mixed' })).json();
    await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [used.id] });
    const res = await admin.delete(`/api/v1/communities/${used.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('community_in_use');
    const unused = (await admin.post('/api/v1/communities', { name: '空小区', code: 'EMPTY1', type: 'mixed' })).json();
    expect((await admin.delete(`/api/v1/communities/${unused.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/communities/${unused.id}`)).statusCode).toBe(404);
  });

  it('visitor: sees only assigned communities and cannot create one', async () => {
    const mine = (await admin.post('/api/v1/communities', { name: '我的小区', code: 'MINE1', type: 'residential' })).json();
    const theirs = (await admin.post('/api/v1/communities', { name: '别人的小区', code: 'THEIRS1', type: 'residential' })).json();
    const { username } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [mine.id] });
    const visitor = await loginAs(t.app, username);
    const list = (await visitor.get('/api/v1/communities')).json();
    expect(list.items.map((c: { id: number }) => c.id)).toEqual([mine.id]);
    expect(list.total).toBe(1);
    const other = await visitor.get(`/api/v1/communities/${theirs.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not_found');
    const create = await visitor.post('/api/v1/communities', { name: 'x', code: 'X1', type: 'residential' });
    expect(create.statusCode).toBe(403);
  });
});

describe('departments', () => {
  it('admin: a new company starts with the usual departments', async () => {
    const names = (await admin.get('/api/v1/departments')).json().items.map((d: { name: string }) => d.name);
    expect(names).toEqual(expect.arrayContaining(['工程部', '保洁部', '安保部', '绿化部', '客服部']));
  });

  it('admin: creates departments; a handler can be placed in one', async () => {
    const dep = await admin.post('/api/v1/departments', { name: '工程二组', code: 'ENG2' });
    expect(dep.statusCode).toBe(201);
    const community = (await admin.post('/api/v1/communities', { name: '工程小区', code: 'ENGC', type: 'residential' })).json();
    const user = await admin.post('/api/v1/users', {
      username: 'eng-handler',
      displayName: '赵师傅',
      roleId: company.roleIds.handler,
      departmentId: dep.json().id,
      communityIds: [community.id],
    });
    expect(user.json().user.departmentId).toBe(dep.json().id);
    const list = (await admin.get('/api/v1/departments')).json();
    expect(list.items.find((d: { code: string }) => d.code === 'ENG2').userCount).toBe(1);
    expect((await admin.post('/api/v1/departments', { name: '工程三组', code: 'ENG2' })).statusCode).toBe(409);
    const renamed = await admin.patch(`/api/v1/departments/${dep.json().id}`, { name: '维修组' });
    expect(renamed.json()).toMatchObject({ name: '维修组', userCount: 1 });
  });
});
