/**
 * The list queries behind each figure (pure): for its numerator, its denominator or the rows it stands on, the
 * visit-record, visit-task, issue or household list endpoint with the filters whose total is exactly that count.
 * test/server/kpis*.test.ts fetches them and compares the totals.
 */
import type { KpiFigure, KpiKey } from '../../shared/schemas/kpis.js';
import { addMonths } from '../../shared/schemas/kpis.js';
import { RESOLUTION_KINDS } from './queries.js';

type Params = Record<string, string | number | undefined>;
export type ListName = 'records' | 'tasks' | 'issues' | 'households';

/** What narrows every list: the community, the visitor, and a group's own filter per list. */
export interface DrillCut {
  communityId: number | null;
  visitorId: number | null;
  from: string;
  to: string;
  /** extra filters of a group (groupBy), per list */
  group?: Partial<Record<ListName, Params>>;
}

function href(path: string, params: Params): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/** The first day of the rolling 12 months that end with the period's last month. */
export const rollingFrom = (to: string) => addMonths(`${to.slice(0, 7)}-01`, -11);

export function drillDowns(key: KpiKey, c: DrillCut): KpiFigure['drillDown'] {
  const community = c.communityId ?? undefined;
  const households = (extra: Params) =>
    href(c.communityId !== null ? `/api/v1/communities/${c.communityId}/households` : '/api/v1/households', { ...c.group?.households, ...extra });
  const tasks = (extra: Params) =>
    href('/api/v1/visit-tasks', { view: 'all', dueFrom: c.from, dueTo: c.to, communityId: community, assigneeId: c.visitorId ?? undefined, ...c.group?.tasks, ...extra });
  const records = (extra: Params) =>
    href('/api/v1/visit-records', { outcome: 'completed', from: c.from, to: c.to, communityId: community, visitorId: c.visitorId ?? undefined, ...c.group?.records, ...extra });
  const issues = (extra: Params) => href('/api/v1/issues', { communityId: community, ...c.group?.issues, ...extra });
  const resolutionDue = { kinds: RESOLUTION_KINDS.join(','), withdrawn: 'false', resolveDueFrom: c.from, resolveDueTo: c.to };
  const replyDue = (mode?: string) => ({ withdrawn: 'false', replyDueFrom: c.from, replyDueTo: c.to, replyMode: mode });
  const resolvedIn = { kinds: RESOLUTION_KINDS.join(','), resolvedFrom: c.from, resolvedTo: c.to };
  const suggestions = { kind: 'suggestion', withdrawn: 'false', raisedFrom: c.from, raisedTo: c.to };
  const n = (h: string) => ({ role: 'n' as const, href: h });
  const num = (h: string) => ({ role: 'numerator' as const, href: h });
  const den = (h: string) => ({ role: 'denominator' as const, href: h });

  switch (key) {
    case 'coverage':
      return [num(households({ visitedFrom: c.from, visitedTo: c.to })), den(households({}))];
    case 'coverage_12m':
      return [num(households({ visitedFrom: rollingFrom(c.to), visitedTo: c.to })), den(households({}))];
    case 'completion':
      return [num(tasks({ status: 'completed' })), den(tasks({ cancelled: 'false' }))];
    case 'unreachable_rate':
      return [num(tasks({ status: 'unreachable' })), den(tasks({ cancelled: 'false' }))];
    case 'refused_rate':
      return [num(tasks({ status: 'refused' })), den(tasks({ cancelled: 'false' }))];
    case 'attempts_per_completion':
      return [den(tasks({ status: 'completed' }))];
    case 'resolution':
      return [num(issues({ ...resolutionDue, closure: 'confirmed' })), den(issues(resolutionDue))];
    case 'resolution_on_time':
      return [num(issues({ ...resolutionDue, resolvedOnTime: 'true' })), den(issues(resolutionDue))];
    case 'reopen_rate':
      return [num(issues({ ...resolvedIn, reopenedSince: c.from })), den(issues(resolvedIn))];
    case 'reply_on_time':
      return [num(issues({ ...replyDue(), repliedOnTime: 'true' })), den(issues(replyDue()))];
    case 'reply_on_time_oral':
      return [num(issues({ ...replyDue('oral'), repliedOnTime: 'true' })), den(issues(replyDue('oral')))];
    case 'reply_on_time_written':
      return [num(issues({ ...replyDue('written'), repliedOnTime: 'true' })), den(issues(replyDue('written')))];
    case 'days_to_resolve_mean':
    case 'days_to_resolve_p90':
      return [n(issues(resolvedIn))];
    case 'adoption':
      return [num(issues({ ...suggestions, adoption: 'adopted,implemented' })), den(issues({ ...suggestions, adoption: 'adopted,not_adopted,implemented' }))];
    case 'adoption_of_raised':
      return [num(issues({ ...suggestions, adoption: 'adopted,implemented' })), den(issues(suggestions))];
    case 'satisfaction_rate':
    case 'satisfaction_index':
      return [n(records({ minScore: 1 }))];
    case 'dimension_score':
    case 'nps':
      return [];
    case 'complaints_per_100':
      return [num(issues({ kind: 'complaint', raisedFrom: c.from, raisedTo: c.to })), den(households({}))];
    case 'praise':
      return [num(issues({ kind: 'praise', raisedFrom: c.from, raisedTo: c.to }))];
  }
}
