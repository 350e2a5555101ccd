/**
 * The sign-in, password and API token error codes, each with a title and a detail in zh-CN and English;
 * also the field messages of the password rules (applied in password-rules.ts), and the name of an API token.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const AUTH_MESSAGES = {
  errors: {
    invalid_credentials: {
      title: { 'zh-CN': '登录失败', en: 'Sign-in failed' },
      detail: { 'zh-CN': '用户名或密码不正确。', en: 'The username or password is incorrect.' },
    },
    account_disabled: {
      title: { 'zh-CN': '账号已停用', en: 'Account disabled' },
      detail: { 'zh-CN': '该账号已被停用，请联系管理员。', en: 'This account has been disabled. Please contact your administrator.' },
    },
    wrong_password: {
      title: { 'zh-CN': '当前密码不正确', en: 'Current password is incorrect' },
      detail: { 'zh-CN': '当前密码不正确。', en: 'The current password is incorrect.' },
    },
    password_reused: {
      title: { 'zh-CN': '新密码与当前密码相同', en: 'Password unchanged' },
      detail: { 'zh-CN': '新密码不能与当前密码相同。', en: 'The new password must differ from the current one.' },
    },
    password_too_short: {
      title: { 'zh-CN': '密码太短', en: 'Password too short' },
      detail: { 'zh-CN': '密码至少需要 {min} 个字符。', en: 'The password needs at least {min} characters.' },
    },
    password_too_long: {
      title: { 'zh-CN': '密码太长', en: 'Password too long' },
      detail: { 'zh-CN': '密码最多 {max} 个字符。', en: 'The password may have at most {max} characters.' },
    },
    password_whitespace: {
      title: { 'zh-CN': '密码首尾有空格', en: 'Blanks around the password' },
      detail: {
        'zh-CN': '密码不能以空格开头或结尾，也不能全是空格；空格容易在输入时多打或漏打。',
        en: 'The password may not start or end with a blank, nor be only blanks; such blanks are easily added or lost when typing.',
      },
    },
    password_contains_username: {
      title: { 'zh-CN': '密码包含用户名', en: 'Password contains your username' },
      detail: {
        'zh-CN': '密码包含了您的用户名，别人最先会试这个。请换一个与账号无关的组合。',
        en: 'The password contains your username, the first thing anyone would try. Choose something unrelated to your account.',
      },
    },
    password_contains_name: {
      title: { 'zh-CN': '密码包含姓名', en: 'Password contains your name' },
      detail: { 'zh-CN': '密码包含了您的姓名，很容易被猜到。请换一个与本人无关的组合。', en: 'The password contains your name and is easy to guess. Choose something unrelated to you.' },
    },
    password_contains_company: {
      title: { 'zh-CN': '密码包含公司名称', en: 'Password contains the company name' },
      detail: {
        'zh-CN': '密码包含了公司名称，同事和外人都容易猜到。请换一个与公司无关的组合。',
        en: 'The password contains the company name, which colleagues and outsiders guess easily. Choose something unrelated to the company.',
      },
    },
    password_too_common: {
      title: { 'zh-CN': '密码太常见', en: 'Password too common' },
      detail: {
        'zh-CN': '这是常见密码或常用词（如 password123、qwerty），会最先被试到。可以用几个不相关的词加数字和符号，例如“茶壶-月亮-73”的拼音或英文。',
        en: 'This is a common password or word (such as password123 or qwerty) and is tried first. Combine a few unrelated words with digits and symbols.',
      },
    },
    password_predictable: {
      title: { 'zh-CN': '密码规律太明显', en: 'Password too predictable' },
      detail: {
        'zh-CN': '密码由键盘顺序、重复字符、连续数字或日期组成，很容易被猜到。请加入不相关的词、数字和符号。',
        en: 'The password is a keyboard row, a repetition, a sequence or a date, which are easy to guess. Add unrelated words, digits and symbols.',
      },
    },
    password_too_weak: {
      title: { 'zh-CN': '密码太容易被猜到', en: 'Password too easy to guess' },
      detail: {
        'zh-CN': '这个密码太容易被猜到。请用更长、更不规则的组合，例如几个不相关的词加数字和符号。',
        en: 'This password is too easy to guess. Use a longer, less regular combination, such as a few unrelated words with digits and symbols.',
      },
    },
    token_cannot_create_token: {
      title: { 'zh-CN': '令牌不能创建令牌', en: 'A token cannot create tokens' },
      detail: {
        'zh-CN': 'API 令牌不能用来创建新的令牌，请登录控制台在“个人中心”创建。',
        en: 'An API token cannot be used to create further tokens; sign in to the console and create one under Profile.',
      },
    },
  },
  fields: {
    password_too_short: { 'zh-CN': '至少 {min} 个字符', en: 'needs at least {min} characters' },
    password_too_long: { 'zh-CN': '最多 {max} 个字符', en: 'may have at most {max} characters' },
    password_whitespace: { 'zh-CN': '首尾不能有空格', en: 'may not start or end with a blank' },
    password_contains_username: { 'zh-CN': '不能包含用户名', en: 'may not contain your username' },
    password_contains_name: { 'zh-CN': '不能包含姓名', en: 'may not contain your name' },
    password_contains_company: { 'zh-CN': '不能包含公司名称', en: 'may not contain the company name' },
    password_too_common: { 'zh-CN': '是常见密码或常用词', en: 'is a common password or word' },
    password_predictable: { 'zh-CN': '是键盘顺序、重复、连续数字或日期', en: 'is a keyboard pattern, repetition, sequence or date' },
    password_too_weak: { 'zh-CN': '太容易被猜到', en: 'is too easy to guess' },
    wrong_password: { 'zh-CN': '当前密码不正确', en: 'is not your current password' },
    password_reused: { 'zh-CN': '新密码不能与当前密码相同', en: 'must differ from the current password' },
  },
  entities: {
    token: { 'zh-CN': '访问令牌', en: 'API token' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    auth: typeof AUTH_MESSAGES;
  }
}
