/**
 * The KPI figures of a period (GET /kpis): the catalogue of docs/kpis.md for the caller's scope, one community
 * or one visitor, each with its numerator, denominator, n, target and status, formula and the list queries
 * behind it; with `compare` the period before and a year earlier, with `groupBy` each group's figures.
 * A visitor (kpis.read_own) gets their own figures only: the tasks assigned to them, the visits they recorded.
 * Names, formulas and reasons are in the reader's language (Accept-Language), as problem documents and exports are.
 * The trend (get-kpi-trend.ts) and the export (export-kpis.ts) check the request with `kpiScope` and compute with
 * `computeSet`, so that their figures are these, month by month or in a file.
 */
import type { Locale } from '../../shared/schemas/common.js';
import { KpiKey, OWN_KPIS, monthOf, parsePeriod, previousPeriod, yearAgoPeriod, type GroupBy, type KpiFigure, type KpiGroup, type KpiQuery, type KpiTargets, type Kpis, type Period } from '../../shared/schemas/kpis.js';
import { addDays, shanghaiDay, startOfDateIso } from '../../shared/shanghai.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import type { WorkCalendar } from '../calendar/working-days.js';
import { shanghaiToday } from '../clock.js';
import { can, requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { scopedCommunities, scopedUsers } from '../scope.js';
import { drillDowns, rollingFrom, type DrillCut, type ListName } from './drill-down.js';
import { dimensionScore, emptyTally, figure, mean, nps, p90, percent, satisfactionIndex, workingDaysBetween, type FigureInput, type SatisfactionTally } from './formulas.js';
import {
  GROUPS_BY_SOURCE,
  groupNames,
  households,
  raisedByAdoption,
  repliesDue,
  resolutionDue,
  resolutionTimes,
  resolvedAndReopened,
  tasksByStatus,
  visitedHouseholds,
  coverageMonth,
  coveredHouseholds,
  visitedHouseholds12m,
  type Cut,
  type Range,
} from './queries.js';
import { satisfactionTallies } from './satisfaction.js';
import { loadTargets } from './targets.js';

type Source = keyof typeof GROUPS_BY_SOURCE;

/** The tables each KPI is counted from: a breakdown shows a KPI only where each of them knows the group. */
const SOURCES: Record<KpiKey, Source[]> = {
  coverage: ['records', 'households'],
  coverage_12m: ['records', 'households'],
  completion: ['tasks'],
  unreachable_rate: ['tasks'],
  refused_rate: ['tasks'],
  attempts_per_completion: ['tasks'],
  resolution: ['issues'],
  resolution_on_time: ['issues'],
  reopen_rate: ['issues'],
  reply_on_time: ['issues'],
  reply_on_time_oral: ['issues'],
  reply_on_time_written: ['issues'],
  days_to_resolve_mean: ['issues'],
  days_to_resolve_p90: ['issues'],
  adoption: ['issues'],
  adoption_of_raised: ['issues'],
  satisfaction_rate: ['records'],
  dimension_score: ['records'],
  satisfaction_index: ['records'],
  nps: ['records'],
  complaints_per_100: ['issues', 'households'],
  praise: ['issues'],
};

/** The group id of rows without one (an unassigned task, an issue without a household or a department). */
export const NO_GROUP = 'none';

export function toRange(p: Pick<Period, 'from' | 'to'>): Range {
  return { from: p.from, to: p.to, fromIso: startOfDateIso(p.from), toIso: startOfDateIso(addDays(p.to, 1)) };
}

/** The period asked for, or the current Shanghai month; a malformed or too long one is 400 naming `period`. */
export function periodOf(text: string | undefined): Period {
  const parsed = text ? parsePeriod(text) : monthOf(shanghaiToday());
  if (typeof parsed === 'string') throw new AppError('validation_failed', 400, { count: 1 }, { errors: [{ path: 'period', code: 'custom', key: parsed }] });
  return parsed;
}

export async function getKpis(db: Db, ctx: Ctx, query: KpiQuery, locale: Locale): Promise<Kpis> {
  const { communityId, visitorId, keys } = await kpiScope(db, ctx, query);
  const period = periodOf(query.period);

  const env = await kpiEnv(db, ctx, locale);
  const cut: Cut = { communityId, visitorId, groupBy: null };

  const compare = query.compare === 'true';
  // The period, its comparisons and its groups are computed together: they share the roster and the coverage reads.
  const figuresOf = async (p: Period) => (await computeSet(env, cut, p, keys)).get(NO_GROUP) ?? [];
  const [figures, previous, yearAgo, groups] = await Promise.all([
    figuresOf(period),
    compare ? figuresOf(previousPeriod(period)).then((f) => ({ period: previousPeriod(period), figures: f })) : null,
    compare ? figuresOf(yearAgoPeriod(period)).then((f) => ({ period: yearAgoPeriod(period), figures: f })) : null,
    query.groupBy ? computeGroups(env, { ...cut, groupBy: query.groupBy }, period, keys) : null,
  ]);
  return { period, communityId, visitorId, figures, previous, yearAgo, groupBy: query.groupBy ?? null, groups };
}

/** Whose figures a request gets, and which, once its permission and scope are checked. */
export interface KpiScope {
  communityId: number | null;
  visitorId: number | null;
  /** the KPIs asked for (default the catalogue of the view), in the catalogue's order */
  keys: KpiKey[];
}

/**
 * Checks the permission and the scope of a KPI request: a visitor (kpis.read_own) gets their own figures only,
 * a community or visitor outside the caller's scope is not found.
 */
export async function kpiScope(db: Db, ctx: Ctx, query: Pick<KpiQuery, 'kpi' | 'visitorId' | 'communityId' | 'groupBy'>): Promise<KpiScope> {
  requirePermission(ctx, 'kpis.read', 'kpis.read_own');
  const own = !can(ctx, 'kpis.read');
  const asked = query.kpi ? [...new Set(query.kpi.split(','))].map((k) => KpiKey.parse(k)) : null;
  let visitorId = query.visitorId ?? null;
  if (own) {
    // A visitor's own view: their own figures, and only those their own work decides.
    if (visitorId !== null && visitorId !== ctx.userId) throw forbidden('kpis.read');
    if (asked?.some((k) => !OWN_KPIS.includes(k))) throw forbidden('kpis.read');
    if (query.groupBy && query.groupBy !== 'method' && query.groupBy !== 'reason') throw forbidden('kpis.read');
    visitorId = ctx.userId;
  }
  if (visitorId !== null && !own) {
    const user = await scopedUsers(db, ctx).select('users.id').where('users.id', '=', visitorId).executeTakeFirst();
    if (!user) throw notFound('user');
  }
  const communityId = query.communityId ?? null;
  if (communityId !== null) {
    const community = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', '=', communityId).executeTakeFirst();
    if (!community) throw notFound('community');
  }
  const catalogue = visitorId !== null ? OWN_KPIS : KpiKey.options;
  const keys = asked ? catalogue.filter((k) => asked.includes(k)) : [...catalogue];
  return { communityId, visitorId, keys };
}

/** What every computation of figures reads once per request: the targets and the company calendar. */
export async function kpiEnv(db: Db, ctx: Ctx, locale: Locale): Promise<KpiEnv> {
  const [targets, calendar] = await Promise.all([loadTargets(db, ctx.companyId), loadCompanyCalendar(db, ctx.companyId)]);
  return { db, ctx, targets, calendar, locale, rosters: new Map(), coverage: new Map() };
}

export interface KpiEnv {
  db: Db;
  ctx: Ctx;
  targets: KpiTargets;
  calendar: WorkCalendar;
  locale: Locale;
  /**
   * The roster counts of the request by cut: the roster is today's, the same for every period a request computes
   * (the comparison periods, the months of a trend), so it is counted once.
   */
  rosters: Map<string, ReturnType<typeof households>>;
  /** The 12-month coverage counts asked for in one turn of the event loop, by cut: one query for all their months. */
  coverage: Map<string, CoverageBatch>;
}

interface CoverageBatch {
  months: Set<number>;
  started: boolean;
  result: Promise<Map<number, { g: string | number | null; n: number }[]>>;
}

/**
 * The households covered in the 12 months to the range's end. The periods of a request (and the months of a
 * trend) ask together, so the coverage rollup is read once for all of them (coveredHouseholds).
 */
function coverage12mOf(env: KpiEnv, cut: Cut, range: Pick<Range, 'from' | 'to'>): ReturnType<typeof visitedHouseholds12m> {
  const m = coverageMonth(cut, range);
  if (m === null) return visitedHouseholds12m(env.db, env.ctx, cut, range);
  const k = JSON.stringify(cut);
  let batch = env.coverage.get(k);
  if (!batch || batch.started) {
    const next: CoverageBatch = { months: new Set(), started: false, result: Promise.resolve(new Map()) };
    next.result = Promise.resolve().then(() => {
      next.started = true;
      return coveredHouseholds(env.db, env.ctx, cut, [...next.months]);
    });
    env.coverage.set(k, (batch = next));
  }
  batch.months.add(m);
  return batch.result.then((counts) => counts.get(m) ?? []);
}

function rosterOf(env: KpiEnv, cut: Cut): ReturnType<typeof households> {
  const k = JSON.stringify(cut);
  let roster = env.rosters.get(k);
  if (!roster) env.rosters.set(k, (roster = households(env.db, env.ctx, cut)));
  return roster;
}

async function computeGroups(env: KpiEnv, cut: Cut & { groupBy: GroupBy }, period: Period, keys: KpiKey[]): Promise<KpiGroup[]> {
  const groupBy = cut.groupBy;
  const attributable = keys.filter((k) => SOURCES[k].every((s) => GROUPS_BY_SOURCE[s][groupBy] !== undefined));
  const sets = await computeSet(env, cut, period, attributable);
  const ids = [...sets.keys()];
  const names = await groupNames(env.db, env.ctx, groupBy, ids.filter((i) => i !== NO_GROUP).map(Number));
  const words = GROUP_WORDS[env.locale];
  return ids
    .map((id) => ({ id, name: id === NO_GROUP ? words.none : (names.get(id) ?? words[id] ?? id), figures: sets.get(id) ?? [] }))
    .sort((a, b) => (a.id === NO_GROUP ? 1 : b.id === NO_GROUP ? -1 : a.name.localeCompare(b.name, 'zh-CN')));
}

/** Names of the groups that are codes (methods and reasons), and of rows without a group. */
const GROUP_WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    none: '未指定',
    phone: '电话',
    door: '上门',
    online: '线上',
    written: '书面',
    periodic: '定期回访',
    move_in: '新入住',
    after_complaint: '投诉后回访',
    after_repair: '维修后回访',
    low_satisfaction: '重点回访',
    special_need: '特殊需求',
    event: '事件回访',
    ad_hoc: '临时回访',
    confirmation: '确认回访',
  },
  en: {
    none: 'Not given',
    phone: 'Phone',
    door: 'Door to door',
    online: 'Online',
    written: 'Written',
    periodic: 'Periodic',
    move_in: 'New move-in',
    after_complaint: 'After a complaint',
    after_repair: 'After a repair',
    low_satisfaction: 'Low satisfaction',
    special_need: 'Special need',
    event: 'Event',
    ad_hoc: 'Ad hoc',
    confirmation: 'Confirmation',
  },
};

/** What a group filters each list by in its drill-downs. */
function groupFilters(groupBy: GroupBy | null, id: string): DrillCut['group'] {
  if (!groupBy || id === NO_GROUP) return undefined;
  switch (groupBy) {
    case 'community':
      return { records: { communityId: id }, tasks: { communityId: id }, issues: { communityId: id }, households: {} };
    case 'building':
      return { records: { buildingId: id }, tasks: { buildingId: id }, issues: { buildingId: id }, households: { buildingId: id } };
    case 'visitor':
      return { records: { visitorId: id }, tasks: { assigneeId: id } };
    case 'method':
      return { records: { method: id }, tasks: { method: id } };
    case 'reason':
      return { records: { reason: id }, tasks: { reason: id } };
    case 'department':
      return { issues: { resolvedDepartmentId: id } };
  }
}

const key = (g: string | number | null) => (g === null ? NO_GROUP : String(g));

/** Sums rows into their groups. */
function byGroup<R extends { g: string | number | null }>(rows: readonly R[], cut: Cut): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const k = cut.groupBy ? key(r.g) : NO_GROUP;
    const rows = out.get(k);
    if (rows) rows.push(r);
    else out.set(k, [r]);
  }
  return out;
}
const sum = <R>(rows: readonly R[] | undefined, f: (r: R) => number) => (rows ?? []).reduce((a, r) => a + f(r), 0);

/** Computes the figures of a period, per group (one group, NO_GROUP, without groupBy). */
export async function computeSet(env: KpiEnv, cut: Cut, period: Period, keys: readonly KpiKey[]): Promise<Map<string, KpiFigure[]>> {
  const { db, ctx, targets, calendar, locale } = env;
  const range = toRange(period);
  const has = (...ks: KpiKey[]) => ks.some((k) => keys.includes(k));
  const none = Promise.resolve([]);
  const [visited, visited12, roster, tasks, resolution, replies, reopened, times, suggestions, complaints, praise, scored] = await Promise.all([
    has('coverage') ? visitedHouseholds(db, ctx, cut, range) : none,
    has('coverage_12m') ? coverage12mOf(env, cut, { from: rollingFrom(range.to), to: range.to }) : none,
    has('coverage', 'coverage_12m', 'complaints_per_100') ? rosterOf(env, cut) : none,
    has('completion', 'unreachable_rate', 'refused_rate', 'attempts_per_completion') ? tasksByStatus(db, ctx, cut, range) : none,
    has('resolution', 'resolution_on_time') ? resolutionDue(db, ctx, cut, range) : none,
    has('reply_on_time', 'reply_on_time_oral', 'reply_on_time_written') ? repliesDue(db, ctx, cut, range) : none,
    has('reopen_rate') ? resolvedAndReopened(db, ctx, cut, range) : none,
    has('days_to_resolve_mean', 'days_to_resolve_p90') ? resolutionTimes(db, ctx, cut, range) : none,
    has('adoption', 'adoption_of_raised') ? raisedByAdoption(db, ctx, cut, range, 'suggestion', false) : none,
    has('complaints_per_100') ? raisedByAdoption(db, ctx, cut, range, 'complaint', true) : none,
    has('praise') ? raisedByAdoption(db, ctx, cut, range, 'praise', true) : none,
    has('satisfaction_rate', 'dimension_score', 'satisfaction_index', 'nps') ? satisfactionTallies(db, ctx, cut, range, has('dimension_score', 'satisfaction_index')) : new Map<never, SatisfactionTally>(),
  ]);
  const tallies = new Map([...scored].map(([g, t]) => [cut.groupBy ? key(g) : NO_GROUP, t]));

  const grouped = {
    visited: byGroup(visited, cut),
    visited12: byGroup(visited12, cut),
    roster: byGroup(roster, cut),
    tasks: byGroup(tasks, cut),
    resolution: byGroup(resolution, cut),
    replies: byGroup(replies, cut),
    reopened: byGroup(reopened, cut),
    times: byGroup(times, cut),
    suggestions: byGroup(suggestions, cut),
    complaints: byGroup(complaints, cut),
    praise: byGroup(praise, cut),
  };
  const ids = new Set<string>(cut.groupBy ? [...Object.values(grouped).flatMap((m) => [...m.keys()]), ...tallies.keys()] : [NO_GROUP]);
  const out = new Map<string, KpiFigure[]>();
  for (const id of ids) {
    const pick = <R>(m: Map<string, R[]>) => m.get(id) ?? [];
    const drillCut: DrillCut = { communityId: cut.communityId, visitorId: cut.visitorId, from: range.from, to: range.to, group: groupFilters(cut.groupBy, id) };
    const make = (input: FigureInput) => figure({ ...input, drillDown: input.drillDown ?? drillDowns(input.key, drillCut) }, locale, targets.nearMargin);
    const list: KpiFigure[] = [];
    const push = (k: KpiKey, build: () => FigureInput | FigureInput[]) => {
      if (!keys.includes(k)) return;
      const built = build();
      for (const b of Array.isArray(built) ? built : [built]) list.push(make(b));
    };

    const householdCount = sum(pick(grouped.roster), (r) => r.n);
    const rate = (k: KpiKey, numerator: number, denominator: number, reason: FigureInput['reason'], target: number | null = null): FigureInput => ({
      key: k,
      unit: 'percent',
      value: percent(numerator, denominator),
      numerator,
      denominator,
      n: denominator,
      target,
      reason,
    });
    push('coverage', () => rate('coverage', sum(pick(grouped.visited), (r) => r.n), householdCount, 'no_households', period.kind === 'month' ? targets.coverage : null));
    push('coverage_12m', () => rate('coverage_12m', sum(pick(grouped.visited12), (r) => r.n), householdCount, 'no_households'));

    const taskRows = pick(grouped.tasks);
    const counted = sum(taskRows, (r) => (r.status === 'cancelled' ? 0 : r.n));
    const ofStatus = (s: string) => sum(taskRows, (r) => (r.status === s ? r.n : 0));
    const completed = ofStatus('completed');
    push('completion', () => rate('completion', completed, counted, 'no_tasks_due', targets.completion));
    push('unreachable_rate', () => rate('unreachable_rate', ofStatus('unreachable'), counted, 'no_tasks_due'));
    push('refused_rate', () => rate('refused_rate', ofStatus('refused'), counted, 'no_tasks_due'));
    push('attempts_per_completion', () => {
      const attempts = sum(taskRows, (r) => (r.status === 'completed' ? r.attempts + r.n : 0));
      return { key: 'attempts_per_completion', unit: 'attempts', value: completed > 0 ? attempts / completed : null, numerator: attempts, denominator: completed, n: completed, reason: 'no_completions' };
    });

    const res = pick(grouped.resolution);
    const due = sum(res, (r) => r.due);
    push('resolution', () => rate('resolution', sum(res, (r) => r.confirmed), due, 'no_issues_due', targets.resolution));
    push('resolution_on_time', () => rate('resolution_on_time', sum(res, (r) => r.onTime), due, 'no_issues_due'));
    const ro = pick(grouped.reopened);
    push('reopen_rate', () => rate('reopen_rate', sum(ro, (r) => r.reopened), sum(ro, (r) => r.resolved), 'no_resolutions'));
    const rep = pick(grouped.replies);
    const replyRate = (k: KpiKey, mode: string | null) => {
      const rows = rep.filter((r) => mode === null || r.mode === mode);
      return rate(k, sum(rows, (r) => r.onTime), sum(rows, (r) => r.due), 'no_replies_due');
    };
    push('reply_on_time', () => replyRate('reply_on_time', null));
    push('reply_on_time_oral', () => replyRate('reply_on_time_oral', 'oral'));
    push('reply_on_time_written', () => replyRate('reply_on_time_written', 'written'));
    const days = pick(grouped.times).map((r) => workingDaysBetween((d) => calendar.isWorkingDay(d), shanghaiDay(r.raisedAt), shanghaiDay(r.resolvedAt)));
    const dayFigure = (k: KpiKey, value: number | null): FigureInput => ({ key: k, unit: 'days', value, numerator: null, denominator: null, n: days.length, reason: 'no_resolutions' });
    push('days_to_resolve_mean', () => dayFigure('days_to_resolve_mean', mean(days)));
    push('days_to_resolve_p90', () => dayFigure('days_to_resolve_p90', p90(days)));

    const sug = pick(grouped.suggestions);
    const adopted = sum(sug, (r) => (r.adoption === 'adopted' || r.adoption === 'implemented' ? r.n : 0));
    const decided = sum(sug, (r) => (r.adoption === 'adopted' || r.adoption === 'implemented' || r.adoption === 'not_adopted' ? r.n : 0));
    push('adoption', () => rate('adoption', adopted, decided, 'no_suggestions_decided', targets.adoption));
    push('adoption_of_raised', () => rate('adoption_of_raised', adopted, sum(sug, (r) => r.n), 'no_suggestions'));

    const tally: SatisfactionTally = tallies.get(id) ?? emptyTally();
    push('satisfaction_rate', () => ({ ...rate('satisfaction_rate', tally.satisfied, tally.valid, 'no_answers', targets.satisfactionRate), n: tally.records }));
    push('dimension_score', () =>
      [...tally.dimensions.entries()]
        .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
        .map(([dimension, d]) => ({ key: 'dimension_score' as const, dimension, unit: 'score' as const, value: dimensionScore(d.sum, d.count), numerator: null, denominator: null, n: d.records, reason: 'no_answers' as const })),
    );
    push('satisfaction_index', () => ({ key: 'satisfaction_index', unit: 'score', value: satisfactionIndex(tally, targets.dimensionWeights), numerator: null, denominator: null, n: tally.records, reason: 'no_answers' }));
    push('nps', () => ({ key: 'nps', unit: 'nps', value: nps(tally), numerator: tally.promoters - tally.detractors, denominator: tally.npsAnswers, n: tally.npsAnswers, reason: 'no_answers' }));

    const complaintCount = sum(pick(grouped.complaints), (r) => r.n);
    push('complaints_per_100', () => ({
      key: 'complaints_per_100',
      unit: 'per100',
      value: householdCount > 0 ? (complaintCount / householdCount) * 100 : null,
      numerator: complaintCount,
      denominator: householdCount,
      n: complaintCount,
      reason: 'no_households',
    }));
    push('praise', () => {
      const count = sum(pick(grouped.praise), (r) => r.n);
      return { key: 'praise', unit: 'count', value: count, numerator: count, denominator: null, n: count, reason: 'no_answers' };
    });
    out.set(id, list);
  }
  return out;
}

export type { ListName };
