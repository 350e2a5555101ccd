import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { ALL_BUT_COMPANY_SCOPE, loginAs, makeCommunity, makeCompany, makeRole, makeUser, type Client } from '../helpers/factories.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let east: number;
let west: number;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  company = await makeCompany(t);
  east = (await makeCommunity(t, company.companyId, '东区')).id;
  west = (await makeCommunity(t, company.companyId, '西区')).id;
  admin = await loginAs(t.app, company.adminUsername);
});
afterAll(() => t.close());

describe('accounts', () => {
  it('admin: creates a supervisor scoped to one community with a one-time password the supervisor must change', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'Li.Supervisor',
      displayName: '李主管',
      roleId: company.roleIds.supervisor,
      communityIds: [east],
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({ username: 'li.supervisor', roleKey: 'supervisor', communityIds: [east], mustChangePassword: true, allCommunities: false });
    const supervisor = await loginAs(t.app, 'li.supervisor', temporaryPassword);
    expect((await supervisor.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);
  });

  it('admin: a taken username is refused with 409 username_taken', async () => {
    const body = { username: 'dup-user', displayName: '重复', roleId: company.roleIds.visitor, communityIds: [east] };
    expect((await admin.post('/api/v1/users', body)).statusCode).toBe(201);
    const again = await admin.post('/api/v1/users', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('username_taken');
  });

  it('admin: a visitor without any community is refused with a field error', async () => {
    const res = await admin.post('/api/v1/users', { username: 'no-scope', displayName: '无小区', roleId: company.roleIds.visitor, communityIds: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('communityIds');
  });

  it('admin: a community or role of another company is an invalid reference', async () => {
    const other = await makeCompany(t);
    const foreign = await makeCommunity(t, other.companyId);
    const res = await admin.post('/api/v1/users', { username: 'foreign1', displayName: 'x', roleId: company.roleIds.visitor, communityIds: [foreign.id] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'invalid_reference', errors: [{ path: 'communityIds' }] });
    const role = await admin.post('/api/v1/users', { username: 'foreign2', displayName: 'x', roleId: other.roleIds.visitor, communityIds: [east] });
    expect(role.json().code).toBe('invalid_reference');
  });

  it('admin: cannot disable their own account or change their own role', async () => {
    const res = await admin.patch(`/api/v1/users/${company.adminId}`, { status: 'disabled' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('cannot_change_self');
  });

  it('admin: changing communities records before and after in the audit log', async () => {
    const { id } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [east] });
    const res = await admin.patch(`/api/v1/users/${id}`, { communityIds: [east, west] });
    expect(res.json().communityIds).toEqual([east, west].sort((a, b) => a - b));
    const audit = (await admin.get(`/api/v1/audit-log?entityType=user&entityId=${id}&action=user.update`)).json();
    expect(audit.items[0].before).toEqual({ communityIds: [east] });
    expect(audit.items[0].after.communityIds).toHaveLength(2);
  });

  it('community user manager: cannot grant a role beyond their own, nor a community outside their scope', async () => {
    const roleId = await makeRole(t, company.companyId, '小区账号管理员', ALL_BUT_COMPANY_SCOPE);
    const { username } = await makeUser(t, { companyId: company.companyId, roleId, communityIds: [east] });
    const manager = await loginAs(t.app, username);
    const escalate = await manager.post('/api/v1/users', { username: 'sneaky-admin', displayName: 'x', roleId: company.roleIds.admin, communityIds: [east] });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().code).toBe('permission_exceeds_own');
    const elsewhere = await manager.post('/api/v1/users', { username: 'west-visitor', displayName: 'x', roleId: company.roleIds.visitor, communityIds: [west] });
    expect(elsewhere.json().code).toBe('invalid_reference');
    const fine = await manager.post('/api/v1/users', { username: 'east-visitor', displayName: 'x', roleId: company.roleIds.visitor, communityIds: [east] });
    expect(fine.statusCode).toBe(201);
  });

  it('community user manager: editing a two-community account keeps the community they cannot see', async () => {
    const roleId = await makeRole(t, company.companyId, '东区账号管理员', ALL_BUT_COMPANY_SCOPE);
    const { username } = await makeUser(t, { companyId: company.companyId, roleId, communityIds: [east] });
    const { id } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [east, west] });
    const manager = await loginAs(t.app, username);
    const res = await manager.patch(`/api/v1/users/${id}`, { communityIds: [] });
    expect(res.statusCode).toBe(200);
    expect(res.json().communityIds).toEqual([]);
    expect((await admin.get(`/api/v1/users/${id}`)).json().communityIds).toEqual([west]);
  });

  it('supervisor: lists only the accounts of their own communities', async () => {
    const { username: sup } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.supervisor, communityIds: [west] });
    const { username: westVisitor } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [west] });
    const { username: eastVisitor } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [east] });
    const supervisor = await loginAs(t.app, sup);
    const names = (await supervisor.get('/api/v1/users?limit=200')).json().items.map((u: { username: string }) => u.username);
    expect(names).toContain(westVisitor);
    expect(names).not.toContain(eastVisitor);
    expect(names).not.toContain(company.adminUsername);
  });

  it('admin: filters the account list and gets the total across pages', async () => {
    for (let i = 0; i < 3; i++) await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.handler, communityIds: [west], username: `handler-page-${i}` });
    const res = (await admin.get(`/api/v1/users?roleId=${company.roleIds.handler}&limit=2`)).json();
    expect(res.total).toBe(3);
    expect(res.items).toHaveLength(2);
    expect((await admin.get('/api/v1/users?q=handler-page-1')).json().items.map((u: { username: string }) => u.username)).toEqual(['handler-page-1']);
  });
});

describe('roles', () => {
  it('admin: creates a custom role from the permission list and assigns it', async () => {
    const perms = (await admin.get('/api/v1/permissions')).json().items.map((p: { key: string }) => p.key);
    expect(perms).toContain('users.manage');
    const res = await admin.post('/api/v1/roles', { name: '客服组长', description: '可查看账号', permissions: ['users.read', 'communities.read'] });
    expect(res.statusCode).toBe(201);
    const role = res.json();
    expect(role).toMatchObject({ builtin: false, key: null, userCount: 0, permissions: ['communities.read', 'users.read'] });
    const user = await admin.post('/api/v1/users', { username: 'cs-lead', displayName: '组长', roleId: role.id, communityIds: [east] });
    expect(user.statusCode).toBe(201);
    const del = await admin.delete(`/api/v1/roles/${role.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('role_in_use');
  });

  it('admin: built-in roles cannot be changed or deleted', async () => {
    const res = await admin.patch(`/api/v1/roles/${company.roleIds.visitor}`, { name: '改名' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('role_builtin');
    expect((await admin.delete(`/api/v1/roles/${company.roleIds.visitor}`)).json().code).toBe('role_builtin');
  });

  it('admin: an unknown permission is refused; an unused custom role is deleted', async () => {
    const bad = await admin.post('/api/v1/roles', { name: '坏角色', permissions: ['launch.missiles'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('permissions.0');
    const role = (await admin.post('/api/v1/roles', { name: '临时角色', permissions: [] })).json();
    expect((await admin.patch(`/api/v1/roles/${role.id}`, { permissions: ['audit.read'] })).json().permissions).toEqual(['audit.read']);
    expect((await admin.delete(`/api/v1/roles/${role.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/roles/${role.id}`)).statusCode).toBe(404);
  });

  it('admin: a duplicate role name is refused with 409', async () => {
    await admin.post('/api/v1/roles', { name: '同名角色', permissions: [] });
    const res = await admin.post('/api/v1/roles', { name: '同名角色', permissions: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('name_taken');
  });
});
