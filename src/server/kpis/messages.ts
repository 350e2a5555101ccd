/**
 * The KPI domain's messages: the field messages of its query (a malformed period, one longer than five years, an
 * unknown KPI, a malformed trend month). The figures' own words (names, formulas, reasons) are in kpi-texts.ts.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const KPI_MESSAGES = {
  errors: {},
  fields: {
    period_format: {
      'zh-CN': '统计期格式不正确，应为 month:2026-11、quarter:2026-Q4、year:2026 或 custom:2026-01-01..2026-03-31',
      en: 'is not a period: use month:2026-11, quarter:2026-Q4, year:2026 or custom:2026-01-01..2026-03-31',
    },
    period_too_long: { 'zh-CN': '统计期最长为 5 年，请缩短起止日期', en: 'may be at most 5 years long; shorten the range' },
    month_format: { 'zh-CN': '月份格式不正确，应为 2026-11', en: 'is not a month: use 2026-11' },
    period_not_month: { 'zh-CN': '文本分析按月统计，统计期应为某个月，如 month:2026-11', en: 'must be a month for text analysis, such as month:2026-11' },
    theme_word_format: { 'zh-CN': '词语不能含空格或标点', en: 'may not contain spaces or punctuation' },
    kpi_unknown: { 'zh-CN': '含有不认识的指标，可用的指标见 docs/kpis.md', en: 'names a KPI that does not exist (the catalogue is in docs/kpis.md)' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    kpis: typeof KPI_MESSAGES;
  }
}
