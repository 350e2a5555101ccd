/**
 * Texts of the company settings page (导出设置, the export cap) and of every export's download feedback.
 * zh-CN first (the reference), then English with the same keys.
 */
import type { Strings } from '../../i18n/strings';

const zhCN = {
  exportSettings: {
    nav: '导出设置',
    title: '导出上限',
    intro: '单次导出（回访记录表、问题台账）最多包含的行数。超出时文件只含前面的行，表头下方以红字写明未导出多少行，下载结束时也会提示。',
    capped: '设置上限',
    uncapped: '不设上限',
    maxRows: '每次导出最多',
    rowsUnit: '行',
    maxRowsRequired: '请输入行数',
    ceiling: '本服务器的上限为 {{ceiling}} 行，公司的上限不能高于此数。',
    current: '当前：{{value}}',
    none: '未设上限（只受服务器上限 {{ceiling}} 行限制）',
    rows: '{{rows}} 行',
  },
  exports: {
    done: '已导出 {{rows}} 行',
    truncatedTitle: '有 {{omitted}} 行未导出',
    truncatedByCompany: '文件只含前 {{rows}} 行（共 {{total}} 行），超出公司设置的单次导出上限 {{limit}} 行，另有 {{omitted}} 行未导出。请缩小日期范围、加筛选条件或按小区分别导出。',
    truncatedByServer: '文件只含前 {{rows}} 行（共 {{total}} 行），超出服务器的单次导出上限 {{limit}} 行，另有 {{omitted}} 行未导出。请缩小日期范围、加筛选条件或按小区分别导出。',
  },
};

const en: Strings<typeof zhCN> = {
  exportSettings: {
    nav: 'Exports',
    title: 'Export cap',
    intro: 'The most rows one export (visit records, issue ledger) may hold. Beyond it the file holds only the first rows, says in red under its title how many were left out, and the console says so when the download ends.',
    capped: 'Cap exports',
    uncapped: 'No cap',
    maxRows: 'At most',
    rowsUnit: 'rows',
    maxRowsRequired: 'Enter a number of rows',
    ceiling: 'This server exports at most {{ceiling}} rows at once; the company cap cannot be higher.',
    current: 'Now: {{value}}',
    none: 'no cap (only the server’s {{ceiling}} rows)',
    rows: '{{rows}} rows',
  },
  exports: {
    done: '{{rows}} rows exported',
    truncatedTitle: '{{omitted}} rows were left out',
    truncatedByCompany: 'The file holds only the first {{rows}} of {{total}} rows: the company’s cap is {{limit}} rows per export, so {{omitted}} were left out. Narrow the dates, add filters or export each community separately.',
    truncatedByServer: 'The file holds only the first {{rows}} of {{total}} rows: the server’s cap is {{limit}} rows per export, so {{omitted}} were left out. Narrow the dates, add filters or export each community separately.',
  },
};

export const texts = { 'zh-CN': zhCN, en };
