/** Table types of issue categories, issues, their timeline events and replies. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';
import type { Adoption, Closure, IssueChannel, IssueKind, IssuePriority, IssueStatus, ReplyMode } from '../../../shared/schemas/issues.js';

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
  /** the department it was resolved by (its department then), kept for the KPIs by department; null while unresolved */
  resolved_department_id: Generated<number | null>;
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
