/**
 * The counts behind the KPIs, each one aggregate query over one base table from its scoped starter, optionally
 * grouped by what the event was attributed to when it happened (a visit's community, visitor, method and reason
 * as recorded; an issue's department when it was resolved). Each query names the index it reads
 * (migration 2026_12_03_0100_kpis, and the list indexes). The filters are those of the list endpoints the
 * figures drill into, so that a list's total equals the count (test/server/kpis*.test.ts checks it).
 */
import { sql, type RawBuilder } from 'kysely';
import type { GroupBy } from '../../shared/schemas/kpis.js';
import type { Adoption, IssueKind, ReplyMode } from '../../shared/schemas/issues.js';
import type { TaskStatus } from '../../shared/schemas/visits.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { inCompany, scopedCoverage, scopedHouseholdCounts, scopedIssues, scopedRaisedMonths, scopedRecordMonths, scopedRecords, scopedReplyMonths, scopedResolveMonths, scopedTaskMonths, scopedTasks } from '../scope.js';

/** Which rows: the caller's scope, narrowed to one community or one visitor, and how they are grouped. */
export interface Cut {
  communityId: number | null;
  visitorId: number | null;
  groupBy: GroupBy | null;
}

/** A Shanghai date range, both ends included, and the same as instants: [fromIso, toIso). */
export interface Range {
  from: string;
  to: string;
  fromIso: string;
  toIso: string;
}

/** The kinds the resolution figures count: what a department solves (suggestions are adopted, praise acknowledged). */
export const RESOLUTION_KINDS: readonly IssueKind[] = ['problem', 'complaint', 'need'];

type Group = string | number | null;
const num = (v: unknown) => Number(v ?? 0);
const g = (v: unknown): Group => (v === undefined ? null : (v as Group));

/** The column a group is read from, per base table; undefined when the table cannot say (no such attribution). */
const RECORD_GROUP: Partial<Record<GroupBy, string>> = {
  community: 'visit_records.community_id',
  building: 'h.building_id',
  visitor: 'visit_records.visitor_id',
  method: 'visit_records.method',
  reason: 'visit_records.reason',
};
const TASK_GROUP: Partial<Record<GroupBy, string>> = {
  community: 'visit_tasks.community_id',
  building: 'h.building_id',
  visitor: 'visit_tasks.assignee_id',
  method: 'visit_tasks.method',
  reason: 'visit_tasks.reason',
};
const ISSUE_GROUP: Partial<Record<GroupBy, string>> = {
  community: 'issues.community_id',
  building: 'h.building_id',
  department: 'coalesce(issues.resolved_department_id, issues.department_id)',
};
const HOUSEHOLD_GROUP: Partial<Record<GroupBy, string>> = {
  community: 'households.community_id',
  building: 'households.building_id',
};

export const GROUPS_BY_SOURCE = { records: RECORD_GROUP, tasks: TASK_GROUP, issues: ISSUE_GROUP, households: HOUSEHOLD_GROUP };

function groupExpr(map: Partial<Record<GroupBy, string>>, cut: Cut): RawBuilder<Group> | null {
  if (!cut.groupBy) return null;
  const col = map[cut.groupBy];
  if (!col) return null;
  return sql<Group>`${sql.raw(col)}`;
}
const needsBuilding = (cut: Cut) => cut.groupBy === 'building';

// ---------------------------------------------------------------------------------------------------------

/** The visit records of the cut: the caller's scope, one community, one visitor. */
export function recordsOf(db: Db, ctx: Ctx, cut: Cut) {
  let q = scopedRecords(db, ctx);
  if (cut.communityId !== null) q = q.where('visit_records.community_id', '=', cut.communityId);
  if (cut.visitorId !== null) q = q.where('visit_records.visitor_id', '=', cut.visitorId);
  return q;
}

/** Distinct households with a completed visit in the range (visit_records_company_date_idx / _community_idx). */
export async function visitedHouseholds(db: Db, ctx: Ctx, cut: Cut, range: Pick<Range, 'from' | 'to'>) {
  const months = rollupMonths(cut, range);
  if (months && months.from === months.to) {
    // One month: its households are counted once each in record_months (a longer period would count a
    // household once per month it was visited, so it is counted from the records).
    const q = inMonths(scopedRecordMonths(db, ctx), 'record_months', cut, months);
    const mg = monthGroup('record_months', cut);
    let s = q.select((eb) => eb.fn.sum<number>('record_months.households').as('n'));
    if (mg) s = s.select(mg.as('g')).groupBy(mg) as typeof s;
    return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), n: num(r.n) }));
  }
  const group = groupExpr(RECORD_GROUP, cut);
  let q = recordsOf(db, ctx, cut).where('visit_records.outcome', '=', 'completed').where('visit_records.visit_date', '>=', range.from).where('visit_records.visit_date', '<=', range.to);
  if (needsBuilding(cut)) q = q.innerJoin('households as h', 'h.id', 'visit_records.household_id') as typeof q;
  let s = q.select((eb) => eb.fn.count<number>('visit_records.household_id').distinct().as('n'));
  if (group) s = s.select(group.as('g')).groupBy(group) as typeof s;
  return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), n: num(r.n) }));
}

const COVERAGE_GROUP: Partial<Record<GroupBy, string>> = {
  community: 'household_coverage.community_id',
  building: 'household_coverage.building_id',
};
/**
 * The months a cut and range can be read from the monthly rollups (migration 2026_12_03_0600_month_rollups)
 * for: whole months, the caller's scope or one community, grouped by nothing, community or building. Anything
 * else (a custom period that starts or ends mid-month, one visitor's figures, groups by visitor, method or reason)
 * is counted from the rows.
 */
export function rollupMonths(cut: Cut, range: Pick<Range, 'from' | 'to'>): { from: number; to: number } | null {
  if (cut.visitorId !== null || (cut.groupBy !== null && cut.groupBy !== 'community' && cut.groupBy !== 'building')) return null;
  if (!range.from.endsWith('-01') || !isMonthEnd(range.to) || range.from > range.to) return null;
  return { from: monthIndex(range.from), to: monthIndex(range.to) };
}

type RollupTable = 'record_months' | 'record_dimension_months' | 'task_months' | 'issue_resolve_months' | 'issue_reply_months' | 'issue_raised_months';

/** The building of an issue rollup's rows without a household: not a building, left out of groups by building. */
const NO_BUILDING = 0;

/** A rollup narrowed to the months and the cut's community. */
export function inMonths<Q extends { where: (...args: any[]) => Q }>(q: Q, table: RollupTable, cut: Cut, months: { from: number; to: number }): Q {
  let out = q.where(`${table}.month`, '>=', months.from).where(`${table}.month`, '<=', months.to);
  if (cut.communityId !== null) out = out.where(`${table}.community_id`, '=', cut.communityId);
  return out;
}

/** A rollup's group column (the rollups have a community and a building). */
export function monthGroup(table: RollupTable, cut: Cut): RawBuilder<Group> | null {
  if (cut.groupBy !== 'community' && cut.groupBy !== 'building') return null;
  return sql<Group>`${sql.ref(`${table}.${cut.groupBy}_id`)}`;
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const isMonthEnd = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return d === new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/**
 * Distinct households with a completed visit in the 12 months ending with the range's last day: from the
 * rollup when the range ends a month (household_coverage_company_idx: the runs covering that month, one per
 * household), else — a custom period ending mid-month, or one visitor's visits — from the records.
 */
export async function visitedHouseholds12m(db: Db, ctx: Ctx, cut: Cut, range: Pick<Range, 'from' | 'to'>) {
  const m = coverageMonth(cut, range);
  if (m === null) return visitedHouseholds(db, ctx, cut, range);
  return (await coveredHouseholds(db, ctx, cut, [m])).get(m) ?? [];
}

/** The month whose 12-month window the coverage rollup answers for a cut and range; null when the records must be counted. */
export function coverageMonth(cut: Cut, range: Pick<Range, 'to'>): number | null {
  if (cut.visitorId !== null || !isMonthEnd(range.to) || (cut.groupBy && !COVERAGE_GROUP[cut.groupBy])) return null;
  return monthIndex(range.to);
}

/**
 * The households covered in the 12-month windows ending with each of these months, in one pass over the rows of
 * household_coverage that cover any of them (a request's periods, a trend's months): per month, per group.
 */
export async function coveredHouseholds(db: Db, ctx: Ctx, cut: Cut, months: readonly number[]): Promise<Map<number, { g: Group; n: number }[]>> {
  const out = new Map<number, { g: Group; n: number }[]>();
  if (!months.length) return out;
  const group = groupExpr(COVERAGE_GROUP, cut);
  let q = scopedCoverage(db, ctx).where('household_coverage.to_month', '>=', Math.min(...months)).where('household_coverage.from_month', '<=', Math.max(...months));
  if (cut.communityId !== null) q = q.where('household_coverage.community_id', '=', cut.communityId);
  const covers = (m: number) =>
    sql<number>`sum(case when ${sql.ref('household_coverage.from_month')} <= ${m} and ${sql.ref('household_coverage.to_month')} >= ${m} then 1 else 0 end)`;
  let s = q.select(months.map((m, i) => covers(m).as(`c${i}`)));
  if (group) s = s.select(group.as('g')).groupBy(group) as typeof s;
  const rows = (await s.execute()) as Record<string, unknown>[];
  months.forEach((m, i) => {
    const counts = rows.map((r) => ({ g: g((r as { g?: Group }).g), n: num(r[`c${i}`]) }));
    // Ungrouped, one row (0 when no household is covered); grouped, the groups with a covered household.
    out.set(m, group ? counts.filter((c) => c.n > 0) : counts);
  });
  return out;
}

const HOUSEHOLD_COUNT_GROUP: Partial<Record<GroupBy, string>> = {
  community: 'household_counts.community_id',
  building: 'household_counts.building_id',
};

/** Households on the roster: from household_counts (kept by triggers on households), per community or building when grouped. */
export async function households(db: Db, ctx: Ctx, cut: Cut) {
  const group = groupExpr(HOUSEHOLD_COUNT_GROUP, cut);
  let q = scopedHouseholdCounts(db, ctx);
  if (cut.communityId !== null) q = q.where('household_counts.community_id', '=', cut.communityId);
  let s = q.select((eb) => eb.fn.sum<number>('household_counts.n').as('n'));
  if (group) s = s.select(group.as('g')).groupBy(group).having((eb) => eb.fn.sum('household_counts.n'), '>', 0) as typeof s;
  // Without a group, a sum over no rows is null: no households.
  return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), n: num(r.n) }));
}

/** Tasks due in the range by status, with their failed attempts: from task_months for whole months, else visit_tasks_company_due_idx. */
export async function tasksByStatus(db: Db, ctx: Ctx, cut: Cut, range: Pick<Range, 'from' | 'to'>) {
  const months = rollupMonths(cut, range);
  if (months) {
    const q = inMonths(scopedTaskMonths(db, ctx), 'task_months', cut, months);
    const mg = monthGroup('task_months', cut);
    let s = q.select((eb) => ['task_months.status', eb.fn.sum<number>('task_months.n').as('n'), eb.fn.sum<number>('task_months.attempts').as('attempts')]).groupBy('task_months.status');
    if (mg) s = s.select(mg.as('g')).groupBy(mg) as typeof s;
    return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), status: r.status as TaskStatus, n: num(r.n), attempts: num(r.attempts) }));
  }
  const group = groupExpr(TASK_GROUP, cut);
  let q = scopedTasks(db, ctx).where('visit_tasks.due_date', '>=', range.from).where('visit_tasks.due_date', '<=', range.to);
  if (cut.communityId !== null) q = q.where('visit_tasks.community_id', '=', cut.communityId);
  if (cut.visitorId !== null) q = q.where('visit_tasks.assignee_id', '=', cut.visitorId);
  if (needsBuilding(cut)) q = q.innerJoin('households as h', 'h.id', 'visit_tasks.household_id') as typeof q;
  let s = q.select((eb) => ['visit_tasks.status', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('visit_tasks.attempt_count').as('attempts')]).groupBy('visit_tasks.status');
  if (group) s = s.select(group.as('g')).groupBy(group) as typeof s;
  return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), status: r.status as TaskStatus, n: num(r.n), attempts: num(r.attempts) }));
}

/** The issues of the cut: the caller's scope and one community (joined to the household for building groups). */
export function issuesOf(db: Db, ctx: Ctx, cut: Cut) {
  let q = scopedIssues(db, ctx);
  if (cut.communityId !== null) q = q.where('issues.community_id', '=', cut.communityId);
  if (needsBuilding(cut)) q = q.innerJoin('households as h', 'h.id', 'issues.household_id') as typeof q;
  return q;
}

/** Issues due for resolution in the range: how many, confirmed solved, resolved by the deadline (issues_company_resolve_due_idx). */
export async function resolutionDue(db: Db, ctx: Ctx, cut: Cut, range: Range) {
  const months = rollupMonths(cut, range);
  if (months) {
    const mg = monthGroup('issue_resolve_months', cut);
    let q = inMonths(scopedResolveMonths(db, ctx), 'issue_resolve_months', cut, months).where('issue_resolve_months.kind', 'in', [...RESOLUTION_KINDS]);
    if (cut.groupBy === 'building') q = q.where('issue_resolve_months.building_id', '!=', NO_BUILDING);
    let s = q.select((eb) => [eb.fn.sum<number>('issue_resolve_months.due').as('due'), eb.fn.sum<number>('issue_resolve_months.confirmed').as('confirmed'), eb.fn.sum<number>('issue_resolve_months.on_time').as('on_time')]);
    if (mg) s = s.select(mg.as('g')).groupBy(mg) as typeof s;
    return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), due: num(r.due), confirmed: num(r.confirmed), onTime: num(r.on_time) }));
  }
  const group = groupExpr(ISSUE_GROUP, cut);
  const q = issuesOf(db, ctx, cut)
    .where('issues.kind', 'in', [...RESOLUTION_KINDS])
    .where('issues.status', '!=', 'withdrawn')
    .where('issues.resolve_due_at', '>=', range.fromIso)
    .where('issues.resolve_due_at', '<', range.toIso);
  let s = q.select((eb) => [
    eb.fn.countAll<number>().as('due'),
    sql<number>`sum(case when ${sql.ref('issues.closure')} = 'confirmed' then 1 else 0 end)`.as('confirmed'),
    sql<number>`sum(case when ${sql.ref('issues.resolved_at')} is not null and ${sql.ref('issues.resolved_at')} <= ${sql.ref('issues.resolve_due_at')} then 1 else 0 end)`.as('on_time'),
  ]);
  if (group) s = s.select(group.as('g')).groupBy(group) as typeof s;
  return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), due: num(r.due), confirmed: num(r.confirmed), onTime: num(r.on_time) }));
}

/** Issues whose reply was due in the range, by reply mode, and how many were replied by then (issues_company_reply_due_idx). */
export async function repliesDue(db: Db, ctx: Ctx, cut: Cut, range: Range) {
  const months = rollupMonths(cut, range);
  if (months) {
    const mg = monthGroup('issue_reply_months', cut);
    let q = inMonths(scopedReplyMonths(db, ctx), 'issue_reply_months', cut, months);
    if (cut.groupBy === 'building') q = q.where('issue_reply_months.building_id', '!=', NO_BUILDING);
    let s = q.select((eb) => ['issue_reply_months.reply_mode', eb.fn.sum<number>('issue_reply_months.due').as('due'), eb.fn.sum<number>('issue_reply_months.on_time').as('on_time')]).groupBy('issue_reply_months.reply_mode');
    if (mg) s = s.select(mg.as('g')).groupBy(mg) as typeof s;
    return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), mode: r.reply_mode as ReplyMode, due: num(r.due), onTime: num(r.on_time) }));
  }
  const group = groupExpr(ISSUE_GROUP, cut);
  const q = issuesOf(db, ctx, cut).where('issues.status', '!=', 'withdrawn').where('issues.reply_due_at', '>=', range.fromIso).where('issues.reply_due_at', '<', range.toIso);
  let s = q
    .select((eb) => [
      'issues.reply_mode',
      eb.fn.countAll<number>().as('due'),
      sql<number>`sum(case when ${sql.ref('issues.replied_at')} is not null and ${sql.ref('issues.replied_at')} <= ${sql.ref('issues.reply_due_at')} then 1 else 0 end)`.as('on_time'),
    ])
    .groupBy('issues.reply_mode');
  if (group) s = s.select(group.as('g')).groupBy(group) as typeof s;
  return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), mode: r.reply_mode as ReplyMode, due: num(r.due), onTime: num(r.on_time) }));
}

/** The issue ids with an event of this name in [fromIso, toIso) (issue_events_company_event_idx). */
export function withEvent(db: Db, ctx: Ctx, event: 'resolve' | 'reopen', fromIso: string, toIso: string | null) {
  let q = db.selectFrom('issue_events').select('issue_events.issue_id').where('issue_events.company_id', '=', ctx.companyId).where('issue_events.event', '=', event).where('issue_events.at', '>=', fromIso);
  if (toIso !== null) q = q.where('issue_events.at', '<', toIso);
  return q;
}

/** Issues resolved in the range (a resolve event in it), and how many of them were reopened since the range began. */
export async function resolvedAndReopened(db: Db, ctx: Ctx, cut: Cut, range: Range) {
  const group = groupExpr(ISSUE_GROUP, cut);
  const reopened = withEvent(db, ctx, 'reopen', range.fromIso, null);
  const q = issuesOf(db, ctx, cut).where('issues.kind', 'in', [...RESOLUTION_KINDS]).where('issues.id', 'in', withEvent(db, ctx, 'resolve', range.fromIso, range.toIso));
  let s = q.select((eb) => [eb.fn.countAll<number>().as('resolved'), sql<number>`sum(case when ${sql.ref('issues.id')} in (${reopened}) then 1 else 0 end)`.as('reopened')]);
  if (group) s = s.select(group.as('g')).groupBy(group) as typeof s;
  return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), resolved: num(r.resolved), reopened: num(r.reopened) }));
}

/** Each issue resolved in the range with when it was raised and its last resolution in the range. */
export async function resolutionTimes(db: Db, ctx: Ctx, cut: Cut, range: Range) {
  const group = groupExpr(ISSUE_GROUP, cut);
  const last = db
    .selectFrom('issue_events')
    .select((eb) => ['issue_events.issue_id', eb.fn.max('issue_events.at').as('at')])
    .where('issue_events.company_id', '=', ctx.companyId)
    .where('issue_events.event', '=', 'resolve')
    .where('issue_events.at', '>=', range.fromIso)
    .where('issue_events.at', '<', range.toIso)
    .groupBy('issue_events.issue_id')
    .as('last');
  let s = issuesOf(db, ctx, cut)
    .innerJoin(last, 'last.issue_id', 'issues.id')
    .where('issues.kind', 'in', [...RESOLUTION_KINDS])
    .select(['issues.raised_at', 'last.at']);
  if (group) s = s.select(group.as('g')) as typeof s;
  return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), raisedAt: String(r.raised_at), resolvedAt: String(r.at) }));
}

/** Issues of a kind raised in the range (issues_company_kind_raised_idx), by adoption; withdrawn ones when asked. */
export async function raisedByAdoption(db: Db, ctx: Ctx, cut: Cut, range: Range, kind: IssueKind, withdrawn: boolean) {
  const months = rollupMonths(cut, range);
  if (months) {
    const mg = monthGroup('issue_raised_months', cut);
    let q = inMonths(scopedRaisedMonths(db, ctx), 'issue_raised_months', cut, months).where('issue_raised_months.kind', '=', kind);
    if (!withdrawn) q = q.where('issue_raised_months.withdrawn', '=', 0);
    if (cut.groupBy === 'building') q = q.where('issue_raised_months.building_id', '!=', NO_BUILDING);
    let s = q.select((eb) => ['issue_raised_months.adoption', eb.fn.sum<number>('issue_raised_months.n').as('n')]).groupBy('issue_raised_months.adoption');
    if (mg) s = s.select(mg.as('g')).groupBy(mg) as typeof s;
    return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), adoption: (r.adoption || null) as Adoption | null, n: num(r.n) }));
  }
  const group = groupExpr(ISSUE_GROUP, cut);
  let q = issuesOf(db, ctx, cut).where('issues.kind', '=', kind).where('issues.raised_at', '>=', range.fromIso).where('issues.raised_at', '<', range.toIso);
  if (!withdrawn) q = q.where('issues.status', '!=', 'withdrawn');
  let s = q.select((eb) => ['issues.adoption', eb.fn.countAll<number>().as('n')]).groupBy('issues.adoption');
  if (group) s = s.select(group.as('g')).groupBy(group) as typeof s;
  return (await s.execute()).map((r) => ({ g: g((r as { g?: Group }).g), adoption: r.adoption as Adoption | null, n: num(r.n) }));
}

/** The completed visits in the range that have a valid rating (average_score is their mean), with the household for building groups. */
export function scoredRecords(db: Db, ctx: Ctx, cut: Cut, range: Pick<Range, 'from' | 'to'>) {
  let q = recordsOf(db, ctx, cut)
    .where('visit_records.outcome', '=', 'completed')
    .where('visit_records.visit_date', '>=', range.from)
    .where('visit_records.visit_date', '<=', range.to)
    .where('visit_records.average_score', 'is not', null)
    .where('visit_records.questionnaire_version_id', 'is not', null);
  if (needsBuilding(cut)) q = q.innerJoin('households as h', 'h.id', 'visit_records.household_id') as typeof q;
  return q;
}

/** The column a record's group is read from (null without groupBy, or for a group records cannot say). */
export const recordGroup = (cut: Cut) => groupExpr(RECORD_GROUP, cut);

/** The questions of the questionnaire versions the visits were answered in. */
export async function versionQuestions(db: Db, ctx: Ctx, ids: readonly number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await db.selectFrom('questionnaire_versions').select(['id', 'questions']).where('company_id', '=', ctx.companyId).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.questions]));
}

/** The names of the groups' ids (communities, buildings, departments, visitors) for the response. */
export async function groupNames(db: Db, ctx: Ctx, groupBy: GroupBy, ids: readonly Group[]): Promise<Map<string, string>> {
  const numeric = ids.filter((i): i is number => typeof i === 'number');
  if (!numeric.length) return new Map();
  let rows: { id: number; name: string }[] = [];
  if (groupBy === 'visitor') rows = await inCompany(db, ctx, 'users').select(['users.id', 'users.display_name as name']).where('users.id', 'in', numeric).execute();
  if (groupBy === 'community') rows = await inCompany(db, ctx, 'communities').select(['communities.id', 'communities.name']).where('communities.id', 'in', numeric).execute();
  if (groupBy === 'department') rows = await inCompany(db, ctx, 'departments').select(['departments.id', 'departments.name']).where('departments.id', 'in', numeric).execute();
  if (groupBy === 'building') rows = await db.selectFrom('buildings').select(['id', 'name']).where('company_id', '=', ctx.companyId).where('id', 'in', numeric).execute();
  return new Map(rows.map((r) => [String(r.id), r.name]));
}

// ---------------------------------------------------------------------------------------------------------
// Free texts for text analysis (theme-index.ts): company-wide, a month at a time; the caller's scope is applied
// to the cached segmentations by community.
// ---------------------------------------------------------------------------------------------------------

/** The issue kinds whose description is a resident's text about the property (praise is not a theme to work on). */
export const THEME_ISSUE_KINDS: readonly IssueKind[] = ['problem', 'complaint', 'suggestion', 'need'];

/**
 * The non-empty free texts of a range, company-wide: visit records' opinions and suggestions by visit date
 * (visit_records_company_date_idx), issues' descriptions by raised time (issues_company_kind_raised_idx).
 */
export async function freeTexts(db: Db, ctx: Ctx, range: Range) {
  const [records, issues] = await Promise.all([
    inCompany(db, ctx, 'visit_records')
      .select(['visit_records.id', 'visit_records.community_id', 'visit_records.visit_date', 'visit_records.opinions', 'visit_records.suggestions'])
      .where('visit_records.visit_date', '>=', range.from)
      .where('visit_records.visit_date', '<=', range.to)
      .where((eb) => eb.or([eb('visit_records.opinions', '!=', ''), eb('visit_records.suggestions', '!=', '')]))
      .execute(),
    inCompany(db, ctx, 'issues')
      .select(['issues.id', 'issues.community_id', 'issues.raised_at', 'issues.description'])
      .where('issues.kind', 'in', [...THEME_ISSUE_KINDS])
      .where('issues.raised_at', '>=', range.fromIso)
      .where('issues.raised_at', '<', range.toIso)
      .where('issues.description', '!=', '')
      .execute(),
  ]);
  return { records, issues };
}

/**
 * What changes when the texts of a month change (the month's first day), company-wide: the sums of the month's
 * rows in theme_text_months, which triggers keep on every write of a record's or an issue's text (migration
 * 2026_12_04_0100_text_months) — how many texts, the sum of their ids, how many writes touched them.
 */
export async function freeTextsFingerprint(db: Db, ctx: Ctx, monthStart: string): Promise<string> {
  const row = await db
    .selectFrom('theme_text_months')
    .select((eb) => [eb.fn.sum<number>('n').as('n'), eb.fn.sum<number>('id_sum').as('id_sum'), eb.fn.sum<number>('writes').as('writes')])
    .where('company_id', '=', ctx.companyId)
    .where('month', '=', monthIndex(monthStart))
    .executeTakeFirst();
  return `t:${num(row?.n)}:${num(row?.id_sum)}:${num(row?.writes)}`;
}

/** The rows of one page of texts, with what the texts are masked by (the resident's name). */
export async function freeTextRows(db: Db, ctx: Ctx, recordIds: readonly number[], issueIds: readonly number[]) {
  const [records, issues] = await Promise.all([
    recordIds.length
      ? scopedRecords(db, ctx)
          .innerJoin('communities', 'communities.id', 'visit_records.community_id')
          .leftJoin('residents', 'residents.id', 'visit_records.resident_id')
          .select(['visit_records.id', 'visit_records.community_id', 'communities.name as community_name', 'visit_records.opinions', 'visit_records.suggestions', 'residents.name as resident_name'])
          .where('visit_records.id', 'in', [...recordIds])
          .execute()
      : [],
    issueIds.length
      ? scopedIssues(db, ctx)
          .innerJoin('communities', 'communities.id', 'issues.community_id')
          .leftJoin('residents', 'residents.id', 'issues.resident_id')
          .select(['issues.id', 'issues.community_id', 'communities.name as community_name', 'issues.kind', 'issues.description', 'residents.name as resident_name'])
          .where('issues.id', 'in', [...issueIds])
          .execute()
      : [],
  ]);
  return { records, issues };
}
