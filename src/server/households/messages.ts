/**
 * The household error codes, each with a title and a detail in zh-CN and English;
 * also the name of a household.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const HOUSEHOLD_MESSAGES = {
  errors: {
    household_exists: {
      title: { 'zh-CN': '房屋已存在', en: 'Household exists' },
      detail: { 'zh-CN': '{label} 已经登记过了。', en: '{label} is already registered.' },
    },
    merge_invalid: {
      title: { 'zh-CN': '无法合并', en: 'Cannot merge' },
      detail: {
        'zh-CN': '只能合并同一小区内的两条不同记录。',
        en: 'Only two different records of the same community can be merged.',
      },
    },
  },
  entities: {
    household: { 'zh-CN': '房屋', en: 'household' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    households: typeof HOUSEHOLD_MESSAGES;
  }
}
