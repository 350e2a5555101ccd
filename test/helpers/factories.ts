/**
 * Factories for companies, communities and accounts, and HTTP clients that act as a signed-in user
 * (session cookie + CSRF token) or as an API token, and answers that complete a visit task's questionnaire.
 */
import type { LightMyRequestResponse } from 'fastify';
import { BUILTIN_ROLES, type Permission } from '../../src/shared/schemas/permissions.js';
import type { Answers } from '../../src/shared/schemas/questionnaires.js';
import type { VisitTaskDetail } from '../../src/shared/schemas/visits.js';
import { answersTo } from './answers.js';
import { hashPassword } from '../../src/server/auth/secrets.js';
import { createCompany } from '../../src/server/companies/create-company.js';
import { nowIso } from '../../src/server/clock.js';
import type { App } from '../../src/server/http/types.js';
import type { TestApp } from './test-app.js';
import { insertUser } from '../../src/server/users/insert-user.js';

export const PASSWORD = 'Correct-Horse-42';
let seq = 0;
const next = () => `${process.pid}${++seq}`;

export async function makeCompany(t: TestApp, name = `公司${next()}`) {
  const admin = `admin${next()}`;
  const { companyId, adminId, roleIds } = await createCompany(t.handle.db, {
    name,
    admin: { username: admin, displayName: `管理员${admin}`, password: PASSWORD, mustChangePassword: false },
    scryptCost: t.config.scryptCost,
  });
  return { companyId, adminId, adminUsername: admin, roleIds };
}

export async function makeCommunity(t: TestApp, companyId: number, name = `小区${next()}`) {
  const now = nowIso();
  const row = await t.handle.db
    .insertInto('communities')
    .values({ company_id: companyId, name, code: `C${next()}`, type: 'residential', address: '', status: 'active', created_at: now, updated_at: now })
    .returning(['id', 'name', 'code'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function makeRole(t: TestApp, companyId: number, name: string, permissions: readonly Permission[]) {
  const now = nowIso();
  const { id } = await t.handle.db
    .insertInto('roles')
    .values({ company_id: companyId, key: null, name, description: '', permissions: JSON.stringify(permissions), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function makeUser(
  t: TestApp,
  opts: { companyId: number; roleId: number; communityIds?: number[]; username?: string; displayName?: string; mustChange?: boolean; departmentId?: number },
) {
  const username = opts.username ?? `user${next()}`;
  const id = await insertUser(t.handle.db, {
    companyId: opts.companyId,
    username,
    displayName: opts.displayName ?? username,
    passwordHash: await hashPassword(PASSWORD, t.config.scryptCost),
    mustChangePassword: Boolean(opts.mustChange),
    roleId: opts.roleId,
    departmentId: opts.departmentId,
    communityIds: opts.communityIds,
  });
  return { id, username };
}

export const ALL_BUT_COMPANY_SCOPE = BUILTIN_ROLES.admin.filter((p) => p !== 'scope.company');

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Sends requests as one caller. */
export class Client {
  constructor(
    private readonly app: App,
    private readonly headers: Record<string, string>,
    readonly csrfToken: string | null = null,
  ) {}

  request(method: Method, url: string, body?: unknown, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.headers, ...extra };
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    return this.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  }
  get = (url: string, extra?: Record<string, string>) => this.request('GET', url, undefined, extra);
  post = (url: string, body?: unknown, extra?: Record<string, string>) => this.request('POST', url, body ?? {}, extra);
  patch = (url: string, body: unknown, extra?: Record<string, string>) => this.request('PATCH', url, body, extra);
  put = (url: string, body: unknown, extra?: Record<string, string>) => this.request('PUT', url, body, extra);
  delete = (url: string, extra?: Record<string, string>) => this.request('DELETE', url, undefined, extra);
}

export async function loginAs(app: App, username: string, password = PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'huifang_session')!;
  const { csrfToken } = res.json() as { csrfToken: string };
  return new Client(app, { cookie: `huifang_session=${cookie.value}` }, csrfToken);
}

export async function tokenClient(app: App, session: Client, name = 'integration') {
  const res = await session.post('/api/v1/me/tokens', { name });
  if (res.statusCode !== 201) throw new Error(`token failed: ${res.body}`);
  const { secret, token } = res.json() as { secret: string; token: { id: number } };
  return { client: new Client(app, { authorization: `Bearer ${secret}` }), secret, tokenId: token.id };
}

/** Answers that complete the visit of a task, in the questionnaire version the server chose for it. */
export async function answersFor(client: Client, taskId: number): Promise<Answers> {
  const res = await client.get(`/api/v1/visit-tasks/${taskId}`);
  if (res.statusCode !== 200) throw new Error(`task ${taskId}: ${res.statusCode} ${res.body}`);
  return answersTo((res.json() as VisitTaskDetail).questionnaire?.questions ?? []);
}
