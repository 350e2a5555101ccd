/**
 * The user account error codes, each with a title and a detail in zh-CN and English;
 * also the field message of the username format, and the name of a user.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const USER_MESSAGES = {
  errors: {
    permission_exceeds_own: {
      title: { 'zh-CN': '超出自身权限', en: 'Beyond your own permissions' },
      detail: {
        'zh-CN': '不能授予超出您自身权限或管辖范围的角色、权限或小区。',
        en: 'You cannot grant a role, permission or community beyond your own.',
      },
    },
    username_taken: {
      title: { 'zh-CN': '用户名已被使用', en: 'Username taken' },
      detail: { 'zh-CN': '用户名“{username}”已被使用。', en: 'The username “{username}” is already taken.' },
    },
    cannot_change_self: {
      title: { 'zh-CN': '不能修改自己的账号状态', en: 'Cannot change your own account' },
      detail: {
        'zh-CN': '不能停用自己的账号或更改自己的角色，请由其他管理员操作。',
        en: 'You cannot disable your own account or change your own role; ask another administrator.',
      },
    },
    cannot_reset_own_password: {
      title: { 'zh-CN': '不能重置自己的密码', en: 'Cannot reset your own password' },
      detail: {
        'zh-CN': '重置会让您自己的账号被迫修改密码；请在“个人中心”修改自己的密码。',
        en: 'A reset would force your own account to change its password; change your own password under Profile instead.',
      },
    },
  },
  fields: {
    username_format: { 'zh-CN': '只能包含字母、数字、点、下划线和连字符', en: 'may contain only letters, digits, dot, underscore and hyphen' },
  },
  entities: {
    user: { 'zh-CN': '账号', en: 'user' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    users: typeof USER_MESSAGES;
  }
}
