/**
 * The issue's status machine, as data. Pure: tested without a database.
 *
 *   new ─┬─(assignment)─▶ assigned ─start─▶ in_progress ─resolve─▶ resolved ─confirm─▶ closed
 *        │                                                            │  ├─close────────────▶ closed (a supervisor, with a reason)
 *        │                                                            │  └─close_unconfirmed─▶ closed (未能确认)
 *        │                                   reopened ◀──reopen───────┘   (the resident says "not solved")
 *        ├─reject─▶ not_adopted            (suggestions; adopt keeps the issue open until it is implemented)
 *        ├─acknowledge─▶ closed            (praise)
 *        └─withdraw─▶ withdrawn            (from any open status, with a reason)
 *
 * Assignment is not an event of its own: setting an assignee on a new or reopened issue moves it to
 * assigned (see update-issue.ts).
 *
 * Who may send which event is decided apart (`CALLER_EVENTS`): only the resident confirms, through the
 * confirmation visit; only the system closes as unconfirmed.
 */
import { OPEN_ISSUE_STATUSES, type IssueEventName, type IssueKind, type IssueStatus } from '../../shared/schemas/issues.js';
import { AppError } from '../http/errors.js';

export const ISSUE_TRANSITIONS: Record<IssueStatus, Partial<Record<IssueEventName, IssueStatus>>> = {
  new: { start: 'in_progress', resolve: 'resolved', adopt: 'in_progress', reject: 'not_adopted', acknowledge: 'closed', withdraw: 'withdrawn' },
  assigned: { start: 'in_progress', resolve: 'resolved', adopt: 'in_progress', reject: 'not_adopted', acknowledge: 'closed', withdraw: 'withdrawn' },
  in_progress: { resolve: 'resolved', adopt: 'in_progress', reject: 'not_adopted', withdraw: 'withdrawn' },
  reopened: { start: 'in_progress', resolve: 'resolved', withdraw: 'withdrawn' },
  resolved: { confirm: 'closed', reopen: 'reopened', close: 'closed', close_unconfirmed: 'closed' },
  closed: {},
  not_adopted: {},
  withdrawn: {},
};

/** Events that only make sense for some kinds; the others apply to every kind except praise. */
const KIND_EVENTS: Partial<Record<IssueEventName, readonly IssueKind[]>> = {
  adopt: ['suggestion'],
  reject: ['suggestion'],
  acknowledge: ['praise'],
};

export interface IssueState {
  status: IssueStatus;
  kind: IssueKind;
  adoption: string | null;
}

/** Whether an event applies to this issue's kind and stage, beyond the status table. */
function fitsIssue(issue: IssueState, event: IssueEventName): boolean {
  const kinds = KIND_EVENTS[event];
  if (kinds) {
    if (!kinds.includes(issue.kind)) return false;
    // A suggestion is decided once.
    if (event !== 'acknowledge' && issue.adoption !== 'pending') return false;
    return true;
  }
  if (issue.kind === 'praise') return event === 'withdraw';
  // A suggestion is implemented (resolved) only after it was adopted.
  if (issue.kind === 'suggestion' && event === 'resolve') return issue.adoption === 'adopted';
  return true;
}

/** Events that no caller sends through the API: the confirmation visit and the system send them. */
export const NOT_BY_CALLERS: ReadonlySet<IssueEventName> = new Set(['confirm', 'close_unconfirmed']);

/** Events on a resolved issue that only a supervisor (issues.manage) may send: closing without confirmation, reopening. */
export const SUPERVISOR_EVENTS: ReadonlySet<IssueEventName> = new Set(['close', 'reopen']);

export function allowedEvents(issue: IssueState): IssueEventName[] {
  return (Object.keys(ISSUE_TRANSITIONS[issue.status]) as IssueEventName[]).filter((e) => fitsIssue(issue, e));
}

export function nextIssueStatus(issue: IssueState, event: IssueEventName): IssueStatus {
  const to = ISSUE_TRANSITIONS[issue.status][event];
  if (!to || !fitsIssue(issue, event)) {
    throw new AppError('issue_transition_invalid', 409, { from: issue.status, event }, { allowed: allowedEvents(issue) });
  }
  return to;
}

export const isOpenStatus = (status: string): boolean => (OPEN_ISSUE_STATUSES as readonly string[]).includes(status);
