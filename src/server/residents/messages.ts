/**
 * The resident error codes, each with a title and a detail in zh-CN and English;
 * also the phone number field message, and the names of a resident and a tag.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const RESIDENT_MESSAGES = {
  errors: {
    resident_erased: {
      title: { 'zh-CN': '住户信息已删除', en: 'Resident erased' },
      detail: { 'zh-CN': '该住户的个人信息已按要求删除，不能再修改或查看。', en: 'This resident’s personal data was erased on request; it can no longer be changed or shown.' },
    },
  },
  fields: {
    phone_invalid: { 'zh-CN': '不是有效的中国手机号或固定电话：{value}', en: 'is not a valid Chinese mobile or landline number: {value}' },
  },
  entities: {
    resident: { 'zh-CN': '住户', en: 'resident' },
    tag: { 'zh-CN': '标签', en: 'tag' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    residents: typeof RESIDENT_MESSAGES;
  }
}
