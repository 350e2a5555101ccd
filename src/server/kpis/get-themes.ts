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
import { companyLexicon, monthTexts, themePeriodOf, themeScope, type IndexedText } from './theme-index.js';

interface MonthCount {
  texts: number;
  terms: Map<string, number>;
}

function countTerms(texts: readonly IndexedText[], inScope: (communityId: number) => boolean): MonthCount {
  const terms = new Map<string, number>();
  let n = 0;
  for (const t of texts) {
    if (!inScope(t.communityId)) continue;
    n++;
    for (const term of t.terms) terms.set(term, (terms.get(term) ?? 0) + 1);
  }
  return { texts: n, terms };
}

export async function getKpiThemes(db: Db, ctx: Ctx, query: KpiThemesQuery): Promise<KpiThemes> {
  requirePermission(ctx, 'kpis.read');
  const { communityId } = await kpiScope(db, ctx, { communityId: query.communityId });
  const period = themePeriodOf(query.period);
  const months = trendMonths(period.from.slice(0, 7), THEME_TREND_MONTHS);
  const [lexicon, inScope] = await Promise.all([companyLexicon(db, ctx), themeScope(db, ctx, communityId)]);
  // One month after the other: segmenting is CPU work, and the months share the segmenter.
  const counts: MonthCount[] = [];
  for (const m of months) counts.push(countTerms(await monthTexts(db, ctx, lexicon, monthOf(`${m}-01`)), inScope));
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
