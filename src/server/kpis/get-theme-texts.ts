/**
 * The texts behind a theme (GET /kpis/themes/texts): the month's opinions, suggestions and issue descriptions of
 * the caller's scope that contain the term, newest first, a page at a time. They are read from the segmentations
 * GET /kpis/themes counts, so `total` is the theme's count. Phone numbers and the resident's name are masked in
 * the text; each opens its visit record or issue.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import type { KpiThemeText, KpiThemeTexts, KpiThemeTextsQuery } from '../../shared/schemas/kpis.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { maskName } from '../residents/queries.js';
import { kpiScope } from './get-kpis.js';
import { freeTextRows } from './queries.js';
import { normalizeWord } from './segmentation.js';
import { companyLexicon, monthTexts, themePeriodOf, themeScope } from './theme-index.js';

const SOURCE_ORDER = { opinions: 0, suggestions: 1, issue: 2 } as const;

/**
 * A text as it may be shown beside figures: phone numbers found by libphonenumber-js masked as elsewhere
 * (138****8000), any other run of seven or more digits too, and the names given (the resident of the record or issue).
 */
export function maskFreeText(text: string, names: readonly (string | null)[]): string {
  let out = text;
  for (const found of findPhoneNumbersInText(out, 'CN').reverse()) {
    const digits = out.slice(found.startsAt, found.endsAt);
    out = `${out.slice(0, found.startsAt)}${maskDigits(digits)}${out.slice(found.endsAt)}`;
  }
  out = out.replace(/\d{7,}/g, maskDigits);
  for (const name of names) {
    const n = name?.trim();
    if (n && [...n].length >= 2) out = out.split(n).join(maskName(n));
  }
  return out;
}

function maskDigits(s: string): string {
  const digits = s.replace(/\D/g, '');
  if (digits.length < 7) return s;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export async function getKpiThemeTexts(db: Db, ctx: Ctx, query: KpiThemeTextsQuery): Promise<KpiThemeTexts> {
  requirePermission(ctx, 'kpis.read');
  const { communityId } = await kpiScope(db, ctx, { communityId: query.communityId });
  const period = themePeriodOf(query.period);
  const [lexicon, inScope] = await Promise.all([companyLexicon(db, ctx), themeScope(db, ctx, communityId)]);
  const word = normalizeWord(query.term);
  const term = lexicon.canonical.get(word) ?? word;
  const texts = await monthTexts(db, ctx, lexicon, period);
  const matched = texts
    .filter((t) => inScope(t.communityId) && t.terms.includes(term))
    .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source]);
  const page = matched.slice(query.offset, query.offset + query.limit);
  const rows = await freeTextRows(
    db,
    ctx,
    page.filter((t) => t.source !== 'issue').map((t) => t.id),
    page.filter((t) => t.source === 'issue').map((t) => t.id),
  );
  const records = new Map(rows.records.map((r) => [Number(r.id), r]));
  const issues = new Map(rows.issues.map((i) => [Number(i.id), i]));
  const items: KpiThemeText[] = [];
  for (const t of page) {
    if (t.source === 'issue') {
      const i = issues.get(t.id);
      if (!i) continue;
      const kind = i.kind === 'praise' ? null : i.kind;
      items.push({ source: 'issue', issueKind: kind, date: t.date, communityId: t.communityId, communityName: i.community_name, text: maskFreeText(i.description, [i.resident_name]), recordId: null, issueId: t.id });
    } else {
      const r = records.get(t.id);
      if (!r) continue;
      const text = t.source === 'opinions' ? r.opinions : r.suggestions;
      items.push({ source: t.source, issueKind: null, date: t.date, communityId: t.communityId, communityName: r.community_name, text: maskFreeText(text, [r.resident_name]), recordId: t.id, issueId: null });
    }
  }
  return { term, period, communityId, total: matched.length, limit: query.limit, offset: query.offset, items };
}
