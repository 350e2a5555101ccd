/**
 * Bad input at the edge, for every operation in the OpenAPI document (new routes are covered automatically):
 * control characters in any string of a path, query string or JSON body, and numbers in a path or query
 * string that are not written as plain decimals, are refused with 400 validation_failed naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginAs, makeCompany, type Client } from '../helpers/factories.js';
import { readApiDocument, sample, setPath, stringFields, typesOf, type ApiDocument, type Operation } from '../helpers/openapi.js';

let t: TestApp;
let admin: Client;
let doc: ApiDocument;

beforeAll(async () => {
  t = await createTestApp();
  const company = await makeCompany(t);
  admin = await loginAs(t.app, company.adminUsername);
  doc = await readApiDocument(t.app);
});
afterAll(() => t.close());

const NUL = 'a\u0000b';
const urlOf = (op: Operation, params: Record<string, string> = {}) =>
  op.path.replace(/\{(\w+)\}/g, (_, p: string) => params[p] ?? '1');

interface Probe {
  label: string;
  field: string;
  send: () => ReturnType<Client['request']>;
}

/** One request per string field of every operation, with NUL in that field and sampled values elsewhere. */
function nulProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const op of doc.operations) {
    const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : op.body;
    for (const p of op.pathParams) {
      probes.push({ label: `${op.operationId} path ${p}`, field: p, send: () => admin.request(op.method, urlOf(op, { [p]: '1%00' }), body ? sample(doc, body) : undefined) });
    }
    for (const q of op.query.filter((q) => typesOf(doc, q.schema).includes('string'))) {
      probes.push({ label: `${op.operationId} query ${q.name}`, field: q.name, send: () => admin.request(op.method, `${urlOf(op)}?${q.name}=a%00b`, body ? sample(doc, body) : undefined) });
    }
    if (!body) continue;
    for (const field of stringFields(doc, body)) {
      probes.push({
        label: `${op.operationId} body ${field}`,
        field,
        send: () => {
          const payload = sample(doc, body) as Record<string, unknown>;
          setPath(payload, field, NUL);
          return admin.request(op.method, urlOf(op), payload);
        },
      });
    }
  }
  return probes;
}

describe('control characters', () => {
  it('client: a NUL in any string of any operation (path, query or body) gets 400 validation_failed naming the field, never 500', async () => {
    const probes = nulProbes();
    const domains = new Set(doc.operations.map((op) => op.path.split('/')[3]));
    expect(domains.size).toBeGreaterThan(10);
    expect(probes.length).toBeGreaterThan(200);
    for (const probe of probes) {
      const res = await probe.send();
      const label = `${probe.label} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, label).toBe(400);
      expect(res.json().code, label).toBe('validation_failed');
      expect(res.json().errors, label).toContainEqual(expect.objectContaining({ path: probe.field, code: 'control_character' }));
    }
  });

  it('client: the field error says which character, in Chinese by default and in English when asked', async () => {
    const zh = (await admin.post('/api/v1/departments', { name: NUL, code: 'NUL1' })).json();
    expect(zh.errors).toEqual([{ path: 'name', code: 'control_character', message: '含有不允许的控制字符（U+0000）' }]);
    const en = (await admin.get('/api/v1/households?q=%00', { 'accept-language': 'en' })).json();
    expect(en.errors).toEqual([{ path: 'q', code: 'control_character', message: 'contains a control character that is not allowed (U+0000)' }]);
  });

  it('client: DEL and the other C0 controls are refused too, in keys as well as values', async () => {
    for (const ch of ['\u0001', '\u0008', '\u000b', '\u001b', '\u001f', '\u007f']) {
      const res = await admin.post('/api/v1/roles', { name: `角色${ch}`, permissions: [] });
      expect(res.statusCode, JSON.stringify(ch)).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ path: 'name', code: 'control_character' });
    }
    const key = await admin.post('/api/v1/roles', { name: '角色', permissions: [], ['x\u0000']: 1 });
    expect(key.json().errors[0]).toMatchObject({ code: 'control_character' });
  });

  it('user: tabs and line breaks stay allowed in a body, where text spans lines, but not in a query string', async () => {
    const res = await admin.post('/api/v1/roles', { name: '多行说明角色', description: '第一行\r\n第二行\t缩进', permissions: [] });
    expect(res.statusCode).toBe(201);
    expect(res.json().description).toBe('第一行\r\n第二行\t缩进');
    const query = await admin.get('/api/v1/users?q=a%0Ab');
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0]).toMatchObject({ path: 'q', code: 'control_character' });
  });
});

describe('numbers in paths and query strings', () => {
  const NOT_CANONICAL = ['%201', '1%20', '0x10', '1e3', '6.0', '%2B5', '01', '1_000'];

  it('client: every numeric path or query parameter of every operation refuses +5, " 7", 0x10, 1e3, 6.0 and 01', async () => {
    let checked = 0;
    for (const op of doc.operations) {
      const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : op.body ? sample(doc, op.body) : undefined;
      const targets = [
        ...op.pathParams.map((p) => ({ name: p, integer: true, url: (v: string) => urlOf(op, { [p]: v }) })),
        ...op.query
          .filter((q) => typesOf(doc, q.schema).some((type) => type === 'integer' || type === 'number'))
          .map((q) => ({ name: q.name, integer: typesOf(doc, q.schema).includes('integer'), url: (v: string) => `${urlOf(op)}?${q.name}=${v}` })),
      ];
      for (const target of targets) {
        // 6.0 is a plain decimal where decimals are allowed (a score of at least 6.0).
        for (const value of NOT_CANONICAL.filter((v) => target.integer || v !== '6.0')) {
          const res = await admin.request(op.method, target.url(value), body);
          const label = `${op.operationId} ${target.name}=${value} → ${res.statusCode} ${res.body.slice(0, 160)}`;
          expect(res.statusCode, label).toBe(400);
          expect(res.json().errors, label).toContainEqual(expect.objectContaining({ path: target.name, code: expect.stringMatching(/^(integer|number)_format$/) }));
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('client: the refusal explains the format; plain decimals still work', async () => {
    const res = await admin.get('/api/v1/users/0x10', { 'accept-language': 'en' });
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'userId', code: 'integer_format', message: 'must be a plain decimal integer such as 12 (no plus sign, spaces, decimal point or leading zeros)' }],
    });
    expect((await admin.get('/api/v1/users?limit=10&offset=0')).statusCode).toBe(200);
    expect((await admin.get('/api/v1/visit-records?minScore=3.5&maxScore=5')).statusCode).toBe(200);
    expect((await admin.get('/api/v1/visit-records?minScore=3.50.1')).json().errors[0]).toMatchObject({ path: 'minScore', code: 'number_format' });
  });
});
