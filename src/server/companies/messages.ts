/**
 * The company settings' error codes (the export cap), each with a title and a detail in zh-CN and English.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const COMPANY_MESSAGES = {
  errors: {
    export_cap_above_ceiling: {
      title: { 'zh-CN': '导出上限超过服务器上限', en: 'Export cap above the server ceiling' },
      detail: {
        'zh-CN': '本服务器单次导出最多 {ceiling} 行，公司的导出上限不能高于此数；请填写不超过 {ceiling} 的行数，或不设上限。',
        en: 'This server exports at most {ceiling} rows at once, so the company cap cannot be higher; enter at most {ceiling} rows, or no cap.',
      },
    },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    companies: typeof COMPANY_MESSAGES;
  }
}
