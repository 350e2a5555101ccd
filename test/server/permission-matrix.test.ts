/**
 * Roles × operations: for every built-in role and every operation of the OpenAPI document, whether the role
 * may call the operation. The expected answer comes from REQUIRES below, which names for each operationId
 * the permission its use case checks (read from the code, one line per route); a role may call an operation
 * iff its permissions in the catalogue (BUILTIN_ROLES) satisfy that entry. A refused call is a 403 problem
 * with code `forbidden`; an allowed one is anything but 403.
 *
 * How a probe reaches the permission check: Fastify validates path, query and body against the route's
 * schema before the handler runs, so every probe is a request the schema accepts (a sampled body, the
 * required query parameters). The use case then checks the permission first, before it looks anything up,
 * so a probe names objects that do not exist: a role without the permission gets 403, a role with it
 * 404 or 422, nothing is changed, and no rule about one object (a task not yours, an issue not yours) can
 * answer in place of the permission check. Where the permission check comes later, the probe is given what
 * it needs (see PROBES).
 *
 * A new operation fails here until it has an entry in REQUIRES; the file counts its own cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { BUILTIN_ROLES, type Permission } from '../../src/shared/schemas/permissions.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { readApiDocument, sample, type ApiDocument, type Operation } from '../helpers/openapi.js';
import { loginAs, makeCommunity, makeCompany, makeUser, type Client } from '../helpers/factories.js';

type Rule = 'public' | 'signed-in' | Permission | { anyOf: readonly Permission[] } | { allOf: readonly Rule[] };
const anyOf = (...permissions: Permission[]): Rule => ({ anyOf: permissions });
/** Two checks in a row: the use case's own, then the one of the query it reads through. */
const allOf = (...rules: Rule[]): Rule => ({ allOf: rules });

const ISSUE_READERS = anyOf('issues.read', 'issues.handle', 'issues.manage', 'issues.oversee');
const RECORD_READERS = anyOf('visits.read', 'visits.work', 'visits.manage');

/** What each operation requires, as its route and use case check it. */
const REQUIRES: Record<string, Rule> = {
  // system and auth
  health: 'public',
  login: 'public',
  listDemoAccounts: 'public',
  logout: 'signed-in',
  getSession: 'signed-in',
  changePassword: 'signed-in',
  updateProfile: 'signed-in',
  listApiTokens: 'signed-in',
  createApiToken: 'signed-in',
  revokeApiToken: 'signed-in',
  // users (routes.ts checks the reads, the use cases the writes)
  listUsers: anyOf('users.read', 'users.manage'),
  getUser: anyOf('users.read', 'users.manage'),
  createUser: 'users.manage',
  updateUser: 'users.manage',
  resetUserPassword: 'users.manage',
  // roles
  listPermissions: 'signed-in',
  listRoles: anyOf('roles.manage', 'users.read'),
  getRole: anyOf('roles.manage', 'users.read'),
  createRole: 'roles.manage',
  updateRole: 'roles.manage',
  deleteRole: 'roles.manage',
  // communities and departments
  listCommunities: 'communities.read',
  getCommunity: 'communities.read',
  createCommunity: 'communities.manage',
  updateCommunity: 'communities.manage',
  deleteCommunity: 'communities.manage',
  listDepartments: anyOf('communities.read', 'users.read', 'departments.manage'),
  createDepartment: 'departments.manage',
  updateDepartment: 'departments.manage',
  // households and residents
  listBuildings: 'households.read',
  listCommunityHouseholds: 'households.read',
  searchHouseholds: 'households.read',
  getHousehold: 'households.read',
  createHousehold: 'households.manage',
  updateHousehold: 'households.manage',
  mergeHouseholds: 'households.manage',
  createResident: 'households.manage',
  getResident: 'households.read',
  updateResident: 'households.manage',
  moveOutResident: 'households.manage',
  mergeResidents: 'households.manage',
  revealResidentPhones: 'residents.contact',
  eraseResident: 'residents.erase',
  listTags: 'households.read',
  createTag: 'households.manage',
  // staff
  listStaff: anyOf('staff.manage', 'households.read'),
  createStaff: 'staff.manage',
  updateStaff: 'staff.manage',
  // roster
  getRosterTemplate: 'signed-in',
  startRosterImport: 'roster.import',
  getRosterImport: 'roster.import',
  getRosterImportErrorReport: 'roster.import',
  exportRoster: 'residents.export',
  // questionnaires
  listQuestionnaires: anyOf('questionnaires.manage', 'visits.work', 'visits.read'),
  getQuestionnaire: anyOf('questionnaires.manage', 'visits.work', 'visits.read'),
  getQuestionnaireVersion: anyOf('questionnaires.manage', 'visits.work', 'visits.read'),
  createQuestionnaire: 'questionnaires.manage',
  updateQuestionnaire: 'questionnaires.manage',
  publishQuestionnaireVersion: 'questionnaires.manage',
  // reads the source with the reading permissions, then creates the copy (questionnaires.manage)
  duplicateQuestionnaire: allOf(anyOf('questionnaires.manage', 'visits.work', 'visits.read'), 'questionnaires.manage'),
  listServiceDimensions: 'signed-in',
  // visit tasks (which tasks a visitor sees, and that only the assignee works one, are rules of the task)
  listVisitTasks: anyOf('visits.work', 'visits.manage', 'visits.read'),
  getVisitTask: anyOf('visits.work', 'visits.manage', 'visits.read'),
  createVisitTask: 'visits.manage',
  bulkCreateVisitTasks: 'visits.manage',
  updateVisitTask: anyOf('visits.work', 'visits.manage'),
  cancelVisitTask: 'visits.manage',
  listVisitAttempts: anyOf('visits.work', 'visits.manage', 'visits.read'),
  logVisitAttempt: anyOf('visits.work', 'visits.manage'),
  getVisitBriefing: anyOf('visits.work', 'visits.manage'),
  recordVisit: anyOf('visits.work', 'visits.manage'),
  // visit records and attachments
  listVisitRecords: RECORD_READERS,
  getVisitRecord: RECORD_READERS,
  exportVisitRecords: allOf('visits.export', RECORD_READERS),
  correctVisitRecord: allOf(anyOf('visits.work', 'visits.manage'), RECORD_READERS),
  uploadAttachment: anyOf('visits.work', 'visits.manage', 'issues.create', 'issues.handle', 'issues.manage'),
  getAttachmentContent: anyOf('visits.work', 'visits.manage', 'visits.read', 'issues.read', 'issues.handle', 'issues.manage', 'issues.oversee'),
  // issues (whose issue one may act on is a rule of the issue, after these)
  listIssues: ISSUE_READERS,
  getIssue: ISSUE_READERS,
  createIssue: anyOf('issues.create', 'issues.manage'),
  exportIssues: allOf('issues.export', ISSUE_READERS),
  updateIssue: allOf(anyOf('issues.handle', 'issues.manage'), ISSUE_READERS),
  transitionIssue: allOf(anyOf('issues.handle', 'issues.manage', 'issues.create'), ISSUE_READERS),
  replyToIssue: allOf(anyOf('issues.handle', 'issues.manage'), ISSUE_READERS),
  escalateIssue: allOf(anyOf('issues.handle', 'issues.manage'), ISSUE_READERS),
  setIssueExpectedDate: allOf(anyOf('issues.handle', 'issues.manage'), ISSUE_READERS),
  listIssueHandlers: anyOf('issues.read', 'issues.handle', 'issues.manage', 'issues.create'),
  listIssueCategories: anyOf('issues.read', 'issues.configure', 'visits.work'),
  createIssueCategory: 'issues.configure',
  updateIssueCategory: 'issues.configure',
  getIssueSettings: anyOf('issues.read', 'issues.configure'),
  updateIssueSettings: 'issues.configure',
  getExportSettings: 'roles.manage',
  updateExportSettings: 'roles.manage',
  // the working-day calendar
  getWorkingDays: anyOf('issues.read', 'issues.configure'),
  getCalendarStatus: anyOf('issues.read', 'issues.configure'),
  previewCalendarNotice: 'issues.configure',
  enterCalendarNotice: 'issues.configure',
  deleteCalendarNotice: 'issues.configure',
  listCalendarOverrides: anyOf('issues.read', 'issues.configure'),
  createCalendarOverride: 'issues.configure',
  deleteCalendarOverride: 'issues.configure',
  // one's own notifications
  listNotifications: 'signed-in',
  countUnreadNotifications: 'signed-in',
  markNotificationRead: 'signed-in',
  markAllNotificationsRead: 'signed-in',
  // KPIs
  getKpiTargets: anyOf('kpis.read', 'kpis.read_own', 'kpis.configure'),
  updateKpiTargets: 'kpis.configure',
  getKpis: anyOf('kpis.read', 'kpis.read_own'),
  getKpiTrend: anyOf('kpis.read', 'kpis.read_own'),
  getKpiAttention: anyOf('kpis.read'),
  getKpiDrivers: anyOf('kpis.read'),
  exportKpis: anyOf('kpis.read', 'kpis.read_own'),
  getKpiThemes: 'kpis.read',
  listKpiThemeTexts: 'kpis.read',
  getKpiThemeWords: 'kpis.configure',
  updateKpiThemeWords: 'kpis.configure',
  // improvement measures (改进措施)
  listImprovementMeasures: 'improvements.read',
  createImprovementMeasure: 'improvements.manage',
  getImprovementMeasure: 'improvements.read',
  updateImprovementMeasure: 'improvements.manage',
  deleteImprovementMeasure: 'improvements.manage',
  getImprovementMeasureEffect: 'improvements.read',
  // audit
  listAuditLog: 'audit.read',
};

function allows(rule: Rule, permissions: readonly Permission[]): boolean {
  if (rule === 'public' || rule === 'signed-in') return true;
  if (typeof rule === 'string') return permissions.includes(rule);
  if ('anyOf' in rule) return rule.anyOf.some((p) => permissions.includes(p));
  return rule.allOf.every((r) => allows(r, permissions));
}

const ROLES = Object.keys(BUILTIN_ROLES);
/** 5 built-in roles × 124 operations: change it with the roles or the operations, after updating REQUIRES. */
const EXPECTED_CELLS = 620;

/** An id no object has. */
const MISSING = 999_999_999;

let t: TestApp;
let api: ApiDocument;
let operations: Operation[];
const clients: Record<string, Client> = {};
let questionnaireId: number;
let checkedCells = 0;

beforeAll(async () => {
  t = await createTestApp();
  const company = await makeCompany(t);
  const community = await makeCommunity(t, company.companyId);
  for (const role of ROLES) {
    const user = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds[role], communityIds: [community.id], username: `matrix-${role}` });
    clients[role] = await loginAs(t.app, user.username);
  }
  // The company's built-in questionnaire, which every company starts with.
  ({ id: questionnaireId } = await t.handle.db.selectFrom('questionnaires').select('id').where('company_id', '=', company.companyId).executeTakeFirstOrThrow());
  api = await readApiDocument(t.app);
  operations = api.operations;
});
afterAll(() => t.close());

/** Puts MISSING into every id field of a sampled body, so that a write names nothing that exists. */
function missingIds(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => missingIds(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, missingIds(v, k)]));
  return typeof value === 'number' && /Ids?$/.test(key) ? MISSING : value;
}

/** A one-pixel PNG as a multipart upload: the attachment route reads the file before it checks the permission. */
function pngUpload() {
  const boundary = 'matrixprobe';
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="probe.png"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** What a probe needs beyond a sampled body and missing ids, and why. */
const PROBES: Record<
  string,
  { params?: () => Record<string, number>; query?: Record<string, string>; patch?: () => Record<string, unknown>; body?: () => unknown; headers?: Record<string, string> }
> = {
  // The source is read (and must exist) before the copy's permission is checked.
  duplicateQuestionnaire: { params: () => ({ questionnaireId }) },
  // A year the schema accepts and no notice was entered for.
  deleteCalendarNotice: { params: () => ({ year: 2099 }) },
  getWorkingDays: { query: { year: '2026' } },
  // The trend needs the KPIs it plots.
  getKpiTrend: { query: { kpi: 'completion' } },
  // The texts behind a theme need the theme.
  listKpiThemeTexts: { query: { term: '电梯' } },
  searchHouseholds: { query: { q: '901' } },
  uploadAttachment: { body: () => pngUpload().body, headers: pngUpload().headers },
  // The sampler writes no date-times: the optional ones are left out, the required ones are now.
  createVisitTask: { patch: () => ({ appointmentAt: undefined }) },
  updateVisitTask: { patch: () => ({ appointmentAt: undefined }) },
  logVisitAttempt: { patch: () => ({ at: undefined }) },
  recordVisit: { patch: () => ({ startedAt: new Date(t.clock.now()).toISOString(), endedAt: new Date(t.clock.now()).toISOString() }) },
  createIssue: { patch: () => ({ raisedAt: undefined }) },
  // A company-wide measure (communityId null) needs company-wide scope, a refusal of its own: name a community.
  createImprovementMeasure: { patch: () => ({ communityId: MISSING }) },
};

async function probe(client: Client, op: Operation): Promise<LightMyRequestResponse> {
  const extra = PROBES[op.operationId] ?? {};
  const params = extra.params?.() ?? {};
  let url = op.path.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? MISSING));
  if (extra.query) url += `?${new URLSearchParams(extra.query)}`;
  const sampled = op.body ? { ...(missingIds(sample(api, op.body)) as object), ...extra.patch?.() } : {};
  const body = extra.body ? extra.body() : op.method === 'GET' || op.method === 'DELETE' ? undefined : sampled;
  return client.request(op.method, url, body, extra.headers);
}

/** The cells of one role that differ from REQUIRES, described for the failure message. */
async function wrongCells(role: string): Promise<string[]> {
  const permissions = BUILTIN_ROLES[role];
  const client = clients[role];
  // Signing out ends the session the other probes use: it goes last.
  const ending = operations.filter((o) => o.operationId === 'logout');
  const ordered = [...operations.filter((o) => o.operationId !== 'logout'), ...ending];
  const responses = await Promise.all(ordered.slice(0, ordered.length - ending.length).map((op) => probe(client, op)));
  for (const op of ending) responses.push(await probe(client, op));
  const wrong: string[] = [];
  ordered.forEach((op, i) => {
    const res = responses[i];
    const allowed = allows(REQUIRES[op.operationId], permissions);
    const refused = res.statusCode === 403;
    const code = refused || res.statusCode === 400 ? (res.json() as { code?: string }).code : undefined;
    checkedCells++;
    // Schema validation runs before the handler: a probe refused by it would prove nothing about the permission.
    if (res.statusCode === 400 && code === 'validation_failed') wrong.push(`${op.operationId}: the probe does not pass the request schema: ${res.body.slice(0, 200)}`);
    if (allowed && refused) wrong.push(`${op.operationId}: expected allowed, got 403 ${code}`);
    if (!allowed && !(refused && code === 'forbidden')) wrong.push(`${op.operationId}: expected 403 forbidden, got ${res.statusCode} ${res.body.slice(0, 160)}`);
  });
  return wrong;
}

describe('permission matrix: every built-in role × every API operation', () => {
  it('engineer: the table names every operation of the document exactly once', () => {
    expect(Object.keys(REQUIRES).sort()).toEqual(operations.map((o) => o.operationId).sort());
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });

  it('engineer: the matrix has one cell per role and operation', () => {
    expect(ROLES.length * operations.length).toBe(EXPECTED_CELLS);
  });

  for (const role of ROLES) {
    it(`${role}: may call exactly the operations its permissions allow, and is refused the others with 403 forbidden`, async () => {
      expect(await wrongCells(role)).toEqual([]);
    });
  }

  it('engineer: every cell was checked', () => {
    expect(checkedCells).toBe(EXPECTED_CELLS);
  });
});
