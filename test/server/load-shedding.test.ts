/**
 * Load shedding with a tiny limit: two requests are held in a handler, so the instance is at its concurrency
 * limit; the next request is refused at once with 503 and Retry-After, health still answers, and the
 * instance serves again as soon as the held requests finish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, PG_POOL_SIZE } from '../../src/server/config.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginAs, makeCompany, type Client } from '../helpers/factories.js';

let t: TestApp;
let admin: Client;
let held = 0;
let release: () => void = () => {};
let gate = Promise.resolve();

beforeAll(async () => {
  t = await createTestApp(
    { HUIFANG_MAX_CONCURRENCY: '2' },
    {
      extraRoutes: (app) => {
        app.get('/api/v1/test/hold', { config: { public: true } }, async () => {
          held++;
          await gate;
          return { ok: true };
        });
      },
    },
  );
  admin = await loginAs(t.app, (await makeCompany(t)).adminUsername);
});
afterAll(() => t.close());

async function holdTwo() {
  gate = new Promise((resolve) => (release = resolve));
  held = 0;
  const requests = [t.app.inject({ method: 'GET', url: '/api/v1/test/hold' }), t.app.inject({ method: 'GET', url: '/api/v1/test/hold' })];
  while (held < 2) await new Promise((resolve) => setTimeout(resolve, 5));
  return requests;
}

describe('load shedding', () => {
  it('client: beyond the concurrency limit a request gets 503 overloaded with Retry-After at once, as problem+json', async () => {
    const holding = await holdTwo();
    const started = performance.now();
    const res = await admin.get('/api/v1/users', { 'accept-language': 'en' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.statusCode).toBe(503);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json()).toMatchObject({ code: 'overloaded', title: 'Server busy' });
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } });
    expect(zh.statusCode).toBe(503);
    expect(zh.json().title).toBe('服务器繁忙');
    release();
    expect((await Promise.all(holding)).map((r) => r.statusCode)).toEqual([200, 200]);
  });

  it('load balancer: the health check answers while the instance is at its limit', async () => {
    const holding = await holdTwo();
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    release();
    await Promise.all(holding);
  });

  it('client: once the held requests finish, the instance serves again', async () => {
    const holding = await holdTwo();
    expect((await admin.get('/api/v1/users')).statusCode).toBe(503);
    release();
    await Promise.all(holding);
    const res = await admin.get('/api/v1/users');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
  });

  it('operator: HUIFANG_MAX_CONCURRENCY must be a whole number from 1; it defaults to 16 on SQLite and to the pool size on PostgreSQL', () => {
    for (const value of ['0', '-1', '2.5', 'many']) {
      expect(() => loadConfig({ HUIFANG_MAX_CONCURRENCY: value }), value).toThrow(ConfigError);
      expect(() => loadConfig({ HUIFANG_MAX_CONCURRENCY: value }), value).toThrow(/HUIFANG_MAX_CONCURRENCY/);
    }
    expect(loadConfig({}).maxConcurrency).toBe(16);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/huifang' }).maxConcurrency).toBe(PG_POOL_SIZE);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/huifang', HUIFANG_MAX_CONCURRENCY: '24' }).maxConcurrency).toBe(24);
  });
});
