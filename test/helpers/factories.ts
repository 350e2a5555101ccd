/**
 * Factories for companies, communities, accounts, households, residents, visit tasks, issues and issue
 * categories, HTTP clients that act as a signed-in user (session cookie + CSRF token) or as an API token, and
 * answers that complete a visit task's questionnaire. Each factory takes sensible defaults, lets a test override
 * the fields it cares about, and returns the ids it created; where the product has one writer for a table
 * (accounts, buildings, visit tasks, the issue timeline) the factory goes through it.
 */
import type { LightMyRequestResponse } from 'fastify';
import { BUILTIN_ROLES, type Permission } from '../../src/shared/schemas/permissions.js';
import type { IssueKind, IssueStatus } from '../../src/shared/schemas/issues.js';
import type { Answers, Question } from '../../src/shared/schemas/questionnaires.js';
import type { RecordOutcome, TaskStatus, VisitMethod, VisitReason, VisitTaskDetail } from '../../src/shared/schemas/visits.js';
import { answersTo } from './answers.js';
import { hashPassword } from '../../src/server/auth/secrets.js';
import { createCompany } from '../../src/server/companies/create-company.js';
import { nowIso, shanghaiToday } from '../../src/server/clock.js';
import type { HouseholdStatus, ResidentRole } from '../../src/server/db/schema.js';
import { buildingId } from '../../src/server/households/create-household.js';
import { householdSortKey } from '../../src/server/households/room.js';
import type { App } from '../../src/server/http/types.js';
import { addTimeline } from '../../src/server/issues/timeline.js';
import { tallyColumns } from '../../src/server/questionnaires/answer-tally.js';
import { parsePhone } from '../../src/server/residents/phones.js';
import type { TestApp } from './test-app.js';
import { insertUser } from '../../src/server/users/insert-user.js';
import { insertTasks } from '../../src/server/visits/insert-tasks.js';

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

/** A household (one room, no unit) in a building found or created by name, as the roster import does. */
export async function makeHousehold(
  t: TestApp,
  opts: { companyId: number; communityId: number; building?: string; room?: string; area?: number | null; status?: HouseholdStatus },
) {
  const now = nowIso();
  const building = opts.building ?? '1';
  const room = opts.room ?? `${next()}`;
  const building_id = await buildingId(t.handle.db, opts.companyId, opts.communityId, building);
  const { id } = await t.handle.db
    .insertInto('households')
    .values({
      company_id: opts.companyId,
      community_id: opts.communityId,
      building_id,
      unit_id: null,
      room,
      sort_key: householdSortKey(building, null, room),
      area: opts.area === undefined ? 90 : opts.area,
      status: opts.status ?? 'occupied',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, buildingId: building_id };
}

/** A resident of a household, with phones written as the product stores them (normalised, last four digits). */
export async function makeResident(
  t: TestApp,
  opts: {
    companyId: number;
    communityId: number;
    householdId: number;
    name?: string;
    role?: ResidentRole;
    phones?: string[];
    moveInDate?: string | null;
    notes?: string;
  },
) {
  const now = nowIso();
  const { id } = await t.handle.db
    .insertInto('residents')
    .values({
      company_id: opts.companyId,
      community_id: opts.communityId,
      household_id: opts.householdId,
      name: opts.name ?? `住户${next()}`,
      role: opts.role ?? 'owner',
      move_in_date: opts.moveInDate ?? null,
      move_out_date: null,
      preferred_contact: null,
      do_not_contact: 0,
      do_not_contact_reason: null,
      notes: opts.notes ?? '',
      erased_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const phones = (opts.phones ?? []).map((raw, position) => {
    const phone = parsePhone(raw);
    if (!phone) throw new Error(`makeResident: not a phone number: ${raw}`);
    return { resident_id: id, company_id: opts.companyId, number: phone.number, kind: phone.kind, last4: phone.last4, position };
  });
  if (phones.length) await t.handle.db.insertInto('resident_phones').values(phones).execute();
  return { id };
}

/** A visit task, written by the product's one writer of tasks (visits/insert-tasks.ts). */
export async function makeVisitTask(
  t: TestApp,
  opts: {
    companyId: number;
    communityId: number;
    householdId: number;
    residentId?: number | null;
    assigneeId?: number | null;
    status?: TaskStatus;
    reason?: VisitReason;
    method?: VisitMethod;
    dueDate?: string;
    questionnaireId?: number | null;
    note?: string;
    createdBy?: number | null;
  },
) {
  const now = nowIso();
  const [id] = await insertTasks(t.handle.db, [
    {
      company_id: opts.companyId,
      community_id: opts.communityId,
      household_id: opts.householdId,
      resident_id: opts.residentId ?? null,
      reason: opts.reason ?? 'periodic',
      method: opts.method ?? 'phone',
      assignee_id: opts.assigneeId ?? null,
      due_date: opts.dueDate ?? shanghaiToday(),
      appointment_at: null,
      status: opts.status ?? 'pending',
      attempt_count: 0,
      questionnaire_id: opts.questionnaireId ?? null,
      note: opts.note ?? '',
      cancel_reason: null,
      created_by: opts.createdBy ?? null,
      created_at: now,
      updated_at: now,
    },
  ]);
  return { id };
}

/**
 * A visit record written as a row (with its task, completed), for tests of what is computed from records: the
 * KPIs read the columns, so a test can set a date, an outcome, a score or answers without a questionnaire flow.
 */
export async function makeVisitRecord(
  t: TestApp,
  opts: {
    companyId: number;
    communityId: number;
    householdId: number;
    residentId?: number | null;
    visitorId: number;
    visitDate: string;
    outcome?: RecordOutcome;
    method?: VisitMethod;
    reason?: VisitReason;
    averageScore?: number | null;
    questionnaireVersionId?: number | null;
    answers?: Answers;
    opinions?: string;
    suggestions?: string;
    /** keep the answers' tally on the record, as the product writes it (default); false writes a row without one, as older rows are */
    tally?: boolean;
  },
) {
  let tally = {};
  if (opts.questionnaireVersionId && opts.tally !== false) {
    const version = await t.handle.db.selectFrom('questionnaire_versions').select('questions').where('id', '=', opts.questionnaireVersionId).executeTakeFirstOrThrow();
    tally = tallyColumns(JSON.parse(version.questions) as Question[], opts.answers ?? {});
  }
  const { id: taskId } = await makeVisitTask(t, {
    companyId: opts.companyId,
    communityId: opts.communityId,
    householdId: opts.householdId,
    assigneeId: opts.visitorId,
    dueDate: opts.visitDate,
    status: 'completed',
  });
  const now = nowIso();
  const { id } = await t.handle.db
    .insertInto('visit_records')
    .values({
      company_id: opts.companyId,
      community_id: opts.communityId,
      task_id: taskId,
      household_id: opts.householdId,
      resident_id: opts.residentId ?? null,
      visitor_id: opts.visitorId,
      method: opts.method ?? 'phone',
      reason: opts.reason ?? 'periodic',
      outcome: opts.outcome ?? 'completed',
      started_at: now,
      ended_at: now,
      visit_date: opts.visitDate,
      backdated: 0,
      spoken_to: '',
      questionnaire_version_id: opts.questionnaireVersionId ?? null,
      answers: JSON.stringify(opts.answers ?? {}),
      average_score: opts.averageScore ?? null,
      opinions: opts.opinions ?? '',
      suggestions: opts.suggestions ?? '',
      improvement_measures: '',
      item_count: 0,
      idempotency_key: null,
      created_at: now,
      ...tally,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, taskId };
}

/** An issue category of a company, routed to a department or to nobody. */
export async function makeIssueCategory(
  t: TestApp,
  opts: { companyId: number; name?: string; code?: string; departmentId?: number | null; resolveDays?: number; position?: number; active?: boolean },
) {
  const seq = next();
  const { id } = await t.handle.db
    .insertInto('issue_categories')
    .values({
      company_id: opts.companyId,
      code: opts.code ?? `CAT${seq}`,
      name: opts.name ?? `分类${seq}`,
      department_id: opts.departmentId ?? null,
      resolve_days: opts.resolveDays ?? 3,
      position: opts.position ?? 100,
      active: opts.active === false ? 0 : 1,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id };
}

/**
 * An issue with its "created" timeline entry (written through the timeline's writer), in the company's first
 * category unless one is given. Deadlines default to now; it is not routed through the deadline plan.
 */
export async function makeIssue(
  t: TestApp,
  opts: {
    companyId: number;
    communityId: number;
    householdId?: number | null;
    residentId?: number | null;
    categoryId?: number;
    kind?: IssueKind;
    status?: IssueStatus;
    description?: string;
    departmentId?: number | null;
    assigneeId?: number | null;
    createdBy?: number | null;
    /** who the timeline names as having entered it, and what it says */
    createdEvent?: { actorName: string; comment: string };
  },
) {
  const db = t.handle.db;
  const now = nowIso();
  const categoryId =
    opts.categoryId ??
    (await db.selectFrom('issue_categories').select('id').where('company_id', '=', opts.companyId).orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
  const status = opts.status ?? 'assigned';
  const createdBy = opts.createdBy ?? null;
  const description = opts.description ?? `问题${next()}`;
  const { id } = await db
    .insertInto('issues')
    .values({
      company_id: opts.companyId,
      community_id: opts.communityId,
      household_id: opts.householdId ?? null,
      resident_id: opts.residentId ?? null,
      record_id: null,
      record_item_id: null,
      kind: opts.kind ?? 'complaint',
      category_id: categoryId,
      description,
      channel: 'phone',
      raised_at: now,
      reply_mode: 'written',
      priority: 'normal',
      department_id: opts.departmentId ?? null,
      assignee_id: opts.assigneeId ?? null,
      status,
      adoption: null,
      adoption_plan: null,
      adoption_planned_date: null,
      adoption_reason: null,
      resolution: null,
      satisfaction: null,
      withdraw_reason: null,
      praised_user_id: null,
      praised_department_id: null,
      reply_due_at: now,
      resolve_due_at: now,
      replied_at: null,
      resolved_at: null,
      closed_at: null,
      expected_resolve_date: null,
      escalation_level: 0,
      escalated_at: null,
      reopen_count: 0,
      notices: 0,
      check_at: null,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const event = opts.createdEvent ?? { actorName: '', comment: description };
  await addTimeline(db, [
    {
      issueId: id,
      companyId: opts.companyId,
      type: 'created',
      toStatus: status,
      comment: event.comment,
      actor: createdBy === null ? null : { id: createdBy, name: event.actorName },
      at: now,
    },
  ]);
  return { id, categoryId };
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
