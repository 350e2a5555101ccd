/**
 * Texts of the roster import.
 * zh-CN first (the reference), then English with the same keys.
 */
import type { Strings } from '../../i18n/strings';

const zhCN = {
  roster: {
    import: '导入名单',
    export: '导出名单',
    template: '下载模板',
    importTitle: '导入住户名单',
    back: '返回小区',
    dragText: '点击或拖拽名单文件到此处',
    dragHint: '支持 .xlsx 或 .csv 文件，请按名单模板的列填写。',
    fileRequired: '请先选择名单文件',
    dryRun: '试运行（不写入）',
    run: '正式导入',
    dryRunHint: '建议先试运行：检查全部行并报告错误，但不写入任何数据。确认无误后再正式导入。',
    dryRunTag: '试运行',
    status: {
      queued: '排队中',
      running: '处理中',
      succeeded: '已完成',
      failed: '失败',
    },
    progress: '已处理 {{processed}} / {{total}} 行',
    counts: {
      created: '新增',
      updated: '更新',
      unchanged: '未变化',
      failed: '有错误',
    },
    dryRunDone: '试运行完成，数据未写入。确认结果后点击“正式导入”。',
    importDone: '导入完成，名单已写入。',
    errorsTitle: '错误明细',
    errorsMore: '仅显示前 {{count}} 条，完整列表见错误报告。',
    errorReport: '下载错误报告',
    errorFields: {
      row: '行号',
      column: '列',
      message: '说明',
    },
  },
};

const en: Strings<typeof zhCN> = {
  roster: {
    import: 'Import roster',
    export: 'Export roster',
    template: 'Download template',
    importTitle: 'Import a resident roster',
    back: 'Back to the community',
    dragText: 'Click or drop the roster file here',
    dragHint: '.xlsx or .csv, with the columns of the roster template.',
    fileRequired: 'Choose a roster file first',
    dryRun: 'Dry run (no changes)',
    run: 'Import',
    dryRunHint: 'Start with a dry run: every row is checked and errors are reported, but nothing is written. Then import for real.',
    dryRunTag: 'Dry run',
    status: {
      queued: 'Queued',
      running: 'Running',
      succeeded: 'Finished',
      failed: 'Failed',
    },
    progress: '{{processed}} of {{total}} rows processed',
    counts: {
      created: 'Created',
      updated: 'Updated',
      unchanged: 'Unchanged',
      failed: 'With errors',
    },
    dryRunDone: 'Dry run finished; nothing was written. Check the result, then click "Import".',
    importDone: 'Import finished; the roster has been saved.',
    errorsTitle: 'Errors',
    errorsMore: 'Only the first {{count}} are shown; the error report has the full list.',
    errorReport: 'Download error report',
    errorFields: {
      row: 'Row',
      column: 'Column',
      message: 'Message',
    },
  },
};

export const texts = { 'zh-CN': zhCN, en };
