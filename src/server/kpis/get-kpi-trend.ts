/**
 * A KPI trend (GET /kpis/trend): the figures of each of the last 1–24 months up to a month, one series per KPI
 * (per dimension for dimension scores), each month computed exactly as GET /kpis computes that month, with the
 * same permission and scope (a visitor gets their own figures only).
 */
import type { Locale } from '../../shared/schemas/common.js';
import { KpiKey, addMonths, monthOf, type KpiFigure, type KpiTrend, type KpiTrendQuery, type KpiTrendSeries } from '../../shared/schemas/kpis.js';
import { shanghaiToday } from '../clock.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { NO_GROUP, computeSet, kpiEnv, kpiScope } from './get-kpis.js';

/** The months (YYYY-MM) of a trend, oldest first, ending with `to`. */
export function trendMonths(to: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(`${to}-01`, i - count + 1).slice(0, 7));
}

export async function getKpiTrend(db: Db, ctx: Ctx, query: KpiTrendQuery, locale: Locale): Promise<KpiTrend> {
  const { communityId, visitorId, keys } = await kpiScope(db, ctx, { kpi: query.kpi, communityId: query.communityId });
  const months = trendMonths(query.to ?? shanghaiToday().slice(0, 7), query.months);
  const env = await kpiEnv(db, ctx, locale);
  const cut = { communityId, visitorId, groupBy: null };
  const sets = await Promise.all(months.map(async (m) => (await computeSet(env, cut, monthOf(`${m}-01`), keys)).get(NO_GROUP) ?? []));
  return { months, communityId, series: seriesOf(months, sets) };
}

/** One series per key and dimension, a point per month; a dimension without answers in a month has no value there. */
export function seriesOf(months: readonly string[], sets: readonly KpiFigure[][]): KpiTrendSeries[] {
  const series = new Map<string, KpiTrendSeries>();
  const id = (f: Pick<KpiFigure, 'key' | 'dimension'>) => `${f.key}\u0000${f.dimension ?? ''}`;
  for (const figures of sets) {
    for (const f of figures) {
      if (!series.has(id(f))) series.set(id(f), { key: f.key, dimension: f.dimension, label: f.label, unit: f.unit, target: f.target, points: [] });
    }
  }
  for (const [i, month] of months.entries()) {
    const byId = new Map(sets[i].map((f) => [id(f), f]));
    for (const [sid, s] of series) {
      const f = byId.get(sid);
      s.points.push(f ? { month, value: f.value, numerator: f.numerator, denominator: f.denominator, n: f.n, status: f.status } : { month, value: null, numerator: null, denominator: null, n: 0, status: null });
    }
  }
  const order = (s: KpiTrendSeries) => KpiKey.options.indexOf(s.key);
  return [...series.values()].sort((a, b) => order(a) - order(b) || (a.dimension ?? '').localeCompare(b.dimension ?? '', 'zh-CN'));
}
