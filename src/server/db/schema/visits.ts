/** Table types of visit tasks, contact attempts, visit records with their items and corrections, and attachments. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';
import type { AttemptResult, ItemKind, RecordOutcome, TaskStatus, VisitMethod, VisitReason } from '../../../shared/schemas/visits.js';

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
  /** what a due date counted in working days was counted from (YYYY-MM-DD) and how many; null when a person chose it */
  due_from: Generated<string | null>;
  due_working_days: Generated<number | null>;
  /** 1 when that count crossed a year without its notice (a provisional calendar) */
  due_provisional: Generated<number>;
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
  /** the answers' tally for the satisfaction figures (questionnaires/answer-tally.ts); null when not kept */
  sat_rated: Generated<number | null>;
  sat_satisfied: Generated<number | null>;
  nps_answers: Generated<number | null>;
  nps_promoters: Generated<number | null>;
  nps_detractors: Generated<number | null>;
  /** JSON {dimension: [sum, count, satisfied, driverSum, driverCount, driver]} (questionnaires/answer-tally.ts DimensionTally) */
  sat_dimensions: Generated<string | null>;
  /** the key drivers' overall measure y, and 1 when it is the overall question's (0: the mean rating); null when not kept */
  sat_overall: Generated<number | null>;
  sat_overall_item: Generated<number | null>;
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

/**
 * The rolling 12-month coverage rollup, kept by triggers on visit_records (migration 2026_12_03_0400): per
 * household, the runs of months m (year × 12 + month − 1) whose 12-month window holds a completed visit of it.
 */
export interface HouseholdCoverageTable {
  company_id: number;
  community_id: number;
  building_id: number;
  household_id: number;
  from_month: number;
  to_month: number;
}

/** Monthly rollups kept by triggers (migration 2026_12_03_0600_month_rollups): one row per company, month, community and building. */
interface MonthKey {
  company_id: number;
  /** year × 12 + month − 1 */
  month: number;
  community_id: number;
  building_id: number;
}
/** Households on the roster per company, community and building (kept by triggers on households). */
export interface HouseholdCountsTable {
  company_id: number;
  community_id: number;
  building_id: number;
  n: number;
}
export interface RecordMonthsTable extends MonthKey {
  completed: number;
  households: number;
  sat_records: number;
  sat_rated: number;
  sat_satisfied: number;
  nps_answers: number;
  nps_promoters: number;
  nps_detractors: number;
  untallied: number;
  /** the key drivers: visits with an overall measure, and those whose measure is the overall question's */
  overall_n: number;
  overall_item: number;
}
export interface RecordDimensionMonthsTable extends MonthKey {
  dimension: string;
  dim_sum: number;
  dim_count: number;
  dim_satisfied: number;
  dim_records: number;
  /** the key drivers' sums over the visits with both x (the dimension's mean answer) and y (the overall measure) */
  drv_n: number;
  drv_sx: number;
  drv_sy: number;
  drv_sxx: number;
  drv_syy: number;
  drv_sxy: number;
  /** the dimension's answers other than the overall question's: sum, count, visits with one, visits asked it */
  drv_sum: number;
  drv_count: number;
  drv_records: number;
  drv_asked: number;
}
export interface TaskMonthsTable extends MonthKey {
  status: string;
  n: number;
  attempts: number;
}
export interface IssueResolveMonthsTable extends MonthKey {
  kind: string;
  due: number;
  confirmed: number;
  on_time: number;
}
export interface IssueReplyMonthsTable extends MonthKey {
  reply_mode: string;
  due: number;
  on_time: number;
}
export interface IssueRaisedMonthsTable extends MonthKey {
  kind: string;
  /** '' for none */
  adoption: string;
  withdrawn: number;
  n: number;
}
