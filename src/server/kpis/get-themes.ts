/**
 * Recurring themes in free text (GET /kpis/themes): the words found most often in the month's opinions,
 * suggestions and issue descriptions of the caller's scope or one community, each counted once per text, with
 * its share of the month's texts, the change from the month before and its counts over the last six months.
 * For kpis.read only, with the scope of GET /kpis (a community outside it is 404).
 */
import { THEME_TREND_MONTHS, monthOf, type KpiTheme, type KpiThemes, type KpiThemesQuery } from '../../shared/schemas/kpis.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { trendMonths } from './get-kpi-trend.js';
import { kpiScope } from './get-kpis.js';
import { companyLexicon, monthThemeCounts, themePeriodOf, themeScope, type ThemeCounts } from './theme-index.js';

interface MonthCount {
  texts: number;
  terms: Map<string, number>;
}

/** A month's counts over the communities in scope. */
function inScopeCounts(byCommunity: Map<number, ThemeCounts>, inScope: (communityId: number) => boolean): MonthCount {
  const out: MonthCount = { texts: 0, terms: new Map() };
  for (const [communityId, c] of byCommunity) {
    if (!inScope(communityId)) continue;
    out.texts += c.texts;
    for (const [term, n] of c.terms) out.terms.set(term, (out.terms.get(term) ?? 0) + n);
  }
  return out;
}

export async function getKpiThemes(db: Db, ctx: Ctx, query: KpiThemesQuery): Promise<KpiThemes> {
  requirePermission(ctx, 'kpis.read');
  const { communityId } = await kpiScope(db, ctx, { communityId: query.communityId });
  const period = themePeriodOf(query.period);
  const months = trendMonths(period.from.slice(0, 7), THEME_TREND_MONTHS);
  const [lexicon, inScope] = await Promise.all([companyLexicon(db, ctx), themeScope(db, ctx, communityId)]);
  // The months together: each checks its rows' fingerprint; a month that must be segmented again yields to the others between chunks.
  const counts = await Promise.all(months.map(async (m) => inScopeCounts(await monthThemeCounts(db, ctx, lexicon, monthOf(`${m}-01`)), inScope)));
  const current = counts[counts.length - 1];
  const previous = counts[counts.length - 2];
  const top = [...current.terms].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'zh-CN')).slice(0, query.limit);
  const themes: KpiTheme[] = top.map(([term, count]) => {
    const before = previous.terms.get(term) ?? 0;
    return {
      term,
      count,
      share: Math.round((count / current.texts) * 1000) / 10,
      previous: before,
      change: count - before,
      trend: counts.map((c) => c.terms.get(term) ?? 0),
    };
  });
  return { period, communityId, months, texts: current.texts, previousTexts: previous.texts, themes };
}
