/**
 * The actions of an issue as data, in the order they are offered. Transitions are shown when the server
 * lists them in `allowedEvents`; replies and the other edits when it says `canEdit` (the caller handles or
 * supervises the issue and it is open). Praise has no deadline, so nothing to escalate or promise a date for.
 */
import type { Issue, IssueEventName } from '../../api/issues';

export type IssueAction = IssueEventName | 'reply' | 'reassign' | 'escalate' | 'expectedDate';

interface ActionEntry {
  key: IssueAction;
  primary?: boolean;
  danger?: boolean;
  allowed: (issue: Issue) => boolean;
}

const TOP_ESCALATION_LEVEL = 3;
const editable = (issue: Issue) => issue.canEdit;
const hasDeadline = (issue: Issue) => issue.canEdit && issue.kind !== 'praise';
const transition = (event: IssueEventName, style: Pick<ActionEntry, 'primary' | 'danger'> = {}): ActionEntry => ({
  key: event,
  ...style,
  allowed: (issue) => issue.allowedEvents.includes(event),
});

export const ISSUE_ACTIONS: readonly ActionEntry[] = [
  transition('start', { primary: true }),
  { key: 'reply', allowed: editable },
  transition('resolve', { primary: true }),
  transition('adopt', { primary: true }),
  transition('reject', { danger: true }),
  transition('confirm', { primary: true }),
  transition('reopen', { danger: true }),
  transition('acknowledge', { primary: true }),
  { key: 'reassign', allowed: editable },
  { key: 'expectedDate', allowed: hasDeadline },
  { key: 'escalate', allowed: (issue) => hasDeadline(issue) && issue.escalationLevel < TOP_ESCALATION_LEVEL },
  transition('withdraw', { danger: true }),
];

/** For an adopted suggestion "resolve" means it was implemented (已实施). */
export function actionLabelKey(issue: Issue, action: IssueAction): string {
  return action === 'resolve' && issue.adoption === 'adopted' ? 'implement' : action;
}

/** `issue-action-expected-date` for `expectedDate`. */
export function actionTestId(action: IssueAction): string {
  return 'issue-action-' + action.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}
