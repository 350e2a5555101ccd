/**
 * Texts of the workbench.
 * zh-CN first (the reference), then English with the same keys.
 */
import type { Strings } from '../../i18n/strings';

const zhCN = {
  workbench: {
    welcome: '您好，{{name}}',
    company: '公司',
    role: '角色',
    scope: '管辖范围',
    scopeAll: '全部小区',
    scopeNone: '尚未分配小区',
    scopeCount: '{{count}} 个小区：',
    issues: {
      queue: '部门待办问题',
      queueOverdue: '其中已超时',
      supervision: '督办（超时或已上报）',
    },
    kpis: {
      title: '本月指标 {{period}}',
      open: '打开数据看板',
    },
  },
};

const en: Strings<typeof zhCN> = {
  workbench: {
    welcome: 'Hello, {{name}}',
    company: 'Company',
    role: 'Role',
    scope: 'Scope',
    scopeAll: 'All communities',
    scopeNone: 'No community assigned yet',
    scopeCount: 'Communities ({{count}}):',
    issues: {
      queue: 'Open in my department',
      queueOverdue: 'Of which overdue',
      supervision: 'Overdue or escalated',
    },
    kpis: {
      title: 'This month’s figures {{period}}',
      open: 'Open the dashboard',
    },
  },
};

export const texts = { 'zh-CN': zhCN, en };
