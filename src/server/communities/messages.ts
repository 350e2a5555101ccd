/**
 * The community error codes, each with a title and a detail in zh-CN and English;
 * also the name of a community.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const COMMUNITY_MESSAGES = {
  errors: {
    community_in_use: {
      title: { 'zh-CN': '小区正在使用', en: 'Community in use' },
      detail: {
        'zh-CN': '仍有 {count} 个账号负责该小区，不能删除；可以改为归档。',
        en: '{count} account(s) are still assigned to this community; archive it instead.',
      },
    },
    community_has_households: {
      title: { 'zh-CN': '小区已有房屋', en: 'Community has households' },
      detail: {
        'zh-CN': '该小区已登记 {count} 户，不能删除；可以改为归档。',
        en: 'This community has {count} registered household(s); archive it instead.',
      },
    },
  },
  entities: {
    community: { 'zh-CN': '小区', en: 'community' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    communities: typeof COMMUNITY_MESSAGES;
  }
}
