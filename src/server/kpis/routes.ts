/**
 * HTTP routes for KPIs: the company's targets, the figures of a period, their monthly trend and their xlsx export,
 * what needs attention, the key drivers, and the recurring themes of free text with the company's words for them.
 */
import { KpiAttention, KpiAttentionQuery, KpiDrivers, KpiDriversQuery, KpiExportQuery, KpiQuery, KpiTargets, KpiThemeTexts, KpiThemeTextsQuery, KpiThemes, KpiThemesQuery, KpiTrend, KpiTrendQuery, Kpis, ThemeWords, ThemeWordsView } from '../../shared/schemas/kpis.js';
import { ctxOf } from '../http/auth-hook.js';
import { localeOf } from '../http/problem.js';
import type { App, Deps } from '../http/types.js';
import { sendXlsx, XLSX_TYPE } from '../spreadsheets/xlsx.js';
import { prepareKpiExport, writeKpiExport } from './export-kpis.js';
import { getKpiAttention } from './get-attention.js';
import { getKpiDrivers } from './get-drivers.js';
import { getKpiThemeTexts } from './get-theme-texts.js';
import { getKpiThemes } from './get-themes.js';
import { getKpiTrend } from './get-kpi-trend.js';
import { getKpis } from './get-kpis.js';
import { getKpiTargets, updateKpiTargets } from './targets.js';
import { getThemeWords, updateThemeWords } from './theme-words.js';

const tags = ['kpis'];

export function kpiRoutes(app: App, { handle: { db, dialect } }: Deps) {
  app.get(
    '/api/v1/kpi-targets',
    { schema: { tags, operationId: 'getKpiTargets', summary: 'The company’s KPI targets and satisfaction dimension weights', response: { 200: KpiTargets } } },
    async (request) => getKpiTargets(db, ctxOf(request)),
  );
  app.put(
    '/api/v1/kpi-targets',
    { schema: { tags, operationId: 'updateKpiTargets', summary: 'Change the KPI targets and weights (audited)', body: KpiTargets, response: { 200: KpiTargets } } },
    async (request) => updateKpiTargets(db, ctxOf(request), request.body),
  );
  app.get(
    '/api/v1/kpis',
    {
      schema: {
        tags,
        operationId: 'getKpis',
        summary: 'KPI figures of a period with targets, formulas and the lists behind them (docs/kpis.md)',
        querystring: KpiQuery,
        response: { 200: Kpis },
      },
    },
    async (request) => getKpis(db, ctxOf(request), request.query, localeOf(request)),
  );
  app.get(
    '/api/v1/kpis/trend',
    {
      schema: {
        tags,
        operationId: 'getKpiTrend',
        summary: 'KPI figures month by month (1–24 months up to a month), one series per KPI (docs/kpis.md)',
        querystring: KpiTrendQuery,
        response: { 200: KpiTrend },
      },
    },
    async (request) => getKpiTrend(db, ctxOf(request), request.query, localeOf(request)),
  );
  app.get(
    '/api/v1/kpis/attention',
    {
      schema: {
        tags,
        operationId: 'getKpiAttention',
        summary: 'What needs attention in a period: issues by category and department (open, overdue) and the low-satisfaction visits to visit back (重点回访)',
        querystring: KpiAttentionQuery,
        response: { 200: KpiAttention },
      },
    },
    async (request) => getKpiAttention(db, ctxOf(request), request.query, localeOf(request)),
  );
  app.get(
    '/api/v1/kpis/drivers',
    {
      schema: {
        tags,
        operationId: 'getKpiDrivers',
        summary: 'Key drivers (关键驱动因素): each service dimension’s importance for overall satisfaction (correlation, share, n) against its score, with its quadrant',
        querystring: KpiDriversQuery,
        response: { 200: KpiDrivers },
      },
    },
    async (request) => getKpiDrivers(db, ctxOf(request), request.query, localeOf(request), dialect),
  );
  app.get(
    '/api/v1/kpis/themes',
    {
      schema: {
        tags,
        operationId: 'getKpiThemes',
        summary: 'Recurring themes in the month’s free text (opinions, suggestions, issue descriptions): count, share, change and six-month trend (docs/kpis.md)',
        querystring: KpiThemesQuery,
        response: { 200: KpiThemes },
      },
    },
    async (request) => getKpiThemes(db, ctxOf(request), request.query),
  );
  app.get(
    '/api/v1/kpis/themes/texts',
    {
      schema: {
        tags,
        operationId: 'listKpiThemeTexts',
        summary: 'The texts behind a theme, newest first, masked; the total is the theme’s count',
        querystring: KpiThemeTextsQuery,
        response: { 200: KpiThemeTexts },
      },
    },
    async (request) => getKpiThemeTexts(db, ctxOf(request), request.query),
  );
  app.get(
    '/api/v1/kpi-theme-words',
    { schema: { tags, operationId: 'getKpiThemeWords', summary: 'The company’s words for text analysis, with the bundled dictionary and stop words', response: { 200: ThemeWordsView } } },
    async (request) => getThemeWords(db, ctxOf(request)),
  );
  app.put(
    '/api/v1/kpi-theme-words',
    { schema: { tags, operationId: 'updateKpiThemeWords', summary: 'Change the company’s extra words, stop words and synonyms (audited)', body: ThemeWords, response: { 200: ThemeWordsView } } },
    async (request) => updateThemeWords(db, ctxOf(request), request.body),
  );
  app.get(
    '/api/v1/kpis/export',
    {
      schema: {
        tags,
        operationId: 'exportKpis',
        summary: 'The KPI figures of a period as xlsx: one row per figure, with groupBy a second sheet per group (audited)',
        querystring: KpiExportQuery,
        produces: [XLSX_TYPE],
      },
    },
    async (request, reply) => {
      const plan = await prepareKpiExport(db, ctxOf(request), request.query, localeOf(request));
      return sendXlsx(reply, plan.fileName, plan.fallback, (wb) => writeKpiExport(plan, wb));
    },
  );
}
