/**
 * Walks every operation in the OpenAPI document and proves that nobody outside a company, and nobody
 * outside a community, can read or change that company's or community's data through it.
 *
 * New routes are covered automatically. A route with a new path parameter fails here until the parameter
 * is given a victim object in VICTIM_PARAMS below, declared company-level or community-level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { readApiDocument, type ApiDocument, type JsonSchema, type Operation } from '../helpers/openapi.js';
import {
  ALL_BUT_COMPANY_SCOPE,
  Client,
  loginAs,
  makeCommunity,
  makeCompany,
  makeHousehold,
  makeIssue,
  makeResident,
  makeRole,
  makeUser,
  makeVisitTask,
  tokenClient,
} from '../helpers/factories.js';

/** Names of victim objects carry these markers so that a leak shows up in any response body. */
const COMMUNITY_MARK = 'VICTIM-COMMUNITY';
const COMPANY_MARK = 'VICTIM-COMPANY';

let t: TestApp;
let api: ApiDocument;
let operations: Operation[];
const victim: Record<string, number> = {};
/** path parameter → whether the object belongs to a community (true) or to the whole company (false) */
/** `reference: false`: the name is a plain value in request bodies (a year), not a reference to the victim's object. */
let VICTIM_PARAMS: Record<string, { id: () => number; communityLevel: boolean; reference?: false }>;
let otherCompany: Client;
let otherCommunity: Client;

/**
 * The victim's objects as stored. Company-level objects (roles, departments) are shared with colleagues
 * in other communities, so the same-company attacker may legitimately change them: they are left out then.
 */
async function snapshot(includeCompanyLevel: boolean) {
  const db = t.handle.db;
  const companyId = victim.companyId;
  return {
    communities: await db.selectFrom('communities').selectAll().where('company_id', '=', companyId).where('id', '=', victim.communityId).execute(),
    users: await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'phone', 'role_id', 'department_id', 'status', 'password_hash', 'must_change_password'])
      .where('id', 'in', [victim.userId, victim.adminId])
      .orderBy('id')
      .execute(),
    scope: await db.selectFrom('user_communities').selectAll().where('user_id', '=', victim.userId).orderBy('community_id').execute(),
    roles: includeCompanyLevel ? await db.selectFrom('roles').selectAll().where('company_id', '=', companyId).orderBy('id').execute() : [],
    departments: includeCompanyLevel
      ? await db.selectFrom('departments').selectAll().where('company_id', '=', companyId).orderBy('id').execute()
      : [],
    tokens: await db.selectFrom('api_tokens').select(['id', 'revoked_at', 'name']).where('user_id', '=', victim.userId).execute(),
    sessions: (await db.selectFrom('sessions').select('id').where('user_id', '=', victim.userId).execute()).length,
    households: await db.selectFrom('households').selectAll().where('community_id', '=', victim.communityId).orderBy('id').execute(),
    residents: await db.selectFrom('residents').selectAll().where('community_id', '=', victim.communityId).orderBy('id').execute(),
    phones: await db.selectFrom('resident_phones').selectAll().where('resident_id', '=', victim.residentId).execute(),
    staff: await db.selectFrom('staff').selectAll().where('id', '=', victim.staffId).execute(),
    staffCommunities: await db.selectFrom('staff_communities').selectAll().where('staff_id', '=', victim.staffId).execute(),
    tasks: await db.selectFrom('visit_tasks').selectAll().where('community_id', '=', victim.communityId).orderBy('id').execute(),
    records: await db.selectFrom('visit_records').selectAll().where('community_id', '=', victim.communityId).orderBy('id').execute(),
    questionnaires: await db.selectFrom('questionnaires').selectAll().where('community_id', '=', victim.communityId).execute(),
    versions: await db.selectFrom('questionnaire_versions').select(['id', 'questions']).where('questionnaire_id', '=', victim.questionnaireId).execute(),
    issues: await db.selectFrom('issues').selectAll().where('community_id', '=', victim.communityId).orderBy('id').execute(),
    issueEvents: await db.selectFrom('issue_events').selectAll().where('issue_id', '=', victim.issueId).orderBy('id').execute(),
    notifications: await db.selectFrom('notifications').selectAll().where('user_id', '=', victim.userId).orderBy('id').execute(),
    measures: await db.selectFrom('improvement_measures').selectAll().where('community_id', '=', victim.communityId).orderBy('id').execute(),
    ...(includeCompanyLevel
      ? {
          categories: await db.selectFrom('issue_categories').selectAll().where('company_id', '=', companyId).orderBy('id').execute(),
          overrides: await db.selectFrom('calendar_overrides').selectAll().where('company_id', '=', companyId).orderBy('id').execute(),
          notices: await db.selectFrom('calendar_notices').selectAll().where('company_id', '=', companyId).orderBy('id').execute(),
          settings: await db.selectFrom('companies').select('issue_settings').where('id', '=', companyId).execute(),
        }
      : {}),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await makeCompany(t, `${COMPANY_MARK}-公司`);
  const community = await makeCommunity(t, a.companyId, `${COMMUNITY_MARK}-东区`);
  const neighbour = await makeCommunity(t, a.companyId, '邻居小区');
  const role = await makeRole(t, a.companyId, `${COMPANY_MARK}-角色`, ['communities.read']);
  const department = await t.handle.db
    .insertInto('departments')
    .values({ company_id: a.companyId, name: `${COMPANY_MARK}-部门`, code: 'VDEP', created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await makeUser(t, {
    companyId: a.companyId,
    roleId: role,
    communityIds: [community.id],
    username: 'victim-visitor',
    displayName: `${COMMUNITY_MARK}-张三`,
  });
  const now = new Date().toISOString();
  const household = await makeHousehold(t, { companyId: a.companyId, communityId: community.id, building: '9', room: '901', area: 90 });
  const resident = await makeResident(t, {
    companyId: a.companyId,
    communityId: community.id,
    householdId: household.id,
    name: `${COMMUNITY_MARK}-李四`,
    moveInDate: '2024-03-05',
    notes: COMMUNITY_MARK,
    phones: ['13800009999'],
  });
  const staff = await t.handle.db
    .insertInto('staff')
    .values({ company_id: a.companyId, name: `${COMMUNITY_MARK}-保洁员`, phone: null, position: '', department_id: department.id, user_id: null, status: 'active', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.handle.db.insertInto('staff_communities').values({ staff_id: staff.id, community_id: community.id }).execute();
  await t.handle.db.insertInto('tags').values({ company_id: a.companyId, name: `${COMPANY_MARK}-标签`, created_at: now }).execute();
  const rosterImport = await t.handle.db
    .insertInto('roster_imports')
    .values({ company_id: a.companyId, community_id: community.id, user_id: user.id, status: 'succeeded', dry_run: 0, file_name: `${COMMUNITY_MARK}.xlsx`, total: 1, processed: 1, created: 0, updated: 0, unchanged: 0, failed: 1, error_code: null, created_at: now, finished_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.handle.db.insertInto('roster_import_errors').values({ import_id: rosterImport.id, row: 2, column: '姓名', code: 'required', params: null, value: COMMUNITY_MARK }).execute();
  const questionnaire = await t.handle.db
    .insertInto('questionnaires')
    .values({ company_id: a.companyId, name: `${COMMUNITY_MARK}-问卷`, description: '', scope: 'community', community_id: community.id, property_type: null, status: 'active', builtin: 0, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await t.handle.db
    .insertInto('questionnaire_versions')
    .values({ questionnaire_id: questionnaire.id, company_id: a.companyId, version: 1, questions: JSON.stringify([{ key: 'q', type: 'text', title: COMMUNITY_MARK, required: false }]), published_at: now, published_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const taskOf = { companyId: a.companyId, communityId: community.id, householdId: household.id, residentId: resident.id, assigneeId: user.id, dueDate: '2026-01-01', questionnaireId: questionnaire.id };
  const visitTask = await makeVisitTask(t, { ...taskOf, note: COMMUNITY_MARK });
  const doneTask = await makeVisitTask(t, { ...taskOf, status: 'completed' });
  const visitRecord = await t.handle.db
    .insertInto('visit_records')
    .values({ company_id: a.companyId, community_id: community.id, task_id: doneTask.id, household_id: household.id, resident_id: resident.id, visitor_id: user.id, method: 'phone', reason: 'periodic', outcome: 'completed', started_at: now, ended_at: now, visit_date: '2026-01-01', backdated: 0, spoken_to: COMMUNITY_MARK, questionnaire_version_id: version.id, answers: '{}', average_score: null, opinions: COMMUNITY_MARK, suggestions: '', improvement_measures: '', item_count: 0, idempotency_key: 'victim-key-1', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attachment = await t.handle.db
    .insertInto('attachments')
    .values({ company_id: a.companyId, community_id: community.id, record_id: visitRecord.id, uploaded_by: user.id, file_name: `${COMMUNITY_MARK}.pdf`, content_type: 'application/pdf', size: 30, sha256: 'x', content: Buffer.from(`%PDF-1.4 ${COMMUNITY_MARK}`), created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  // In the company's first issue category (one every company starts with): the victim category.
  const issue = await makeIssue(t, {
    companyId: a.companyId,
    communityId: community.id,
    householdId: household.id,
    residentId: resident.id,
    description: COMMUNITY_MARK,
    departmentId: department.id,
    assigneeId: user.id,
    createdBy: user.id,
    createdEvent: { actorName: COMMUNITY_MARK, comment: COMMUNITY_MARK },
  });
  const override = await t.handle.db
    .insertInto('calendar_overrides')
    .values({ company_id: a.companyId, date: '2026-12-24', kind: 'rest_day', note: COMPANY_MARK, created_by: a.adminId, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.handle.db
    .insertInto('calendar_notices')
    .values({ company_id: a.companyId, year: 2027, holidays: JSON.stringify([{ date: '2027-01-01', name: COMPANY_MARK }]), workdays: '[]', source_text: COMPANY_MARK, created_by: a.adminId, created_at: now })
    .execute();
  const notification = await t.handle.db
    .insertInto('notifications')
    .values({ company_id: a.companyId, user_id: user.id, outbox_id: null, kind: 'issue_assigned', title: COMMUNITY_MARK, body: COMMUNITY_MARK, link: `/issues/${issue.id}`, created_at: now, read_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const measure = await t.handle.db
    .insertInto('improvement_measures')
    .values({
      company_id: a.companyId,
      community_id: community.id,
      title: `${COMMUNITY_MARK}-措施`,
      description: COMMUNITY_MARK,
      target_kind: 'dimension',
      dimension: '保洁',
      category_id: null,
      start_date: '2026-09-01',
      end_date: null,
      owner_id: user.id,
      status: 'in_progress',
      created_by: a.adminId,
      created_at: now,
      updated_by: a.adminId,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const victimSession = await loginAs(t.app, user.username);
  const { tokenId } = await tokenClient(t.app, victimSession, `${COMMUNITY_MARK}-token`);
  Object.assign(victim, {
    companyId: a.companyId,
    adminId: a.adminId,
    communityId: community.id,
    userId: user.id,
    roleId: role,
    departmentId: department.id,
    tokenId,
    householdId: household.id,
    residentId: resident.id,
    staffId: staff.id,
    taskId: visitTask.id,
    recordId: visitRecord.id,
    questionnaireId: questionnaire.id,
    versionId: version.id,
    attachmentId: attachment.id,
    importId: rosterImport.id,
    issueId: issue.id,
    categoryId: issue.categoryId,
    overrideId: override.id,
    notificationId: notification.id,
    measureId: measure.id,
  });
  VICTIM_PARAMS = {
    communityId: { id: () => victim.communityId, communityLevel: true },
    userId: { id: () => victim.userId, communityLevel: true },
    tokenId: { id: () => victim.tokenId, communityLevel: true },
    roleId: { id: () => victim.roleId, communityLevel: false },
    departmentId: { id: () => victim.departmentId, communityLevel: false },
    householdId: { id: () => victim.householdId, communityLevel: true },
    residentId: { id: () => victim.residentId, communityLevel: true },
    duplicateId: { id: () => victim.householdId, communityLevel: true },
    staffId: { id: () => victim.staffId, communityLevel: true },
    taskId: { id: () => victim.taskId, communityLevel: true },
    recordId: { id: () => victim.recordId, communityLevel: true },
    questionnaireId: { id: () => victim.questionnaireId, communityLevel: true },
    questionnaireVersionId: { id: () => victim.versionId, communityLevel: true },
    versionId: { id: () => victim.versionId, communityLevel: true },
    attachmentId: { id: () => victim.attachmentId, communityLevel: true },
    importId: { id: () => victim.importId, communityLevel: true },
    issueId: { id: () => victim.issueId, communityLevel: true },
    categoryId: { id: () => victim.categoryId, communityLevel: false },
    overrideId: { id: () => victim.overrideId, communityLevel: false },
    // The victim company's entered holiday notice of 2027.
    year: { id: () => 2027, communityLevel: false, reference: false },
    // A notification is its recipient's alone: no colleague, in any community, may read or mark it.
    notificationId: { id: () => victim.notificationId, communityLevel: true },
    // An improvement measure of the victim community (a company-wide one is the whole company's to read).
    measureId: { id: () => victim.measureId, communityLevel: true },
  };

  // Attacker 1: the administrator of another company, holding every permission.
  const b = await makeCompany(t);
  otherCompany = (await tokenClient(t.app, await loginAs(t.app, b.adminUsername))).client;
  // Attacker 2: same company, every permission except company-wide scope, working in the neighbouring community.
  const almostAdmin = await makeRole(t, a.companyId, '邻区全权', ALL_BUT_COMPANY_SCOPE);
  const neighbourUser = await makeUser(t, { companyId: a.companyId, roleId: almostAdmin, communityIds: [neighbour.id] });
  otherCommunity = (await tokenClient(t.app, await loginAs(t.app, neighbourUser.username))).client;

  api = await readApiDocument(t.app);
  operations = api.operations;
});
afterAll(() => t.close());

const PUBLIC = new Set(['health', 'login', 'listDemoAccounts']);

/** A plausible request body for a schema, with every reference pointing at the victim's objects. */
function sampleBody(schema: JsonSchema | undefined, key = ''): unknown {
  if (!schema) return undefined;
  const s = api.resolve(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return sampleBody(variants.find((v) => api.resolve(v).type !== 'null') ?? variants[0], key);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  const ref = Object.entries(VICTIM_PARAMS).find(([name]) => key === name || key === `${name}s`);
  if (type === 'object') {
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sampleBody(v, k)]));
  }
  if (type === 'array') return ref ? [ref[1].id()] : [sampleBody(s.items, key)].filter((v) => v !== undefined);
  if (type === 'integer' || type === 'number') return ref ? ref[1].id() : Math.max(1, s.minimum ?? 1);
  if (type === 'boolean') return true;
  if (type === 'string') {
    if (/password/i.test(key)) return 'Probe-Passw0rd-1';
    if (s.format === 'date') return '2024-01-01';
    if (s.format === 'date-time') return new Date().toISOString();
    if (/phone/i.test(key)) return '13800001111';
    if (s.pattern) {
      const candidates = [`probe${Math.floor(Math.random() * 1e6)}`, '2024-01-01', new Date().toISOString()];
      return candidates.find((c) => new RegExp(s.pattern!).test(c)) ?? candidates[0];
    }
    return 'probe'.padEnd(Math.max(5, s.minLength ?? 0), 'x');
  }
  return undefined;
}

/** Whether a request body names a victim object the attacker may not use (colleagues share company-level ones). */
function bodyReferencesVictim(body: unknown, sameCompany: boolean): boolean {
  const forbidden = Object.fromEntries(Object.entries(VICTIM_PARAMS).filter(([, p]) => p.reference !== false && (!sameCompany || p.communityLevel)));
  const ids = new Set(Object.values(forbidden).map((p) => p.id()));
  const walk = (v: unknown, key: string): boolean => {
    if (Array.isArray(v)) return v.some((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => walk(x, k));
    return typeof v === 'number' && key in forbidden && forbidden[key].id() === v
      ? true
      : typeof v === 'number' && key.endsWith('Ids') && ids.has(v);
  };
  return walk(body, '');
}

async function attack(client: Client, op: Operation, sameCompany: boolean) {
  const params = op.pathParams;
  for (const p of params) {
    if (!VICTIM_PARAMS[p]) throw new Error(`${op.operationId}: unknown path parameter {${p}} — add a victim object for it to VICTIM_PARAMS`);
  }
  const url = op.path.replace(/\{(\w+)\}/g, (_, p: string) => String(VICTIM_PARAMS[p].id()));
  const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : (sampleBody(op.body) ?? {});
  const res = await client.request(op.method, url, body);
  const mark = sameCompany ? COMMUNITY_MARK : COMPANY_MARK;
  const leaks = [COMMUNITY_MARK, ...(sameCompany ? [] : [COMPANY_MARK])].filter((m) => res.body.includes(m));
  return { res, url, body, params, mark, leaks };
}

describe('scope: every API operation', () => {
  it('lists every operation with an operationId', () => {
    expect(operations.length).toBeGreaterThan(15);
    expect(operations.filter((o) => !o.operationId)).toEqual([]);
  });

  it('anyone without credentials: every non-public operation answers 401', async () => {
    for (const op of operations.filter((o) => !PUBLIC.has(o.operationId))) {
      const url = op.path.replace(/\{(\w+)\}/g, '1');
      const res = await t.app.inject({ method: op.method, url, ...(op.method === 'GET' ? {} : { payload: {} }) });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
    }
  });

  for (const [who, sameCompany] of [
    ['administrator of another company', false],
    ['all-permission user of another community in the same company', true],
  ] as const) {
    it(`${who}: can neither read nor change the victim's data`, async () => {
      const client = sameCompany ? otherCommunity : otherCompany;
      const before = await snapshot(!sameCompany);
      for (const op of operations.filter((o) => !PUBLIC.has(o.operationId))) {
        const { res, params, body, leaks } = await attack(client, op, sameCompany);
        const label = `${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(leaks, label).toEqual([]);
        expect(res.statusCode, label).toBeLessThan(500);
        const targetsVictim = params.some((p) => !sameCompany || VICTIM_PARAMS[p].communityLevel);
        if (targetsVictim) {
          expect([403, 404], label).toContain(res.statusCode);
        } else if (body !== undefined && bodyReferencesVictim(body, sameCompany)) {
          expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
        }
      }
      expect(await snapshot(!sameCompany)).toEqual(before);
    });
  }
});
