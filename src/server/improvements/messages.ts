/**
 * The improvement measures' error codes (an unknown dimension or category, an end before the start, a company-wide
 * measure changed without company-wide scope), each with a title and a detail in zh-CN and English; the name of a
 * measure.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const IMPROVEMENT_MESSAGES = {
  errors: {
    measure_dimension_unknown: {
      title: { 'zh-CN': '没有这个服务维度', en: 'Unknown service dimension' },
      detail: { 'zh-CN': '「{dimension}」不是本公司的服务维度，请从服务维度中选择（如 保洁、安保）。', en: '“{dimension}” is not one of your company’s service dimensions; pick one of them (such as 保洁 or 安保).' },
    },
    measure_category_unknown: {
      title: { 'zh-CN': '没有这个问题类别', en: 'Unknown issue category' },
      detail: { 'zh-CN': '所选问题类别不存在，请从本公司的问题类别中选择。', en: 'The issue category does not exist; pick one of your company’s categories.' },
    },
    measure_end_before_start: {
      title: { 'zh-CN': '结束日期早于开始日期', en: 'End before start' },
      detail: { 'zh-CN': '结束日期（{endDate}）不能早于开始日期（{startDate}）。', en: 'The end date ({endDate}) cannot be before the start date ({startDate}).' },
    },
    measure_company_wide: {
      title: { 'zh-CN': '全公司措施', en: 'Company-wide measure' },
      detail: {
        'zh-CN': '全公司范围的改进措施只能由全公司范围的人员登记、修改或删除；请为所辖小区登记措施。',
        en: 'Company-wide measures are recorded, changed and deleted by company-wide staff only; record the measure for your community instead.',
      },
    },
  },
  entities: {
    measure: { 'zh-CN': '改进措施', en: 'improvement measure' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    improvements: typeof IMPROVEMENT_MESSAGES;
  }
}
