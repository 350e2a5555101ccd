/**
 * The roster import error codes, each with a title and a detail in zh-CN and English;
 * also the name of an import (row errors have theirs in row-messages.ts).
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const ROSTER_MESSAGES = {
  errors: {
    import_file_too_large: {
      title: { 'zh-CN': '文件过大', en: 'File too large' },
      detail: { 'zh-CN': '文件超过 {limitMb} MB 的上限，请拆分后分批导入。', en: 'The file exceeds the {limitMb} MB limit; split it and import the parts.' },
    },
    import_too_many_rows: {
      title: { 'zh-CN': '行数过多', en: 'Too many rows' },
      detail: { 'zh-CN': '文件超过 {limit} 行的上限，请拆分后分批导入。', en: 'The file has more than {limit} rows; split it and import the parts.' },
    },
    import_file_type: {
      title: { 'zh-CN': '不支持的文件类型', en: 'Unsupported file type' },
      detail: {
        'zh-CN': '请上传 .xlsx 或 .csv 文件（旧版 .xls 请先在 Excel/WPS 中另存为 .xlsx）。',
        en: 'Upload an .xlsx or .csv file (save old .xls files as .xlsx in Excel or WPS first).',
      },
    },
    import_unreadable: {
      title: { 'zh-CN': '文件无法读取', en: 'Unreadable file' },
      detail: { 'zh-CN': '文件已损坏或结构异常，已拒绝处理。', en: 'The file is damaged or has a suspicious structure and was refused.' },
    },
    import_no_header: {
      title: { 'zh-CN': '找不到表头', en: 'No header row' },
      detail: {
        'zh-CN': '前 {rows} 行中没有找到包含“房号”“姓名”等列名的表头，请使用导入模板。',
        en: 'No header with columns such as 房号 (room) and 姓名 (name) in the first {rows} rows; please use the template.',
      },
    },
  },
  entities: {
    import: { 'zh-CN': '导入任务', en: 'import' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    roster: typeof ROSTER_MESSAGES;
  }
}
