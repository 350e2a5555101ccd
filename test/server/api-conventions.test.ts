import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginAs, makeCompany, type Client } from '../helpers/factories.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp(
    { HUIFANG_BODY_LIMIT_BYTES: '2048' },
    {
      extraRoutes: (app) => {
        app.get('/api/v1/test/explode', async () => {
          throw new Error('SELECT secret FROM internals — boom');
        });
      },
    },
  );
  const company = await makeCompany(t);
  admin = await loginAs(t.app, company.adminUsername);
});
afterAll(() => t.close());

const isProblem = (res: { headers: Record<string, unknown> }) => String(res.headers['content-type']).startsWith('application/problem+json');

describe('API conventions', () => {
  it('anyone: health names the database and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.json()).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite', version: 'test' });
  });

  it('client: malformed JSON gets 400 malformed_json as problem+json', async () => {
    const res = await admin.request('POST', '/api/v1/communities', '{"name": ', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(isProblem(res)).toBe(true);
    expect(res.json()).toMatchObject({ code: 'malformed_json', status: 400, title: '请求格式错误' });
  });

  it('client: unknown fields get 400 with the field named, in English when asked', async () => {
    const res = await admin.post('/api/v1/communities', { name: 'x', code: 'X1', type: 'residential', owner: 'me' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', title: 'Invalid input', errors: [{ code: 'unrecognized_keys', message: 'unknown field(s): owner' }] });
  });

  it('client: missing and wrongly typed fields are reported per field in Chinese by default', async () => {
    const res = await admin.post('/api/v1/communities', { code: 7, type: 'castle' });
    const paths = res.json().errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['code', 'name', 'type']);
    expect(res.json().errors.find((e: { path: string }) => e.path === 'name').message).toBe('必填');
  });

  it('client: a body over the limit gets 413', async () => {
    const res = await admin.post('/api/v1/communities', { name: 'x'.repeat(5000), code: 'BIG', type: 'residential' });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });

  it('client: an unknown API route gets 404 problem+json', async () => {
    const res = await admin.get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(isProblem(res)).toBe(true);
    expect(res.json().code).toBe('route_not_found');
  });

  it('client: a list limit above 200 is refused; lists return the total', async () => {
    const res = await admin.get('/api/v1/communities?limit=500');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('limit');
    const ok = (await admin.get('/api/v1/communities?limit=200')).json();
    expect(ok).toHaveProperty('total');
  });

  it('server: an unexpected failure is a 500 without stack trace or SQL, naming the request id', async () => {
    const res = await admin.get('/api/v1/test/explode', { 'x-request-id': 'req-abc-123' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['x-request-id']).toBe('req-abc-123');
    expect(res.json().code).toBe('internal_error');
    expect(res.body).toContain('req-abc-123');
    expect(res.body).not.toMatch(/SELECT|boom|at .*\.ts/);
  });

  it('anyone: the OpenAPI 3.1 document lists the API and browsable docs are served', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/{userId}', '/api/v1/audit-log']));
    expect(doc.components.schemas).toHaveProperty('Problem');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('client: an upload without a multipart boundary, or with a broken one, gets 400 multipart_invalid', async () => {
    for (const contentType of ['multipart/form-data', `multipart/form-data; boundary=${'x'.repeat(300)}`]) {
      const res = await admin.request('POST', '/api/v1/attachments', 'abc', { 'content-type': contentType, 'accept-language': 'en' });
      expect(res.statusCode, contentType.slice(0, 40)).toBe(400);
      expect(isProblem(res)).toBe(true);
      expect(res.json()).toMatchObject({ code: 'multipart_invalid', title: 'Malformed upload' });
    }
  });

  it('client: a path parameter over 100 characters gets 414 path_parameter_too_long as problem+json', async () => {
    const res = await admin.get(`/api/v1/users/${'1'.repeat(101)}`);
    expect(res.statusCode).toBe(414);
    expect(isProblem(res)).toBe(true);
    expect(res.json()).toMatchObject({ code: 'path_parameter_too_long', title: '网址过长', detail: '地址中的参数超过 100 个字符。' });
  });

  it('client: a malformed percent-escape in the address gets 400 malformed_url as problem+json, in English when asked', async () => {
    const res = await admin.get('/api/v1/users/%E0%A4%A', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(isProblem(res)).toBe(true);
    expect(res.json()).toMatchObject({ code: 'malformed_url', title: 'Malformed address', instance: '/api/v1/users/%E0%A4%A' });
    expect(res.body).not.toContain('FST_');
  });

  it('client: a JSON body with a __proto__ key gets 400 malformed_json', async () => {
    const res = await admin.request('POST', '/api/v1/roles', '{"name":"x","permissions":[],"__proto__":{"admin":true}}', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('malformed_json');
  });

  it('anyone: an unauthenticated call gets 401 unauthenticated', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });
});
