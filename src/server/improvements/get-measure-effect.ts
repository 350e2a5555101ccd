/**
 * What followed a measure (GET /improvement-measures/{id}/effect): for a measure starting on S, the window before,
 * [S − W, S), against the window after, [S, S + W), W = `windowMonths` (default 3), each cut at today (the injected
 * clock) and told so (`complete`, `afterComplete`). Within the measure's community, or for a company-wide one the
 * caller's scope.
 *
 * - A dimension measure: that dimension's 满意率 (its answers of 4 or 5 ÷ its valid answers) and its 0–100 score,
 *   each with n (visits that rated it), tallied by the satisfaction KPI's own code (kpis/formulas.ts over
 *   kpis/satisfaction.ts `satisfactionTallies`), so the figures are those of the dashboard for the same dates.
 * - A category measure: the problems, complaints and needs raised in the category in each window, and per 100
 *   households on the roster (today's roster, as complaints_per_100 counts it).
 * Nothing is divided by zero: a window without answers or households gives `value: null` with a reason. The first
 * figure decides the verdict; issue counts of an after window that has not run its length give `too_early`.
 */
import { addMonths } from '../../shared/schemas/kpis.js';
import type { EffectFigure, EffectReason, EffectValue, EffectWindow, MeasureEffect, MeasureEffectQuery, Verdict } from '../../shared/schemas/improvements.js';
import { addDays, dayNumber } from '../../shared/shanghai.js';
import { shanghaiToday } from '../clock.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { toRange } from '../kpis/get-kpis.js';
import { SMALL_SAMPLE, dimensionScore, emptyTally, percent, round1 } from '../kpis/formulas.js';
import { households, type Cut } from '../kpis/queries.js';
import { satisfactionTallies } from '../kpis/satisfaction.js';
import { getMeasure, issuesRaisedInCategory } from './queries.js';

export async function getMeasureEffect(db: Db, ctx: Ctx, id: number, query: MeasureEffectQuery): Promise<MeasureEffect> {
  requirePermission(ctx, 'improvements.read');
  const measure = await getMeasure(db, ctx, id);
  const today = shanghaiToday();
  const w = query.windowMonths;
  const start = measure.startDate;
  const before = windowOf(addMonths(start, -w), addDays(start, -1), today);
  const after = windowOf(start, addDays(addMonths(start, w), -1), today);
  const cut: Cut = { communityId: measure.communityId, visitorId: null, groupBy: null };

  let figures: EffectFigure[];
  if (measure.targetKind === 'dimension') {
    const dimension = measure.dimension ?? '';
    const [b, a] = await Promise.all([before, after].map((win) => dimensionValues(db, ctx, cut, win, dimension)));
    figures = [
      effectFigure('satisfaction_rate', 'percent', 'higher', b.rate, a.rate),
      effectFigure('dimension_score', 'score', 'higher', b.score, a.score),
    ];
  } else {
    const categoryId = measure.categoryId ?? 0;
    const roster = (await households(db, ctx, cut)).reduce((sum, r) => sum + r.n, 0);
    const [b, a] = await Promise.all([before, after].map((win) => categoryValues(db, ctx, cut, win, categoryId, roster)));
    figures = [effectFigure('issues_raised', 'count', 'lower', b.count, a.count), effectFigure('issues_per_100', 'per100', 'lower', b.per100, a.per100)];
  }
  const first = figures[0];
  const verdict: Verdict =
    first.change === null ? 'unknown' : measure.targetKind === 'category' && !after.complete ? 'too_early' : first.change === 0 ? 'unchanged' : (first.change > 0) === (first.better === 'higher') ? 'improved' : 'worsened';

  return {
    measure,
    windowMonths: w,
    today,
    communityId: measure.communityId,
    wholeCompany: measure.communityId === null && ctx.allCommunities,
    before,
    after,
    afterComplete: after.complete,
    figures,
    verdict,
  };
}

/** A window [from, end], cut at today; `to` is before `from` when it has not begun. */
function windowOf(from: string, end: string, today: string): EffectWindow {
  const to = end <= today ? end : today < from ? addDays(from, -1) : today;
  return { from, to, days: Math.max(0, dayNumber(to) - dayNumber(from) + 1), complete: end <= today };
}

const NOT_STARTED: EffectValue = { value: null, numerator: null, denominator: null, n: 0, reason: 'not_started' };

function value(raw: number | null, numerator: number | null, denominator: number | null, n: number, reason: EffectReason): EffectValue {
  const v = raw === null || !Number.isFinite(raw) ? null : round1(raw);
  return { value: v, numerator, denominator, n, reason: v === null ? reason : null };
}

/** The dimension's 满意率 and score in a window, from the satisfaction KPI's tally of the window's scored visits. */
async function dimensionValues(db: Db, ctx: Ctx, cut: Cut, win: EffectWindow, dimension: string): Promise<{ rate: EffectValue; score: EffectValue }> {
  if (win.days === 0) return { rate: NOT_STARTED, score: NOT_STARTED };
  const tally = (await satisfactionTallies(db, ctx, cut, toRange(win), true)).get(null) ?? emptyTally();
  const d = tally.dimensions.get(dimension) ?? { sum: 0, count: 0, satisfied: 0, records: 0 };
  return {
    rate: value(percent(d.satisfied, d.count), d.satisfied, d.count, d.records, 'no_answers'),
    score: value(dimensionScore(d.sum, d.count), null, null, d.records, 'no_answers'),
  };
}

/** The category's issues raised in a window, as a count and per 100 households on the roster. */
async function categoryValues(db: Db, ctx: Ctx, cut: Cut, win: EffectWindow, categoryId: number, roster: number): Promise<{ count: EffectValue; per100: EffectValue }> {
  if (win.days === 0) return { count: NOT_STARTED, per100: NOT_STARTED };
  const count = await issuesRaisedInCategory(db, ctx, cut, categoryId, toRange(win));
  return {
    count: value(count, count, null, count, 'no_answers'),
    per100: value(roster > 0 ? (count / roster) * 100 : null, count, roster, roster, 'no_households'),
  };
}

function effectFigure(key: EffectFigure['key'], unit: EffectFigure['unit'], better: EffectFigure['better'], before: EffectValue, after: EffectValue): EffectFigure {
  const change = before.value === null || after.value === null ? null : round1(after.value - before.value);
  const counted = key === 'issues_raised' || key === 'issues_per_100';
  return { key, unit, better, before, after, change, smallSample: !counted && (before.n < SMALL_SAMPLE || after.n < SMALL_SAMPLE) };
}
