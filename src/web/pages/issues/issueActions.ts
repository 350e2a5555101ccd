/**
 * The actions of an issue as data, in the order they are offered. Transitions are shown when the server
 * lists them in `allowedEvents`; the other actions when it says the caller may (`canEdit`,
 * `canSetExpectedDate`, `canEscalate`): the rules stay on the server.
 */
import type { Issue, IssueEventName } from '../../api/issues';

export type IssueAction = IssueEventName | 'reply' | 'reassign' | 'escalate' | 'expectedDate';

interface ActionEntry {
  key: IssueAction;
  primary?: boolean;
  danger?: boolean;
  allowed: (issue: Issue) => boolean;
}

const editable = (issue: Issue) => issue.canEdit;
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
  transition('close', { primary: true }),
  transition('reopen', { danger: true }),
  transition('acknowledge', { primary: true }),
  { key: 'reassign', allowed: editable },
  { key: 'expectedDate', allowed: (issue) => issue.canSetExpectedDate },
  { key: 'escalate', allowed: (issue) => issue.canEscalate },
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
