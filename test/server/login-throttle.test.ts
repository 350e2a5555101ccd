/**
 * Login throttling under parallel attempts: the limits per username and per address hold when attempts
 * arrive at once, on one app instance and (PostgreSQL) on two instances sharing the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/http/types.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { makeCommunity, makeCompany, makeUser, PASSWORD } from '../helpers/factories.js';

let t: TestApp;
let company: Awaited<ReturnType<typeof makeCompany>>;
let communityId: number;
let address = 0;

beforeAll(async () => {
  t = await createTestApp({ HUIFANG_LOGIN_MAX_FAILURES_PER_USER: '5', HUIFANG_LOGIN_MAX_FAILURES_PER_IP: '20' });
  company = await makeCompany(t);
  communityId = (await makeCommunity(t, company.companyId)).id;
});
afterAll(() => t.close());

const visitor = () => makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: [communityId] });
/** Each test signs in from its own address, so that one test's failures do not count against another's. */
const newAddress = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

function attempt(app: App, username: string, password: string, ip: string) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
}

function tally(responses: LightMyRequestResponse[]) {
  const by = (status: number) => responses.filter((r) => r.statusCode === status);
  return { verified: by(401).length + by(200).length, refused: by(429), other: responses.filter((r) => ![200, 401, 429].includes(r.statusCode)) };
}

function expectRefused(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(429);
  expect(res.json().code).toBe('too_many_attempts');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('login throttling under parallel attempts', () => {
  it('attacker: 60 simultaneous wrong passwords for one user get at most 5 checked, the rest 429; then the right one is refused too', async () => {
    const { username } = await visitor();
    const ip = newAddress();
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(t.app, username, `wrong-guess-${i}`, ip)));
    const { verified, refused, other } = tally(responses);
    expect(other).toEqual([]);
    expect(verified).toBeLessThanOrEqual(5);
    expect(verified).toBeGreaterThan(0);
    expect(refused).toHaveLength(60 - verified);
    refused.forEach(expectRefused);
    expectRefused(await attempt(t.app, username, PASSWORD, ip));
  });

  it('attacker: 60 simultaneous attempts from one address at 60 usernames get at most 20 checked', async () => {
    const ip = newAddress();
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(t.app, `nobody-${address}-${i}`, 'wrong-guess', ip)));
    const { verified, refused, other } = tally(responses);
    expect(other).toEqual([]);
    expect(verified).toBeLessThanOrEqual(20);
    expect(refused).toHaveLength(60 - verified);
    refused.forEach(expectRefused);
  });

  it('user: under the limit, the right password still signs in, also among parallel attempts', async () => {
    const { username } = await visitor();
    const ip = newAddress();
    for (let i = 0; i < 4; i++) expect((await attempt(t.app, username, `typo-${i}`, ip)).statusCode).toBe(401);
    const ok = await attempt(t.app, username, PASSWORD, ip);
    expect(ok.statusCode).toBe(200);
    expect(ok.cookies.find((c) => c.name === 'huifang_session')).toBeDefined();

    const other = await visitor();
    const parallel = await Promise.all(Array.from({ length: 3 }, () => attempt(t.app, other.username, PASSWORD, newAddress())));
    expect(parallel.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const rows = await t.handle.db.selectFrom('login_attempts').select('succeeded').where('username', '=', other.username).execute();
    expect(rows.map((r) => r.succeeded)).toEqual([1, 1, 1]);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('attacker: 60 simultaneous attempts spread over two app instances still get at most 5 checked', async () => {
    const second = await buildApp({ handle: t.openSecondHandle(), config: t.config });
    await second.ready();
    try {
      const { username } = await visitor();
      const ip = newAddress();
      const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(i % 2 ? second : t.app, username, `wrong-guess-${i}`, ip)));
      const { verified, refused, other } = tally(responses);
      expect(other).toEqual([]);
      expect(verified).toBeLessThanOrEqual(5);
      expect(refused).toHaveLength(60 - verified);
      refused.forEach(expectRefused);
      expectRefused(await attempt(second, username, PASSWORD, ip));
      expectRefused(await attempt(t.app, username, PASSWORD, ip));
    } finally {
      await second.close();
    }
  });
});
