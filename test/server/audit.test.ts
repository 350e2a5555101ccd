import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginAs, makeCommunity, makeCompany, makeUser, PASSWORD, type Client } from '../helpers/factories.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  company = await makeCompany(t);
  admin = await loginAs(t.app, company.adminUsername);
});
afterAll(() => t.close());

const entries = async (query: string) => (await admin.get(`/api/v1/audit-log?${query}`)).json();

describe('audit log', () => {
  it('admin: sees successful and failed logins with the IP they came from', async () => {
    const { username, id } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.manager });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Wrong-pass-1' }, remoteAddress: '10.1.2.3' });
    await loginAs(t.app, username);
    const failed = await entries(`action=auth.login_failed&entityId=${id}`);
    expect(failed.items[0]).toMatchObject({ action: 'auth.login_failed', ip: '10.1.2.3', entityType: 'user' });
    const ok = await entries(`action=auth.login&entityType=user&entityId=${id}`);
    expect(ok.items.map((e: { action: string }) => e.action)).toEqual(['auth.login']);
    const both = await entries(`action=auth.&entityType=user&entityId=${id}`);
    expect(new Set(both.items.map((e: { action: string }) => e.action)), 'a name ending in a dot is a prefix').toEqual(new Set(['auth.login', 'auth.login_failed']));
    expect((await entries(`action=auth_login&entityId=${id}`)).total, 'an underscore is a letter, not a wildcard').toBe(0);
    expect((await entries(`action=${encodeURIComponent('auth%.')}&entityId=${id}`)).total, 'so is a percent sign in a prefix').toBe(0);
  });

  it('admin: a business change is recorded with who, what and before/after', async () => {
    const created = (await admin.post('/api/v1/communities', { name: '审计小区', code: 'AUD1', type: 'residential' })).json();
    await admin.patch(`/api/v1/communities/${created.id}`, { name: '审计小区（新）', address: '新地址' });
    const log = await entries(`entityType=community&entityId=${created.id}`);
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['community.update', 'community.create']);
    expect(log.items[0]).toMatchObject({
      actorId: company.adminId,
      before: { name: '审计小区', address: '' },
      after: { name: '审计小区（新）', address: '新地址' },
    });
  });

  it('admin: filters by time range and pages with a total', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 3; i++) await admin.post('/api/v1/departments', { name: `部门${i}`, code: `AUDD${i}` });
    const page = await entries(`action=department.create&from=${encodeURIComponent(from)}&limit=2`);
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    const future = await entries(`action=department.create&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.total).toBe(0);
  });

  it('admin: each entry names its object in words — a user, a community, a resident (masked), a household, a deleted role', async () => {
    const { username, id } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.manager, displayName: '张三丰' });
    await loginAs(t.app, username);
    const login = (await entries(`action=auth.login&entityType=user&entityId=${id}`)).items[0];
    expect(login).toMatchObject({ entityType: 'user', entityId: String(id), entityName: '张三丰' });

    const community = (await admin.post('/api/v1/communities', { name: '名称小区', code: 'NAME1', type: 'residential' })).json();
    await admin.patch(`/api/v1/communities/${community.id}`, { name: '名称小区（新）' });
    expect((await entries(`entityType=community&entityId=${community.id}`)).items.map((e: { entityName: string }) => e.entityName)).toEqual(['名称小区（新）', '名称小区（新）']);

    const household = (await admin.post(`/api/v1/communities/${community.id}/households`, { building: '3', unit: '2', room: '1502' })).json();
    const resident = (await admin.post(`/api/v1/households/${household.id}/residents`, { name: '欧阳娜娜', role: 'owner' })).json();
    expect((await entries(`action=household.create&entityId=${household.id}`)).items[0].entityName).toBe('名称小区（新） 3栋2单元1502');
    expect((await entries(`action=resident.create&entityId=${resident.id}`)).items[0].entityName).toBe('欧***');

    const role = (await admin.post('/api/v1/roles', { name: '临时角色', permissions: ['communities.read'] })).json();
    expect((await admin.delete(`/api/v1/roles/${role.id}`)).statusCode).toBeLessThan(300);
    const deleted = (await entries(`action=role.delete&entityId=${role.id}`)).items[0];
    expect(deleted).toMatchObject({ entityType: 'role', entityName: '临时角色' });

  });

  it('the application: cannot change or delete an audit entry, even with direct SQL', async () => {
    await expect(sql`UPDATE audit_log SET action = 'forged'`.execute(t.handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.handle.db)).rejects.toThrow(/append-only/);
  });

  it('admin: never sees another company\'s entries; a visitor cannot read the log', async () => {
    const other = await makeCompany(t);
    await loginAs(t.app, other.adminUsername);
    const mine = await entries('action=auth.login&limit=200');
    expect(mine.items.every((e: { actorName: string }) => !e.actorName?.includes(other.adminUsername))).toBe(true);

    const community = await makeCommunity(t, company.companyId);
    const { username } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [community.id] });
    const visitor = await loginAs(t.app, username, PASSWORD);
    expect((await visitor.get('/api/v1/audit-log')).statusCode).toBe(403);
  });
});
