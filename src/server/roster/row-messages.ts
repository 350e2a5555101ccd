/**
 * Row-level import errors: the stable codes the importer reports per row and cell, and their reasons in
 * zh-CN and English, written for the office clerk who fixes the file. File-level errors (too large, wrong
 * type, no header) are AppErrors with their texts in roster/messages.ts.
 */
import type { Locale } from '../../shared/schemas/common.js';
import { fill } from '../http/messages.js';

export const ROW_MESSAGES = {
  required: { 'zh-CN': '必填项为空', en: 'This cell is required' },
  room_invalid: {
    'zh-CN': '无法识别房号，请写成“3-2-1502”“3栋2单元1502室”，或分别填写楼栋、单元、房号',
    en: 'Room not recognised; write it as "3-2-1502" or "3栋2单元1502室", or fill in 楼栋, 单元 and 房号 separately',
  },
  phone_invalid: {
    'zh-CN': '“{value}”不是有效的中国手机号或固定电话',
    en: '"{value}" is not a valid Chinese mobile or landline number',
  },
  date_invalid: {
    'zh-CN': '无法识别的日期，请写成 2024-03-05、2024/3/5 或 2024年3月5日',
    en: 'Date not recognised; write it as 2024-03-05, 2024/3/5 or 2024年3月5日',
  },
  role_invalid: {
    'zh-CN': '身份只能是 业主、租户 或 商户（留空视为业主）',
    en: 'The role must be 业主 (owner), 租户 (tenant) or 商户 (merchant); empty means owner',
  },
  formula_like: {
    'zh-CN': '内容以 = + - @ 开头，可能是表格公式，已拒绝；如确需此内容，请在开头加英文单引号',
    en: 'The cell starts with = + - @ and could run as a spreadsheet formula, so it was refused; prefix it with an apostrophe if meant literally',
  },
  too_long: { 'zh-CN': '内容过长（最多 {max} 个字符）', en: 'Too long (at most {max} characters)' },
  too_many: { 'zh-CN': '数量过多（最多 {max} 个）', en: 'Too many (at most {max})' },
  duplicate_in_file: {
    'zh-CN': '与第 {firstRow} 行是同一住户，重复的行未导入',
    en: 'Same resident as row {firstRow}; the repeated row was not imported',
  },
  conflict: {
    'zh-CN': '与系统中的数据冲突，本行未导入',
    en: 'Conflicts with data already in the system; the row was not imported',
  },
  import_interrupted: {
    'zh-CN': '服务器在导入过程中停止，导入未完成；已写入的行会保留，重新导入同一文件即可补齐，不会产生重复数据',
    en: 'The server stopped during the import; rows already written are kept, and importing the same file again completes it without duplicates',
  },
} satisfies Record<string, Record<Locale, string>>;

export type RowErrorCode = keyof typeof ROW_MESSAGES;

/** Said of a row whose code has no text of its own (test/unit/roster/row-messages.test.ts keeps this unused). */
const UNKNOWN = { 'zh-CN': '本行数据有误，未导入', en: 'This row has an error and was not imported' } satisfies Record<Locale, string>;

/** The reason for a row error in words; a code never reaches the reader as it is. */
export function rowMessage(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const m = (ROW_MESSAGES as Record<string, Record<Locale, string>>)[code];
  return m ? fill(m[locale], params) : UNKNOWN[locale];
}
