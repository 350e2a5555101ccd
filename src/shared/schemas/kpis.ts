/**
 * KPIs (指标): the company's targets, the catalogue of figures and the periods they are counted over. Every
 * figure carries its numerator, denominator, sample size, target, status, formula and the list queries behind
 * it, so that a dashboard shows it and anyone can check it by hand. docs/kpis.md defines every figure.
 */
import { z } from 'zod';
import { IdParam, textInteger } from './common.js';

// ---------------------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------------------

export const PeriodKind = z.enum(['month', 'quarter', 'year', 'custom']);
export type PeriodKind = z.infer<typeof PeriodKind>;

/** A period of Asia/Shanghai calendar dates, both ends included. */
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
  /** how it was asked for: month:2026-11, quarter:2026-Q4, year:2026, custom:2026-01-01..2026-03-31 */
  label: string;
}

/** The longest custom period: five years (a longer one is refused with `period_too_long`). */
export const MAX_PERIOD_YEARS = 5;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validDate = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 2000 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
};
const lastOfMonth = (y: number, m: number) => `${y}-${pad(m)}-${pad(daysIn(y, m))}`;

/** Adds months to a date, keeping the day where the month has it (31 Mar − 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return `${ny}-${pad(nm)}-${pad(Math.min(d, daysIn(ny, nm)))}`;
}

/** The month:YYYY-MM period of a date. */
export function monthOf(date: string): Period {
  const [y, m] = date.split('-').map(Number);
  return { kind: 'month', from: `${y}-${pad(m)}-01`, to: lastOfMonth(y, m), label: `month:${y}-${pad(m)}` };
}

export type PeriodProblem = 'period_format' | 'period_too_long';

/** Reads a period parameter; a malformed one or a custom one longer than five years is a problem code. */
export function parsePeriod(text: string): Period | PeriodProblem {
  let m = /^month:(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return validDate(`${m[1]}-${m[2]}-01`) ? { kind: 'month', from: `${y}-${pad(mo)}-01`, to: lastOfMonth(y, mo), label: text } : 'period_format';
  }
  m = /^quarter:(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    if (!validDate(`${m[1]}-01-01`)) return 'period_format';
    return { kind: 'quarter', from: `${y}-${pad(q * 3 - 2)}-01`, to: lastOfMonth(y, q * 3), label: text };
  }
  m = /^year:(\d{4})$/.exec(text);
  if (m) return validDate(`${m[1]}-01-01`) ? { kind: 'year', from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: text } : 'period_format';
  m = /^custom:(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (m) {
    const [from, to] = [m[1], m[2]];
    if (!validDate(from) || !validDate(to) || to < from) return 'period_format';
    if (to >= addMonths(from, MAX_PERIOD_YEARS * 12)) return 'period_too_long';
    return { kind: 'custom', from, to, label: text };
  }
  return 'period_format';
}

function shiftPeriod(p: Period, months: number): Period {
  const from = addMonths(p.from, months);
  const [y, m] = from.split('-').map(Number);
  switch (p.kind) {
    case 'month':
      return monthOf(from);
    case 'quarter':
      return { kind: 'quarter', from, to: lastOfMonth(y, m + 2), label: `quarter:${y}-Q${(m + 2) / 3}` };
    case 'year':
      return { kind: 'year', from, to: `${y}-12-31`, label: `year:${y}` };
    case 'custom': {
      const to = addMonths(p.to, months);
      return { kind: 'custom', from, to, label: `custom:${from}..${to}` };
    }
  }
}

/** The period before: the month, quarter or year before, or a custom period of as many days just before it. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'month') return shiftPeriod(p, -1);
  if (p.kind === 'quarter') return shiftPeriod(p, -3);
  if (p.kind === 'year') return shiftPeriod(p, -12);
  const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000);
  const to = new Date(Date.parse(p.from) - 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.parse(to) - days * 86_400_000).toISOString().slice(0, 10);
  return { kind: 'custom', from, to, label: `custom:${from}..${to}` };
}

/** The same period a year earlier (29 February becomes the 28th). */
export function yearAgoPeriod(p: Period): Period {
  return shiftPeriod(p, -12);
}

// ---------------------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------------------

const Percent = z.number().min(0).max(100);
export const KpiTargets = z
  .strictObject({
    coverage: Percent.meta({ description: 'Monthly coverage target, % of households (regulation: 20)' }),
    completion: Percent.meta({ description: 'Visit completion target, % (regulation: 90)' }),
    resolution: Percent.meta({ description: 'Problem resolution target, % (regulation: 80)' }),
    adoption: Percent.meta({ description: 'Suggestion adoption target, % (regulation: 70)' }),
    satisfactionRate: Percent.meta({ description: '满意率 target: % of valid rating answers that are 4 or 5' }),
    nearMargin: z.number().min(0).max(50).meta({ description: 'Points under a target still shown amber (near) rather than red (missed)' }),
    dimensionWeights: z
      .record(z.string().trim().min(1).max(30), z.number().min(0).max(100))
      .meta({ description: 'Weight of each service dimension in the satisfaction index; a dimension not listed weighs 1, so {} is equal weights' }),
  })
  .meta({ id: 'KpiTargets' });
export type KpiTargets = z.infer<typeof KpiTargets>;

// ---------------------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------------------

export const KpiKey = z.enum([
  'coverage',
  'coverage_12m',
  'completion',
  'unreachable_rate',
  'refused_rate',
  'attempts_per_completion',
  'resolution',
  'resolution_on_time',
  'reopen_rate',
  'reply_on_time',
  'reply_on_time_oral',
  'reply_on_time_written',
  'days_to_resolve_mean',
  'days_to_resolve_p90',
  'adoption',
  'adoption_of_raised',
  'satisfaction_rate',
  'dimension_score',
  'satisfaction_index',
  'nps',
  'complaints_per_100',
  'praise',
]);
export type KpiKey = z.infer<typeof KpiKey>;

/** The figures a visitor's own view has: what one visitor's work decides. */
export const OWN_KPIS: readonly KpiKey[] = [
  'completion',
  'unreachable_rate',
  'refused_rate',
  'attempts_per_completion',
  'satisfaction_rate',
  'dimension_score',
  'satisfaction_index',
  'nps',
];

export const KpiUnit = z.enum(['percent', 'per100', 'count', 'days', 'attempts', 'score', 'nps']);
export const KpiStatus = z.enum(['met', 'near', 'missed']);
export type KpiStatus = z.infer<typeof KpiStatus>;
export const KpiReason = z.enum(['no_households', 'no_tasks_due', 'no_completions', 'no_issues_due', 'no_replies_due', 'no_resolutions', 'no_suggestions_decided', 'no_suggestions', 'no_answers']);
export type KpiReason = z.infer<typeof KpiReason>;
export const GroupBy = z.enum(['community', 'building', 'department', 'visitor', 'method', 'reason']);
export type GroupBy = z.infer<typeof GroupBy>;

export const DrillDown = z.object({
  role: z.enum(['numerator', 'denominator', 'n']).meta({ description: 'Which count of the figure the list totals' }),
  href: z.string().meta({ description: 'A list endpoint with the filters whose total equals that count, e.g. /api/v1/visit-tasks?view=all&dueFrom=…' }),
});

export const KpiFigure = z
  .object({
    key: KpiKey,
    dimension: z.string().nullable().meta({ description: 'The service dimension (保洁, 安保 …) of a dimension_score; null otherwise' }),
    label: z.string().meta({ description: 'The figure’s name in the reader’s language' }),
    unit: KpiUnit,
    value: z.number().nullable().meta({ description: 'Rounded to one decimal; null when the denominator is 0 (see reason)' }),
    numerator: z.number().nullable(),
    denominator: z.number().nullable().meta({ description: 'null for a count (praise) or a mean' }),
    n: z.number().int().meta({ description: 'How many rows the figure stands on (tasks, issues, records, households)' }),
    smallSample: z.boolean().meta({ description: 'n below 30: read with care' }),
    target: z.number().nullable(),
    status: KpiStatus.nullable().meta({ description: 'met: at or above the target; near: within nearMargin points under it; missed: further under; null without a target or a value' }),
    reason: KpiReason.nullable().meta({ description: 'Why value is null' }),
    reasonText: z.string().nullable(),
    formula: z.string().meta({ description: 'How it is computed, in the reader’s language' }),
    drillDown: z.array(DrillDown),
  })
  .meta({ id: 'KpiFigure' });
export type KpiFigure = z.infer<typeof KpiFigure>;

export const KpiPeriod = z.object({ kind: PeriodKind, from: z.string(), to: z.string(), label: z.string() }).meta({ id: 'KpiPeriod' });

export const KpiSet = z.object({ period: KpiPeriod, figures: z.array(KpiFigure) }).meta({ id: 'KpiSet' });
export type KpiSet = z.infer<typeof KpiSet>;

export const KpiGroup = z
  .object({
    id: z.string().meta({ description: 'The group’s id: a community, building, department or visitor id, or a method or reason code' }),
    name: z.string(),
    figures: z.array(KpiFigure),
  })
  .meta({ id: 'KpiGroup' });
export type KpiGroup = z.infer<typeof KpiGroup>;

export const Kpis = z
  .object({
    period: KpiPeriod,
    communityId: z.number().int().nullable(),
    visitorId: z.number().int().nullable().meta({ description: 'Set when the figures are one visitor’s (a visitor’s own view, or visitorId asked)' }),
    figures: z.array(KpiFigure),
    previous: KpiSet.nullable().meta({ description: 'With compare=true: the same figures for the period before' }),
    yearAgo: KpiSet.nullable().meta({ description: 'With compare=true: the same figures for the same period a year earlier' }),
    groupBy: GroupBy.nullable(),
    groups: z.array(KpiGroup).nullable().meta({ description: 'With groupBy: the figures of each group, attributed as at the event' }),
  })
  .meta({ id: 'Kpis' });
export type Kpis = z.infer<typeof Kpis>;

/** Comma-separated KPI keys, each of the catalogue. */
const KpiList = z
  .string()
  .max(600)
  .superRefine((v, ctx) => {
    if (!v.split(',').every((k) => KpiKey.safeParse(k).success)) ctx.addIssue({ code: 'custom', message: 'kpi_unknown', input: v });
  });

export const KpiQuery = z.strictObject({
  period: z
    .string()
    .max(40)
    .superRefine((v, ctx) => {
      const p = parsePeriod(v);
      if (typeof p === 'string') ctx.addIssue({ code: 'custom', message: p, input: v });
    })
    .optional()
    .meta({ description: 'month:2026-11, quarter:2026-Q4, year:2026 or custom:2026-01-01..2026-03-31 (at most five years); default the current month' }),
  communityId: IdParam.optional(),
  visitorId: IdParam.optional().meta({ description: 'One visitor’s figures (the visit figures only); a visitor’s own view always has it' }),
  kpi: KpiList.optional().meta({ description: 'Comma-separated KPI keys to compute; default the whole catalogue (a visitor’s own view: its own figures)' }),
  compare: z.enum(['true', 'false']).optional().meta({ description: 'true: also the period before and the same period a year earlier' }),
  groupBy: GroupBy.optional(),
});
export type KpiQuery = z.infer<typeof KpiQuery>;

/** The query of the xlsx export: the figures of GET /kpis, with their groups. */
export const KpiExportQuery = KpiQuery.pick({ period: true, communityId: true, groupBy: true });
export type KpiExportQuery = z.infer<typeof KpiExportQuery>;

// ---------------------------------------------------------------------------------------------------------
// Trends
// ---------------------------------------------------------------------------------------------------------

/** The longest trend: two years of months. */
export const MAX_TREND_MONTHS = 24;

export const KpiTrendQuery = z.strictObject({
  kpi: KpiList.meta({ description: 'Comma-separated KPI keys (required); a visitor’s own view: its own figures only' }),
  months: textInteger(z.number().int().min(1).max(MAX_TREND_MONTHS))
    .default(12)
    .meta({ description: `How many months, ending with \`to\`: 1–${MAX_TREND_MONTHS}, default 12` }),
  to: z
    .string()
    .max(7)
    .superRefine((v, ctx) => {
      if (typeof parsePeriod(`month:${v}`) === 'string') ctx.addIssue({ code: 'custom', message: 'month_format', input: v });
    })
    .optional()
    .meta({ description: 'The last month, YYYY-MM; default the current month (Asia/Shanghai)' }),
  communityId: IdParam.optional(),
});
export type KpiTrendQuery = z.infer<typeof KpiTrendQuery>;

export const KpiTrendPoint = z
  .object({
    month: z.string().meta({ description: 'YYYY-MM' }),
    value: z.number().nullable().meta({ description: 'As KpiFigure.value: null when the figure has no value that month' }),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    n: z.number().int(),
    status: KpiStatus.nullable(),
  })
  .meta({ id: 'KpiTrendPoint' });
export type KpiTrendPoint = z.infer<typeof KpiTrendPoint>;

export const KpiTrendSeries = z
  .object({
    key: KpiKey,
    dimension: z.string().nullable().meta({ description: 'The service dimension of a dimension_score series; null otherwise' }),
    label: z.string(),
    unit: KpiUnit,
    target: z.number().nullable(),
    points: z.array(KpiTrendPoint).meta({ description: 'One per month of `months`, in the same order' }),
  })
  .meta({ id: 'KpiTrendSeries' });
export type KpiTrendSeries = z.infer<typeof KpiTrendSeries>;

export const KpiTrend = z
  .object({
    months: z.array(z.string()).meta({ description: 'The months, YYYY-MM, oldest first' }),
    communityId: z.number().int().nullable(),
    series: z.array(KpiTrendSeries).meta({ description: 'One per KPI asked (per dimension for dimension_score), in the catalogue’s order' }),
  })
  .meta({ id: 'KpiTrend' });
export type KpiTrend = z.infer<typeof KpiTrend>;

// ---------------------------------------------------------------------------------------------------------
// What needs attention: issues by category and department, and the low-satisfaction visits (重点回访)
// ---------------------------------------------------------------------------------------------------------

/** A visit whose mean rating is under this is a low-satisfaction visit, listed for a visit back (重点回访). */
export const LOW_SATISFACTION_BELOW = 3;

export const KpiAttentionQuery = z.strictObject({
  period: KpiQuery.shape.period,
  communityId: IdParam.optional(),
});
export type KpiAttentionQuery = z.infer<typeof KpiAttentionQuery>;

export const IssueTally = z
  .object({
    id: z.string().meta({ description: 'The category or department id; "none" for issues without a department' }),
    name: z.string(),
    raised: z.number().int().meta({ description: 'Problems, complaints and needs raised in the period (withdrawn ones left out)' }),
    open: z.number().int().meta({ description: 'Of those, still open now' }),
    overdue: z.number().int().meta({ description: 'Of the open ones, past their resolution deadline now' }),
  })
  .meta({ id: 'IssueTally' });
export type IssueTally = z.infer<typeof IssueTally>;

export const LowSatisfactionVisit = z
  .object({
    recordId: z.number().int(),
    householdId: z.number().int(),
    householdLabel: z.string(),
    communityId: z.number().int(),
    communityName: z.string(),
    visitDate: z.string(),
    visitorName: z.string(),
    averageScore: z.number(),
  })
  .meta({ id: 'LowSatisfactionVisit' });
export type LowSatisfactionVisit = z.infer<typeof LowSatisfactionVisit>;

export const KpiAttention = z
  .object({
    period: KpiPeriod,
    communityId: z.number().int().nullable(),
    byCategory: z.array(IssueTally).meta({ description: 'Most raised first' }),
    byDepartment: z.array(IssueTally).meta({ description: 'Attributed to the department that resolved the issue, else the one it is with' }),
    lowSatisfaction: z.array(LowSatisfactionVisit).meta({ description: `Completed visits of the period with a mean rating under ${LOW_SATISFACTION_BELOW}, lowest first (at most 50)` }),
    lowSatisfactionTotal: z.number().int(),
  })
  .meta({ id: 'KpiAttention' });
export type KpiAttention = z.infer<typeof KpiAttention>;

// ---------------------------------------------------------------------------------------------------------
// Recurring themes in free text (文本分析): opinions, suggestions and issue descriptions, segmented into words
// ---------------------------------------------------------------------------------------------------------

/** How many months the trend of each theme covers, ending with the month asked. */
export const THEME_TREND_MONTHS = 6;
export const MAX_THEME_WORD_LENGTH = 20;
export const MAX_THEME_WORDS = 500;

/**
 * The month of a themes request: `month:2026-11` as GET /kpis writes it, or `2026-11`; another kind of period is
 * a problem code (themes are counted month by month).
 */
export function themeMonthOf(text: string): Period | PeriodProblem | 'period_not_month' {
  const p = parsePeriod(/^\d{4}-\d{2}$/.test(text) ? `month:${text}` : text);
  if (typeof p === 'string') return p;
  return p.kind === 'month' ? p : 'period_not_month';
}

const ThemePeriod = z
  .string()
  .max(40)
  .superRefine((v, ctx) => {
    const p = themeMonthOf(v);
    if (typeof p === 'string') ctx.addIssue({ code: 'custom', message: p, input: v });
  })
  .optional()
  .meta({ description: 'A month: month:2026-11 (or 2026-11); default the current month (Asia/Shanghai)' });

export const KpiThemesQuery = z.strictObject({
  period: ThemePeriod,
  communityId: IdParam.optional(),
  limit: textInteger(z.number().int().min(1).max(50)).default(20).meta({ description: 'How many themes, most frequent first: 1–50, default 20' }),
});
export type KpiThemesQuery = z.infer<typeof KpiThemesQuery>;

export const KpiTheme = z
  .object({
    term: z.string(),
    count: z.number().int().meta({ description: 'Texts of the month that contain the term (a text counts once)' }),
    share: z.number().meta({ description: 'count ÷ texts of the month × 100, one decimal' }),
    previous: z.number().int().meta({ description: 'The count of the month before' }),
    change: z.number().int().meta({ description: 'count − previous' }),
    trend: z.array(z.number().int()).meta({ description: `The counts of the last ${THEME_TREND_MONTHS} months, oldest first (the months of \`months\`)` }),
  })
  .meta({ id: 'KpiTheme' });
export type KpiTheme = z.infer<typeof KpiTheme>;

export const KpiThemes = z
  .object({
    period: KpiPeriod,
    communityId: z.number().int().nullable(),
    months: z.array(z.string()).meta({ description: 'YYYY-MM, oldest first, ending with the month asked' }),
    texts: z.number().int().meta({ description: 'Texts of the month in scope (non-empty opinions, suggestions, issue descriptions)' }),
    previousTexts: z.number().int(),
    themes: z.array(KpiTheme).meta({ description: 'Most frequent first, then by term' }),
  })
  .meta({ id: 'KpiThemes' });
export type KpiThemes = z.infer<typeof KpiThemes>;

export const ThemeTextSource = z.enum(['opinions', 'suggestions', 'issue']);
export type ThemeTextSource = z.infer<typeof ThemeTextSource>;

export const KpiThemeTextsQuery = z.strictObject({
  term: z.string().trim().min(1).max(MAX_THEME_WORD_LENGTH).meta({ description: 'A theme of GET /kpis/themes' }),
  period: ThemePeriod,
  communityId: IdParam.optional(),
  limit: textInteger(z.number().int().min(1).max(100)).default(20),
  offset: textInteger(z.number().int().min(0).max(100_000)).default(0),
});
export type KpiThemeTextsQuery = z.infer<typeof KpiThemeTextsQuery>;

export const KpiThemeText = z
  .object({
    source: ThemeTextSource.meta({ description: 'opinions or suggestions of a visit record, or an issue’s description' }),
    issueKind: z.enum(['problem', 'complaint', 'suggestion', 'need']).nullable(),
    date: z.string().meta({ description: 'The visit date, or the Shanghai day the issue was raised' }),
    communityId: z.number().int(),
    communityName: z.string(),
    text: z.string().meta({ description: 'Phone numbers and the resident’s name masked' }),
    recordId: z.number().int().nullable().meta({ description: 'The visit record it opens (opinions, suggestions)' }),
    issueId: z.number().int().nullable().meta({ description: 'The issue it opens' }),
  })
  .meta({ id: 'KpiThemeText' });
export type KpiThemeText = z.infer<typeof KpiThemeText>;

export const KpiThemeTexts = z
  .object({
    term: z.string(),
    period: KpiPeriod,
    communityId: z.number().int().nullable(),
    total: z.number().int().meta({ description: 'Equals the theme’s count in GET /kpis/themes' }),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(KpiThemeText).meta({ description: 'Newest first' }),
  })
  .meta({ id: 'KpiThemeTexts' });
export type KpiThemeTexts = z.infer<typeof KpiThemeTexts>;

const ThemeWord = z
  .string()
  .trim()
  .min(1)
  .max(MAX_THEME_WORD_LENGTH)
  .refine((w) => !/[\s\p{P}\p{S}]/u.test(w), { message: 'theme_word_format' });
const ThemeWordList = z.array(ThemeWord).max(MAX_THEME_WORDS);

/** A company's additions to the bundled dictionary (PUT /kpi-theme-words). */
export const ThemeWords = z
  .strictObject({
    words: ThemeWordList.meta({ description: `Extra words kept whole (1–${MAX_THEME_WORD_LENGTH} characters, at most ${MAX_THEME_WORDS})` }),
    stopWords: ThemeWordList.meta({ description: 'Extra words never counted as a theme' }),
    synonyms: z
      .array(z.strictObject({ term: ThemeWord, variants: z.array(ThemeWord).min(1).max(20) }))
      .max(200)
      .meta({ description: 'Words counted as one theme: each variant counts as `term` (电梯 ← 升降梯, 直梯)' }),
  })
  .meta({ id: 'ThemeWords' });
export type ThemeWords = z.infer<typeof ThemeWords>;

export const ThemeWordsView = ThemeWords.extend({
  bundledWords: z.array(z.string()).meta({ description: 'The property-domain dictionary every company has' }),
  bundledStopWords: z.array(z.string()),
}).meta({ id: 'ThemeWordsView' });
export type ThemeWordsView = z.infer<typeof ThemeWordsView>;
// Key drivers (关键驱动因素): which service dimensions move overall satisfaction most
// ---------------------------------------------------------------------------------------------------------

/** Below this many visits that answered both a dimension and the overall question, a dimension has no importance. */
export const DRIVER_MIN_SAMPLE = 30;

export const DriverQuadrant = z.enum(['keep', 'improve', 'maintain', 'secondary']);
export type DriverQuadrant = z.infer<typeof DriverQuadrant>;

export const KpiDriversQuery = z.strictObject({
  period: KpiQuery.shape.period.meta({ description: 'As GET /kpis; default the 12 calendar months ending with the current month' }),
  communityId: IdParam.optional(),
});
export type KpiDriversQuery = z.infer<typeof KpiDriversQuery>;

export const KpiDriver = z
  .object({
    dimension: z.string(),
    performance: z.number().nullable().meta({ description: 'The dimension score 0–100 of the period, as GET /kpis dimension_score' }),
    ratedBy: z.number().int().meta({ description: 'Visits that rated the dimension (the n of its dimension score)' }),
    n: z.number().int().meta({ description: 'Visits that answered both the dimension and the overall measure' }),
    importance: z.number().nullable().meta({ description: 'Pearson correlation of the dimension’s answer with the overall measure (−1…1, 3 decimals); null when insufficient or without variance' }),
    share: z.number().nullable().meta({ description: 'Relative importance: max(r, 0)² as a share of the sum over the dimensions with an importance, percent (sums to 100)' }),
    insufficient: z.boolean().meta({ description: `n < minSample (${DRIVER_MIN_SAMPLE}): no importance is given` }),
    quadrant: DriverQuadrant.nullable().meta({ description: 'keep, improve (优先改进), maintain or secondary, split at the means; null without an importance' }),
  })
  .meta({ id: 'KpiDriver' });
export type KpiDriver = z.infer<typeof KpiDriver>;

export const KpiDrivers = z
  .object({
    period: KpiPeriod,
    communityId: z.number().int().nullable(),
    minSample: z.number().int(),
    n: z.number().int().meta({ description: 'Scored visits of the period with an overall measure' }),
    overall: z
      .object({
        item: z.number().int().meta({ description: 'Visits whose overall measure is the overall question (key `overall`, or a rating question of the dimension 总体 / 整体 / overall)' }),
        averageScore: z.number().int().meta({ description: 'Visits answered in a questionnaire version without one, measured by their mean rating (average_score)' }),
      })
      .meta({ description: 'Where the overall measure came from' }),
    importanceMean: z.number().nullable().meta({ description: 'Mean importance of the dimensions that have one: the vertical quadrant line' }),
    performanceMean: z.number().nullable().meta({ description: 'Mean performance of the same dimensions: the horizontal quadrant line' }),
    formula: z.string(),
    dimensions: z.array(KpiDriver).meta({ description: 'Highest importance first; dimensions without one last, by name' }),
  })
  .meta({ id: 'KpiDrivers' });
export type KpiDrivers = z.infer<typeof KpiDrivers>;
