/**
 * Table types for Kysely: each domain's tables live in schema/<domain>.ts, with their column comments; this file
 * composes them into `Database` and re-exports them, so importers need only `db/schema.js`.
 * Column conventions shared by both dialects (see ARCHITECTURE.md):
 * ids are integers, timestamps are ISO 8601 UTC strings, flags are 0/1 integers, JSON is text. Columns that hold
 * one of a fixed set of values are typed with the shared union (the API's enum) rather than `string`.
 */
import type { AuditLogTable } from './schema/audit.js';
import type { ApiTokensTable, LoginAttemptsTable, SessionsTable } from './schema/auth.js';
import type { CalendarNoticesTable, CalendarOverridesTable } from './schema/calendar.js';
import type { CommunitiesTable } from './schema/communities.js';
import type { CompaniesTable, ThemeMonthCountsTable, ThemeTextMonthsTable } from './schema/companies.js';
import type { DepartmentsTable } from './schema/departments.js';
import type { BuildingsTable, HouseholdsTable, UnitsTable } from './schema/households.js';
import type { ImprovementMeasuresTable } from './schema/improvements.js';
import type { IssueCategoriesTable, IssueEventsTable, IssueRepliesTable, IssuesTable } from './schema/issues.js';
import type { NotificationsTable, OutboxTable } from './schema/notifications.js';
import type { QuestionnairesTable, QuestionnaireVersionsTable, ServiceDimensionsTable } from './schema/questionnaires.js';
import type { ResidentPhonesTable, ResidentsTable, ResidentTagsTable, TagsTable } from './schema/residents.js';
import type { RolesTable } from './schema/roles.js';
import type { RosterImportErrorsTable, RosterImportsTable } from './schema/roster.js';
import type { StaffCommunitiesTable, StaffTable } from './schema/staff.js';
import type { UserCommunitiesTable, UsersTable } from './schema/users.js';
import type { AttachmentsTable, HouseholdCountsTable, HouseholdCoverageTable, IssueRaisedMonthsTable, IssueReplyMonthsTable, IssueResolveMonthsTable, RecordDimensionMonthsTable, RecordMonthsTable, TaskMonthsTable, VisitAttemptsTable, VisitRecordCorrectionsTable, VisitRecordItemsTable, VisitRecordsTable, VisitTasksTable } from './schema/visits.js';

export type * from './schema/audit.js';
export type * from './schema/auth.js';
export type * from './schema/calendar.js';
export type * from './schema/communities.js';
export type * from './schema/companies.js';
export type * from './schema/departments.js';
export type * from './schema/households.js';
export type * from './schema/improvements.js';
export type * from './schema/issues.js';
export type * from './schema/notifications.js';
export type * from './schema/questionnaires.js';
export type * from './schema/residents.js';
export type * from './schema/roles.js';
export type * from './schema/roster.js';
export type * from './schema/staff.js';
export type * from './schema/users.js';
export type * from './schema/visits.js';

export interface Database {
  companies: CompaniesTable;
  theme_month_counts: ThemeMonthCountsTable;
  theme_text_months: ThemeTextMonthsTable;
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
  household_coverage: HouseholdCoverageTable;
  household_counts: HouseholdCountsTable;
  record_months: RecordMonthsTable;
  record_dimension_months: RecordDimensionMonthsTable;
  task_months: TaskMonthsTable;
  issue_resolve_months: IssueResolveMonthsTable;
  issue_reply_months: IssueReplyMonthsTable;
  issue_raised_months: IssueRaisedMonthsTable;
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
  improvement_measures: ImprovementMeasuresTable;
}
