/** Display rules shared by the issue pages: the colours of statuses, kinds, priorities, deadline states and escalation levels. */
import type { DueState, IssueStatus, IssueSummary } from '../../api/issues';
import type { ItemKind } from '../../api/visits';

export const ISSUE_STATUS_COLOR: Record<IssueStatus, string> = {
  new: 'blue',
  assigned: 'geekblue',
  in_progress: 'purple',
  reopened: 'volcano',
  resolved: 'cyan',
  closed: 'green',
  not_adopted: 'default',
  withdrawn: 'default',
};

export const ISSUE_KIND_COLOR: Record<ItemKind, string> = {
  problem: 'blue',
  complaint: 'red',
  suggestion: 'purple',
  need: 'cyan',
  praise: 'green',
};

export const PRIORITY_COLOR: Record<IssueSummary['priority'], string> = { low: 'default', normal: 'default', high: 'orange', urgent: 'red' };

export const DUE_STATE_COLOR: Record<DueState, string> = {
  on_time: 'green',
  due_soon: 'orange',
  overdue: 'red',
  met: 'default',
  met_late: 'volcano',
};

/** 1 department head, 2 community supervisor, 3 management. */
export const ESCALATION_COLOR: Record<number, string> = { 1: 'gold', 2: 'orange', 3: 'red' };
