/**
 * How the server tells its messages, in zh-CN (default) and English: the shape of a catalogue, the lookup by
 * language with `{name}` placeholders filled from the error's params, and the HTTP-level catalogue (what the auth
 * hook, schema validation, the framework and load shedding refuse, and the refusals every domain shares). Each
 * domain keeps its own codes in `<domain>/messages.ts`; `src/server/messages.ts` gathers them and app.ts installs
 * them, so that this folder knows no domain.
 */
import type { Locale } from '../../shared/schemas/common.js';

export type Texts = Record<Locale, string>;
export interface ErrorTexts {
  title: Texts;
  detail: Texts;
}

/** One domain's messages. */
export interface MessageCatalogue {
  /** each error code's title and detail */
  errors: Record<string, ErrorTexts>;
  /** field-level messages of validation, keyed by zod issue code or by a custom message key (`FieldError.key`) */
  fields?: Record<string, Texts>;
  /** entity names told in "not found" and "invalid reference" messages (the `entity` param) */
  entities?: Record<string, Texts>;
  /** statuses, events and kinds told in messages (the `status`, `from`, `event` and `kind` params) */
  words?: Record<string, Texts>;
}

export const HTTP_MESSAGES = {
  errors: {
    // what the auth hook refuses
    unauthenticated: {
      title: { 'zh-CN': '未登录', en: 'Not signed in' },
      detail: { 'zh-CN': '请先登录，或会话已过期。', en: 'Please sign in; your session may have expired.' },
    },
    password_change_required: {
      title: { 'zh-CN': '需要修改密码', en: 'Password change required' },
      detail: { 'zh-CN': '请先修改初始密码再继续操作。', en: 'Please change your initial password before continuing.' },
    },
    csrf_failed: {
      title: { 'zh-CN': '请求校验失败', en: 'Request verification failed' },
      detail: {
        'zh-CN': '缺少或错误的 X-CSRF-Token 请求头，请刷新页面后重试。',
        en: 'The X-CSRF-Token header is missing or wrong. Please reload the page and try again.',
      },
    },
    // a 429: the login throttle (auth/login.ts) and any plugin's rate limit
    too_many_attempts: {
      title: { 'zh-CN': '尝试次数过多', en: 'Too many attempts' },
      detail: {
        'zh-CN': '登录失败次数过多，请在 {minutes} 分钟后再试。',
        en: 'Too many failed sign-in attempts. Please try again in {minutes} minutes.',
      },
    },
    // refusals every domain shares
    forbidden: {
      title: { 'zh-CN': '没有权限', en: 'Forbidden' },
      detail: { 'zh-CN': '您没有执行此操作的权限（需要：{permission}）。', en: 'You do not have permission to do this (requires {permission}).' },
    },
    not_found: {
      title: { 'zh-CN': '未找到', en: 'Not found' },
      detail: { 'zh-CN': '请求的{entity}不存在或您无权访问。', en: 'The requested {entity} does not exist or is not accessible to you.' },
    },
    invalid_reference: {
      title: { 'zh-CN': '引用无效', en: 'Invalid reference' },
      detail: { 'zh-CN': '引用的{entity}不存在或您无权使用。', en: 'The referenced {entity} does not exist or is not available to you.' },
    },
    conflict: {
      title: { 'zh-CN': '数据冲突', en: 'Conflict' },
      detail: { 'zh-CN': '与已有数据冲突（例如编号或名称重复）。', en: 'This conflicts with existing data (for example a duplicate code or name).' },
    },
    code_taken: {
      title: { 'zh-CN': '编号已被使用', en: 'Code taken' },
      detail: { 'zh-CN': '编号“{code}”已被使用。', en: 'The code “{code}” is already in use.' },
    },
    name_taken: {
      title: { 'zh-CN': '名称已被使用', en: 'Name taken' },
      detail: { 'zh-CN': '名称“{name}”已被使用。', en: 'The name “{name}” is already in use.' },
    },
    // what the request itself gets wrong, found by the router, schema validation or the framework
    route_not_found: {
      title: { 'zh-CN': '接口不存在', en: 'No such endpoint' },
      detail: { 'zh-CN': '没有 {method} {path} 这个接口。', en: 'There is no endpoint {method} {path}.' },
    },
    validation_failed: {
      title: { 'zh-CN': '输入有误', en: 'Invalid input' },
      detail: { 'zh-CN': '请求中有 {count} 处输入有误。', en: 'The request has {count} invalid field(s).' },
    },
    malformed_json: {
      title: { 'zh-CN': '请求格式错误', en: 'Malformed request' },
      detail: { 'zh-CN': '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
    },
    payload_too_large: {
      title: { 'zh-CN': '请求过大', en: 'Request too large' },
      detail: { 'zh-CN': '请求体超过 {limit} 字节的上限。', en: 'The request body exceeds the limit of {limit} bytes.' },
    },
    unsupported_media_type: {
      title: { 'zh-CN': '不支持的内容类型', en: 'Unsupported media type' },
      detail: { 'zh-CN': '请以 application/json 发送请求体。', en: 'Send the request body as application/json.' },
    },
    multipart_invalid: {
      title: { 'zh-CN': '上传格式错误', en: 'Malformed upload' },
      detail: {
        'zh-CN': '上传内容不是有效的 multipart/form-data（缺少分隔符、内容不完整或格式损坏），请重新选择文件上传。',
        en: 'The upload is not valid multipart/form-data (no boundary, truncated or damaged); please choose the file and upload it again.',
      },
    },
    multipart_too_many_parts: {
      title: { 'zh-CN': '上传内容过多', en: 'Too many parts' },
      detail: { 'zh-CN': '一次只能上传一个文件和少量表单字段。', en: 'Upload one file and only a few form fields at a time.' },
    },
    upload_too_large: {
      title: { 'zh-CN': '文件过大', en: 'File too large' },
      detail: { 'zh-CN': '上传的文件超过了允许的大小。', en: 'The uploaded file exceeds the allowed size.' },
    },
    // an upload without its file field (a roster file, a visit attachment)
    import_file_missing: {
      title: { 'zh-CN': '缺少文件', en: 'No file' },
      detail: { 'zh-CN': '请以 multipart/form-data 的 file 字段上传文件。', en: 'Upload the file as the multipart/form-data field "file".' },
    },
    malformed_url: {
      title: { 'zh-CN': '网址格式错误', en: 'Malformed address' },
      detail: {
        'zh-CN': '请求地址中有无效的百分号编码（如 %E0%A4%A），请检查链接是否完整。',
        en: 'The address contains an invalid percent-escape (such as %E0%A4%A); check that the link is complete.',
      },
    },
    path_parameter_too_long: {
      title: { 'zh-CN': '网址过长', en: 'Address too long' },
      detail: { 'zh-CN': '地址中的参数超过 {maximum} 个字符。', en: 'A parameter in the address is longer than {maximum} characters.' },
    },
    bad_request: {
      title: { 'zh-CN': '请求无效', en: 'Bad request' },
      detail: { 'zh-CN': '服务器无法处理这个请求的格式，请检查后重试。', en: 'The server cannot process the form of this request; check it and try again.' },
    },
    // a list's cursor (db/paging.ts)
    cursor_invalid: {
      title: { 'zh-CN': '分页位置无效', en: 'Invalid cursor' },
      detail: {
        'zh-CN': '分页参数 cursor 无效或不属于这个列表，请从第一页重新浏览。',
        en: 'The cursor is invalid or belongs to another list; start again from the first page.',
      },
    },
    cursor_with_offset: {
      title: { 'zh-CN': '分页参数冲突', en: 'Conflicting paging parameters' },
      detail: {
        'zh-CN': 'cursor 与 offset 不能同时使用：cursor 已指明从哪里继续。',
        en: 'Use cursor or offset, not both: the cursor already says where the page starts.',
      },
    },
    // the server itself
    overloaded: {
      title: { 'zh-CN': '服务器繁忙', en: 'Server busy' },
      detail: { 'zh-CN': '服务器当前请求过多，请稍后几秒再试。', en: 'The server is handling too many requests; please try again in a few seconds.' },
    },
    internal_error: {
      title: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
      detail: {
        'zh-CN': '服务器处理请求时出错，请稍后重试。请求编号：{requestId}',
        en: 'The server failed to handle the request. Please try again later. Request id: {requestId}',
      },
    },
  },
  fields: {
    required: { 'zh-CN': '必填', en: 'is required' },
    invalid_type: { 'zh-CN': '类型不正确，应为 {expected}', en: 'has the wrong type; expected {expected}' },
    too_small: { 'zh-CN': '太短或太小（最少 {minimum}）', en: 'is too short or too small (minimum {minimum})' },
    too_big: { 'zh-CN': '太长或太大（最多 {maximum}）', en: 'is too long or too large (maximum {maximum})' },
    invalid_value: { 'zh-CN': '取值不在允许范围内：{values}', en: 'must be one of: {values}' },
    invalid_format: { 'zh-CN': '格式不正确', en: 'has an invalid format' },
    unrecognized_keys: { 'zh-CN': '不认识的字段：{keys}', en: 'unknown field(s): {keys}' },
    code_format: { 'zh-CN': '只能包含字母、数字、下划线和连字符', en: 'may contain only letters, digits, underscore and hyphen' },
    invalid: { 'zh-CN': '无效', en: 'is invalid' },
    control_character: { 'zh-CN': '含有不允许的控制字符（{char}）', en: 'contains a control character that is not allowed ({char})' },
    integer_format: { 'zh-CN': '须为十进制整数，如 12（不带 + 号、空格、小数点或前导零）', en: 'must be a plain decimal integer such as 12 (no plus sign, spaces, decimal point or leading zeros)' },
    number_format: { 'zh-CN': '须为十进制数，如 3 或 3.5', en: 'must be a plain decimal number such as 3 or 3.5' },
    too_deep: { 'zh-CN': '嵌套层级过深（最多 {maximum} 层）', en: 'is nested too deeply (at most {maximum} levels)' },
  },
  entities: {
    resource: { 'zh-CN': '资源', en: 'resource' },
  },
} satisfies MessageCatalogue;

/**
 * Every catalogue by its domain, for the type of the error codes: each `<domain>/messages.ts` adds its own with
 * `declare module '../http/messages.js' { interface MessageCatalogues { visits: typeof VISIT_MESSAGES } }`.
 */
export interface MessageCatalogues {
  http: typeof HTTP_MESSAGES;
}

/** Every error code of the server, a closed union: a misspelt code does not compile. */
export type ErrorCode = { [D in keyof MessageCatalogues]: keyof MessageCatalogues[D]['errors'] & string }[keyof MessageCatalogues];

const errors: Record<string, ErrorTexts> = {};
const fields: Record<string, Texts> = {};
const entities: Record<string, Texts> = {};
const words: Record<string, Texts> = {};

/** Every installed error text by code: the HTTP-level ones, and every domain's once app.ts has installed them. */
export const MESSAGES: Readonly<Record<string, ErrorTexts>> = errors;

/** Makes these catalogues (besides the HTTP-level one) the ones messages are told from; a key defined twice is refused. */
export function installMessages(catalogues: readonly MessageCatalogue[]): void {
  for (const table of [errors, fields, entities, words]) for (const key of Object.keys(table)) delete table[key];
  const all: MessageCatalogue[] = [HTTP_MESSAGES, ...catalogues];
  for (const catalogue of all) {
    add(errors, catalogue.errors);
    add(fields, catalogue.fields);
    add(entities, catalogue.entities);
    add(words, catalogue.words);
  }
}

function add<T>(table: Record<string, T>, entries: Record<string, T> = {}): void {
  for (const [key, value] of Object.entries(entries)) {
    if (key in table) throw new Error(`the message key '${key}' is defined in two catalogues`);
    table[key] = value;
  }
}

installMessages([]);

export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function message(code: ErrorCode, locale: Locale, params?: Record<string, unknown>) {
  const m = errors[code];
  if (!m) throw new Error(`the error code '${code}' has no text: is its domain's catalogue listed in src/server/messages.ts?`);
  return { title: m.title[locale], detail: fill(m.detail[locale], params) };
}

export function fieldMessage(key: string, locale: Locale, params?: Record<string, unknown>): string {
  const m = fields[key] ?? fields.invalid;
  return fill(m[locale], params);
}

/** An entity's name in messages ("not found", "invalid reference"), or the key itself when it has none. */
export function entityName(key: string, locale: Locale): string {
  return entities[key]?.[locale] ?? key;
}

/** A status, event or kind in words, if it has them. */
export function stateWord(key: string, locale: Locale): string | undefined {
  return words[key]?.[locale];
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
