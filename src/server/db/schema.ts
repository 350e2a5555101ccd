/**
 * Table types for Kysely. Column conventions shared by both dialects (see ARCHITECTURE.md):
 * ids are integers, timestamps are ISO 8601 UTC strings, flags are 0/1 integers, JSON is text. Columns that hold
 * one of a fixed set of values are typed with the shared union (the API's enum) rather than `string`.
 */
import type { Generated } from 'kysely';
import type { Adoption, Closure, IssueChannel, IssueKind, IssuePriority, IssueStatus, ReplyMode } from '../../shared/schemas/issues.js';
import type { AttemptResult, ItemKind, RecordOutcome, TaskStatus, VisitMethod, VisitReason } from '../../shared/schemas/visits.js';

export interface CompaniesTable {
  id: Generated<number>;
  name: string;
  /** JSON IssueSettings; null means the defaults of issues/defaults.ts */
  issue_settings: Generated<string | null>;
  created_at: string;
}

export interface CommunitiesTable {
  id: Generated<number>;
  company_id: number;
  supervisor_id: Generated<number | null>;
  name: string;
  code: string;
  type: 'residential' | 'commercial' | 'mixed';
  address: string;
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
}

export interface DepartmentsTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  code: string;
  head_id: Generated<number | null>;
  created_at: string;
}

export interface RolesTable {
  id: Generated<number>;
  company_id: number;
  key: string | null;
  name: string;
  description: string;
  /** JSON array of permission keys */
  permissions: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  company_id: number;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string;
  must_change_password: number;
  role_id: number;
  department_id: number | null;
  status: 'active' | 'disabled';
  locale: 'zh-CN' | 'en';
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserCommunitiesTable {
  user_id: number;
  community_id: number;
}

export interface SessionsTable {
  /** sha256 of the cookie value; the cookie itself is never stored */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  succeeded: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  company_id: number | null;
  community_id: number | null;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  ip: string | null;
  before: string | null;
  after: string | null;
}

export interface Database {
  companies: CompaniesTable;
  communities: CommunitiesTable;
  departments: DepartmentsTable;
  roles: RolesTable;
  users: UsersTable;
  user_communities: UserCommunitiesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  resident_phones: ResidentPhonesTable;
  tags: TagsTable;
  resident_tags: ResidentTagsTable;
  staff: StaffTable;
  staff_communities: StaffCommunitiesTable;
  roster_imports: RosterImportsTable;
  roster_import_errors: RosterImportErrorsTable;
  service_dimensions: ServiceDimensionsTable;
  questionnaires: QuestionnairesTable;
  questionnaire_versions: QuestionnaireVersionsTable;
  visit_tasks: VisitTasksTable;
  visit_attempts: VisitAttemptsTable;
  visit_records: VisitRecordsTable;
  visit_record_items: VisitRecordItemsTable;
  visit_record_corrections: VisitRecordCorrectionsTable;
  attachments: AttachmentsTable;
  issue_categories: IssueCategoriesTable;
  issues: IssuesTable;
  issue_events: IssueEventsTable;
  issue_replies: IssueRepliesTable;
  calendar_overrides: CalendarOverridesTable;
  calendar_notices: CalendarNoticesTable;
  outbox: OutboxTable;
  notifications: NotificationsTable;
}

export interface BuildingsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  name: string;
  created_at: string;
}

export interface UnitsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  building_id: number;
  name: string;
  created_at: string;
}

export type HouseholdStatus = 'occupied' | 'vacant' | 'let';
export interface HouseholdsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  building_id: number;
  unit_id: number | null;
  room: string;
  /** householdSortKey(building, unit, room) from households/room.ts: natural order, indexed */
  sort_key: string;
  area: number | null;
  status: HouseholdStatus;
  created_at: string;
  updated_at: string;
}

export type ResidentRole = 'owner' | 'tenant' | 'merchant';
export interface ResidentsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  household_id: number;
  name: string;
  role: ResidentRole;
  /** YYYY-MM-DD */
  move_in_date: string | null;
  move_out_date: string | null;
  preferred_contact: string | null;
  do_not_contact: number;
  do_not_contact_reason: string | null;
  notes: string;
  erased_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResidentPhonesTable {
  id: Generated<number>;
  resident_id: number;
  company_id: number;
  /** normalised: E.164 for mobiles (+8613812345678), +86 area-number[;ext=] for landlines */
  number: string;
  kind: 'mobile' | 'landline';
  last4: string;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  created_at: string;
}

export interface ResidentTagsTable {
  resident_id: number;
  tag_id: number;
}

export interface StaffTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  phone: string | null;
  position: string;
  department_id: number | null;
  user_id: number | null;
  status: 'active' | 'left';
  created_at: string;
  updated_at: string;
}

export interface StaffCommunitiesTable {
  staff_id: number;
  community_id: number;
}

export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export interface RosterImportsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  user_id: number;
  status: ImportStatus;
  dry_run: number;
  file_name: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** set when the whole file was refused (too large, unreadable, no header) */
  error_code: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface RosterImportErrorsTable {
  id: Generated<number>;
  import_id: number;
  row: number;
  column: string | null;
  code: string;
  /** JSON object of message parameters */
  params: string | null;
  value: string | null;
}

export interface ServiceDimensionsTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  position: number;
}

export interface QuestionnairesTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  description: string;
  scope: 'company' | 'community' | 'propertyType';
  community_id: number | null;
  property_type: 'residential' | 'commercial' | 'mixed' | null;
  status: 'active' | 'archived';
  builtin: number;
  created_at: string;
  updated_at: string;
}

export interface QuestionnaireVersionsTable {
  id: Generated<number>;
  questionnaire_id: number;
  company_id: number;
  version: number;
  /** JSON array of Question */
  questions: string;
  published_at: string;
  published_by: number | null;
}

export interface VisitTasksTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  household_id: number;
  resident_id: number | null;
  reason: VisitReason;
  method: VisitMethod;
  assignee_id: number | null;
  /** YYYY-MM-DD, Asia/Shanghai */
  due_date: string;
  appointment_at: string | null;
  status: TaskStatus;
  attempt_count: number;
  questionnaire_id: number | null;
  note: string;
  issue_id: Generated<number | null>;
  cancel_reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface VisitAttemptsTable {
  id: Generated<number>;
  task_id: number;
  company_id: number;
  at: string;
  result: AttemptResult;
  note: string;
  user_id: number | null;
}

export interface VisitRecordsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  task_id: number;
  household_id: number;
  resident_id: number | null;
  visitor_id: number;
  method: VisitMethod;
  reason: VisitReason;
  outcome: RecordOutcome;
  started_at: string;
  ended_at: string;
  visit_date: string;
  backdated: number;
  spoken_to: string;
  questionnaire_version_id: number | null;
  /** JSON object of answers by question key */
  answers: string;
  average_score: number | null;
  opinions: string;
  suggestions: string;
  improvement_measures: string;
  item_count: number;
  idempotency_key: string | null;
  created_at: string;
}

export interface VisitRecordItemsTable {
  id: Generated<number>;
  record_id: number;
  company_id: number;
  community_id: number;
  household_id: number;
  kind: ItemKind;
  category: string;
  description: string;
  raised_on: string;
}

export interface VisitRecordCorrectionsTable {
  id: Generated<number>;
  record_id: number;
  user_id: number | null;
  at: string;
  reason: string;
  /** JSON array of corrected field names */
  fields: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number | null;
  record_id: number | null;
  issue_id: Generated<number | null>;
  uploaded_by: number | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: string;
}

export interface IssueCategoriesTable {
  id: Generated<number>;
  company_id: number;
  code: string;
  name: string;
  department_id: number | null;
  resolve_days: number;
  position: number;
  active: number;
  created_at: string;
}

export interface IssuesTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  household_id: number | null;
  resident_id: number | null;
  record_id: number | null;
  record_item_id: number | null;
  kind: IssueKind;
  category_id: number;
  description: string;
  channel: IssueChannel;
  raised_at: string;
  reply_mode: ReplyMode;
  priority: IssuePriority;
  department_id: number | null;
  assignee_id: number | null;
  status: IssueStatus;
  adoption: Adoption | null;
  adoption_plan: string | null;
  adoption_planned_date: string | null;
  adoption_reason: string | null;
  resolution: string | null;
  satisfaction: number | null;
  withdraw_reason: string | null;
  praised_user_id: number | null;
  praised_department_id: number | null;
  reply_due_at: string | null;
  resolve_due_at: string | null;
  replied_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  expected_resolve_date: string | null;
  escalation_level: number;
  escalated_at: string | null;
  reopen_count: number;
  /** bit flags of deadline notices sent: see issues/deadline-plan.ts */
  notices: number;
  check_at: string | null;
  /** working days of the reply and resolution periods (null for praise), kept to recompute deadlines */
  reply_days: number | null;
  resolve_days: number | null;
  /** when the current resolution period started: raised, or last reopened */
  resolve_from: string | null;
  /** 1 when the deadline was computed on a provisional calendar (a year without its notice) */
  reply_due_provisional: Generated<number>;
  resolve_due_provisional: Generated<number>;
  /** how it was closed: confirmed, unconfirmed (未能确认), supervisor (without confirmation), acknowledged (praise) */
  closure: Closure | null;
  /** why a supervisor closed it without confirmation, or why it could not be confirmed */
  close_reason: string | null;
  resolved_by: number | null;
  /** the confirmation visit failed; a supervisor decides */
  unconfirmed_at: string | null;
  unconfirmed_reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface IssueEventsTable {
  id: Generated<number>;
  issue_id: number;
  company_id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  type: string;
  event: string | null;
  from_status: IssueStatus | null;
  to_status: IssueStatus | null;
  comment: string;
  /** JSON object */
  data: string;
}

export interface IssueRepliesTable {
  id: Generated<number>;
  issue_id: number;
  company_id: number;
  mode: ReplyMode;
  content: string;
  replied_by: number | null;
  replied_at: string;
  on_time: number;
}

export interface CalendarOverridesTable {
  id: Generated<number>;
  company_id: number;
  /** YYYY-MM-DD */
  date: string;
  kind: 'holiday' | 'workday' | 'rest_day';
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface CalendarNoticesTable {
  id: Generated<number>;
  company_id: number;
  year: number;
  /** JSON array of { date, name } */
  holidays: string;
  /** JSON array of YYYY-MM-DD */
  workdays: string;
  source_text: string;
  created_by: number | null;
  created_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  company_id: number;
  channel: string;
  recipient_user_id: number | null;
  recipient_resident_id: number | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string | null;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  available_at: string;
  locked_until: string | null;
  sent_at: string | null;
  provider: string | null;
  error: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  company_id: number;
  user_id: number;
  outbox_id: number | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}
