/**
 * The role error codes, each with a title and a detail in zh-CN and English;
 * also the name of a role.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const ROLE_MESSAGES = {
  errors: {
    role_builtin: {
      title: { 'zh-CN': '内置角色不可修改', en: 'Built-in role' },
      detail: { 'zh-CN': '内置角色不能修改或删除，可新建自定义角色。', en: 'Built-in roles cannot be changed or deleted; create a custom role instead.' },
    },
    role_in_use: {
      title: { 'zh-CN': '角色正在使用', en: 'Role in use' },
      detail: { 'zh-CN': '仍有 {count} 个账号使用该角色，不能删除。', en: '{count} account(s) still hold this role; it cannot be deleted.' },
    },
  },
  entities: {
    role: { 'zh-CN': '角色', en: 'role' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    roles: typeof ROLE_MESSAGES;
  }
}
