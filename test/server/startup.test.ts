import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstCompany } from '../../src/server/companies/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { createTestApp, openTestDatabase, TEST_ENV, type TestApp } from '../helpers/test-app.js';
import { loginAs } from '../helpers/factories.js';

function capturingLog() {
  const lines: { obj: Record<string, unknown>; msg: string }[] = [];
  const log = {
    info: (obj: Record<string, unknown>, msg: string) => lines.push({ obj, msg }),
    warn: (obj: Record<string, unknown>, msg: string) => lines.push({ obj, msg }),
  };
  return { lines, log: log as never };
}

describe('first start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('administrator: gets a random password printed once, must change it, and a second start creates nothing', async () => {
    const { lines, log } = capturingLog();
    await ensureFirstCompany(t.handle.db, t.config, log);
    const password = lines[0].obj.password as string;
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(lines[0].msg).toContain(password);
    const admin = await loginAs(t.app, 'admin', password);
    expect((await admin.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);

    const again = capturingLog();
    await ensureFirstCompany(t.handle.db, t.config, again.log);
    expect(again.lines).toEqual([]);
    expect((await t.handle.db.selectFrom('users').select('id').execute()).length).toBe(1);
  });
});

describe('first start with HUIFANG_ADMIN_PASSWORD', () => {
  it('administrator: logs in with the configured password and need not change it', async () => {
    const { handle, dropSchema } = await openTestDatabase();
    await migrateToLatest(handle);
    const config = loadConfig({ ...TEST_ENV, HUIFANG_ADMIN_PASSWORD: 'Configured-Pass-1' }, 'test');
    const { lines, log } = capturingLog();
    await ensureFirstCompany(handle.db, config, log);
    expect(JSON.stringify(lines)).not.toContain('Configured-Pass-1');
    const row = await handle.db.selectFrom('users').select(['username', 'must_change_password']).executeTakeFirstOrThrow();
    expect(row).toEqual({ username: 'admin', must_change_password: 0 });
    await handle.close();
    await dropSchema();
  });

  it('operator: a weak HUIFANG_ADMIN_PASSWORD stops the first start with a message that says what is wrong, and creates nothing', async () => {
    const { handle, dropSchema } = await openTestDatabase();
    await migrateToLatest(handle);
    const cases: [string, RegExp][] = [
      ['password123', /HUIFANG_ADMIN_PASSWORD: This is a common password/],
      ['admin123456', /HUIFANG_ADMIN_PASSWORD: (The password contains your username|This is a common password)/],
      ['          1a', /HUIFANG_ADMIN_PASSWORD: must have 10 to 200 characters and no blanks/],
    ];
    for (const [password, message] of cases) {
      const attempt = async () => ensureFirstCompany(handle.db, loadConfig({ ...TEST_ENV, HUIFANG_ADMIN_PASSWORD: password }, 'test'), capturingLog().log);
      await expect(attempt(), password).rejects.toThrow(message);
    }
    expect(await handle.db.selectFrom('companies').select('id').execute()).toEqual([]);
    await handle.close();
    await dropSchema();
  });
});

describe('demo mode', () => {
  it('demo visitor: every demo account logs in with the demo password; the visitor sees only their community', async () => {
    const t = await createTestApp({ HUIFANG_DEMO: '1' });
    try {
      expect(await seedDemo(t.handle.db, t.config)).toBe(true);
      expect(await seedDemo(t.handle.db, t.config)).toBe(false);
      const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/demo-accounts' })).json();
      expect(listed.items.map((a: { username: string }) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
      for (const a of DEMO_ACCOUNTS) await loginAs(t.app, a.username, DEMO_PASSWORD);
      const visitor = await loginAs(t.app, 'visitor', DEMO_PASSWORD);
      expect((await visitor.get('/api/v1/communities')).json().items.map((c: { name: string }) => c.name)).toEqual(['阳光花园']);
      const manager = await loginAs(t.app, 'manager', DEMO_PASSWORD);
      const communities = (await manager.get('/api/v1/communities')).json();
      expect(communities.total).toBe(3);
      const count = (name: string) => communities.items.find((c: { name: string }) => c.name === name).householdCount;
      expect([count('阳光花园'), count('翠湖苑'), count('星河商业广场')]).toEqual([1200, 300, 80]);
      const mall = communities.items.find((c: { name: string }) => c.name === '星河商业广场');
      expect((await manager.get(`/api/v1/communities/${mall.id}/households?role=merchant`)).json().total).toBe(80);
      const found = (await visitor.get(`/api/v1/communities/${communities.items.find((c: { name: string }) => c.name === '阳光花园').id}/households?q=3-2-1502`)).json();
      expect(found.items[0].residents[0].phones[0].masked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      const today = (await visitor.get('/api/v1/visit-tasks?view=today')).json();
      expect(today.total).toBeGreaterThanOrEqual(5);
      const history = (await manager.get('/api/v1/visit-records?limit=1')).json();
      expect(history.total).toBeGreaterThan(500);
      expect((await manager.get('/api/v1/visit-records?hasItems=true&limit=1')).json().total).toBeGreaterThan(20);
      const issues = (await manager.get('/api/v1/issues?limit=200')).json();
      expect(issues.total).toBeGreaterThan(20);
      const statuses = new Set(issues.items.map((i: { status: string }) => i.status));
      for (const s of ['closed', 'resolved']) expect(statuses).toContain(s);
      const handler = await loginAs(t.app, 'handler', DEMO_PASSWORD);
      expect((await handler.get('/api/v1/issues?view=department')).json().total).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it('anyone: demo accounts are not listed outside demo mode', async () => {
    const t = await createTestApp();
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/demo-accounts' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('SQLite backup', () => {
  it('operator: gets a consistent copy of the database while it is being written to', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-backup-'));
    const handle = openDatabase({ sqliteFile: path.join(dir, 'huifang.db') });
    await migrateToLatest(handle);
    const config = loadConfig({ ...TEST_ENV, HUIFANG_ADMIN_PASSWORD: 'Configured-Pass-1' }, 'test');
    await ensureFirstCompany(handle.db, config, capturingLog().log);
    const writes = (async () => {
      for (let i = 0; i < 200; i++) {
        await handle.db.insertInto('departments').values({ company_id: 1, name: `部门${i}`, code: `D${i}`, created_at: new Date().toISOString() }).execute();
      }
    })();
    const target = path.join(dir, 'copy.db');
    await handle.sqlite!.backup(target);
    await writes;
    const copy = new SQLite(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('select username from users').get() as { username: string }).username).toBe('admin');
    copy.close();
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
