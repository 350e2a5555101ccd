import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { Client, loginAs, makeCommunity, makeCompany, makeUser, PASSWORD, tokenClient } from '../helpers/factories.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let communityId: number;

beforeAll(async () => {
  t = await createTestApp({ HUIFANG_SESSION_IDLE_MINUTES: '30', HUIFANG_SESSION_ABSOLUTE_HOURS: '8' });
  company = await makeCompany(t);
  communityId = (await makeCommunity(t, company.companyId)).id;
});
afterAll(() => t.close());

const visitor = () => makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [communityId] });

describe('login and session', () => {
  it('admin: logs in and receives an HttpOnly SameSite session cookie, the user and a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: company.adminUsername, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'huifang_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user.username).toBe(company.adminUsername);
    expect(body.user.allCommunities).toBe(true);
    expect(body.csrfToken.length).toBeGreaterThan(20);

    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `huifang_session=${cookie.value}` } });
    expect(session.json().csrfToken).toBe(body.csrfToken);
  });

  it('anyone: a wrong password and an unknown username fail identically', async () => {
    const { username } = await visitor();
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'not-the-password1' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody-here', password: 'not-the-password1' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
  });

  it('attacker: after 5 failures for one username, even the right password is refused with 429 and Retry-After', async () => {
    const { username } = await visitor();
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: `guess-${i}-wrong` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
      headers: { 'accept-language': 'en' },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
    expect(blocked.json().detail).toMatch(/try again in 15 minutes/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('user: the session ends after the idle timeout and at the absolute expiry', async () => {
    const { username } = await visitor();
    const idle = await loginAs(t.app, username);
    expect((await idle.get('/api/v1/auth/session')).statusCode).toBe(200);
    await t.handle.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() }).execute();
    expect((await idle.get('/api/v1/auth/session')).statusCode).toBe(401);

    const old = await loginAs(t.app, username);
    await t.handle.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const res = await old.get('/api/v1/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('user: logging out ends the session', async () => {
    const { username } = await visitor();
    const c = await loginAs(t.app, username);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('user: a cookie-authenticated write without the X-CSRF-Token header is refused', async () => {
    const admin = await loginAs(t.app, company.adminUsername);
    const res = await admin.post('/api/v1/departments', { name: '工程部', code: 'ENGX' }, { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const ok = await admin.post('/api/v1/departments', { name: '工程部', code: 'ENGX' });
    expect(ok.statusCode).toBe(201);
  });

  it('integration: a Bearer token needs no CSRF header', async () => {
    const admin = await loginAs(t.app, company.adminUsername);
    const { client } = await tokenClient(t.app, admin);
    const res = await client.post('/api/v1/departments', { name: '保洁部', code: 'CLEANX' });
    expect(res.statusCode).toBe(201);
  });
});

describe('passwords', () => {
  it('new user: must change the temporary password before anything else; other sessions end', async () => {
    const { username } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [communityId], mustChange: true });
    const first = await loginAs(t.app, username);
    const second = await loginAs(t.app, username);
    expect((await first.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);
    const blocked = await first.get('/api/v1/communities');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');

    const weak = await first.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'abcdefghij' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('newPassword');
    const wrong = await first.post('/api/v1/auth/password', { currentPassword: 'Wrong-pass-1', newPassword: 'New-Passw0rd-1' });
    expect(wrong.json().code).toBe('wrong_password');

    expect((await first.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'New-Passw0rd-1' })).statusCode).toBe(200);
    expect((await first.get('/api/v1/communities')).statusCode).toBe(200);
    expect((await second.get('/api/v1/auth/session')).statusCode).toBe(401);
    await loginAs(t.app, username, 'New-Passw0rd-1');
  });

  it('user: a weak new password is refused with a code and a message saying what is wrong', async () => {
    const { username } = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [communityId], username: 'liu.yang' });
    const user = await loginAs(t.app, username);
    const cases: [string, string][] = [
      ['password123', 'password_too_common'],
      ['qwerty123456', 'password_too_common'],
      ['aaaaaaaaaa1', 'password_predictable'],
      ['          1a', 'password_whitespace'],
      ['liuyang20240101', 'password_contains_username'],
      ['Short-1a', 'password_too_short'],
    ];
    for (const [newPassword, code] of cases) {
      const res = await user.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword }, { 'accept-language': 'en' });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().code, newPassword).toBe(code);
      expect(res.json().errors, newPassword).toEqual([expect.objectContaining({ path: 'newPassword', code })]);
    }
    const zh = (await user.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'liuyang20240101' })).json();
    expect(zh.detail).toContain('密码包含了您的用户名');
    expect((await user.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Tea-Kettle-Orbit-7' })).statusCode).toBe(200);
  });

  it('system: stores passwords only as scrypt hashes', async () => {
    const { id } = await visitor();
    const row = await t.handle.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('admin: resets a password; the old one stops working and the user must change the new one', async () => {
    const { id, username } = await visitor();
    const session = await loginAs(t.app, username);
    const admin = await loginAs(t.app, company.adminUsername);
    const res = await admin.post(`/api/v1/users/${id}/password-reset`);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect((await session.get('/api/v1/auth/session')).statusCode).toBe(401);
    await expect(loginAs(t.app, username)).rejects.toThrow(/401/);
    const fresh = await loginAs(t.app, username, temporaryPassword);
    expect((await fresh.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);
  });
});

describe('own password', () => {
  it('admin: cannot reset their own password through the reset route, and stays free of the forced change', async () => {
    const { adminId: id, adminUsername } = await makeCompany(t);
    const admin = await loginAs(t.app, adminUsername);
    const res = await admin.post(`/api/v1/users/${id}/password-reset`, {}, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'cannot_reset_own_password', title: 'Cannot reset your own password' });
    expect((await admin.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(false);
    await loginAs(t.app, adminUsername);
  });
});

describe('accounts', () => {
  it('admin: disabling an account ends its sessions and tokens at once; it cannot log in', async () => {
    const { id, username } = await visitor();
    const session = await loginAs(t.app, username);
    const { client: token } = await tokenClient(t.app, session);
    expect((await token.get('/api/v1/communities')).statusCode).toBe(200);

    const admin = await loginAs(t.app, company.adminUsername);
    expect((await admin.patch(`/api/v1/users/${id}`, { status: 'disabled' })).json().status).toBe('disabled');
    expect((await session.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await token.get('/api/v1/communities')).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('account_disabled');
  });
});

describe('API tokens of disabled accounts', () => {
  it('admin: disabling an account revokes its tokens (audited), so enabling it again does not bring them back', async () => {
    const { id, username } = await visitor();
    const { client: token, tokenId } = await tokenClient(t.app, await loginAs(t.app, username));
    const admin = await loginAs(t.app, company.adminUsername);
    expect((await admin.patch(`/api/v1/users/${id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { status: 'active' })).json().status).toBe('active');
    expect((await token.get('/api/v1/communities')).statusCode).toBe(401);
    const audit = (await admin.get(`/api/v1/audit-log?entityType=api_token&entityId=${tokenId}&action=api_token.revoke`)).json();
    expect(audit.items).toEqual([expect.objectContaining({ action: 'api_token.revoke', after: { reason: 'account_disabled', userId: id } })]);
    const session = await loginAs(t.app, username);
    expect((await session.get('/api/v1/me/tokens')).json().items).toEqual([]);
  });
});

describe('API tokens', () => {
  it('integration: a Bearer token cannot create further tokens (403 token_cannot_create_token)', async () => {
    const { username } = await visitor();
    const session = await loginAs(t.app, username);
    const { client } = await tokenClient(t.app, session);
    const res = await client.post('/api/v1/me/tokens', { name: '再生令牌' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('token_cannot_create_token');
    expect((await session.get('/api/v1/me/tokens')).json().items).toHaveLength(1);
  });

  it('user: creates a token shown once, stored hashed, usable as Bearer, then revokes it', async () => {
    const { username } = await visitor();
    const session = await loginAs(t.app, username);
    const { client, secret, tokenId } = await tokenClient(t.app, session, '报表集成');
    expect(secret).toMatch(/^hf_/);
    const stored = await t.handle.db.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = (await session.get('/api/v1/me/tokens')).json();
    expect(listed.items).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(secret);

    expect((await client.get('/api/v1/communities')).statusCode).toBe(200);
    expect((await session.delete(`/api/v1/me/tokens/${tokenId}`)).statusCode).toBe(204);
    expect((await client.get('/api/v1/communities')).statusCode).toBe(401);
  });

  it('user: an expired token is refused', async () => {
    const { username } = await visitor();
    const session = await loginAs(t.app, username);
    const res = await session.post('/api/v1/me/tokens', { name: 'short', expiresInDays: 1 });
    const { secret, token } = res.json();
    expect(token.expiresAt).not.toBeNull();
    await t.handle.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', token.id).execute();
    const client = new Client(t.app, { authorization: `Bearer ${secret}` });
    expect((await client.get('/api/v1/communities')).statusCode).toBe(401);
  });

  it('visitor: a token has no more permissions than its owner', async () => {
    const { username } = await visitor();
    const session = await loginAs(t.app, username);
    const { client } = await tokenClient(t.app, session);
    const res = await client.get('/api/v1/users');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });
});
