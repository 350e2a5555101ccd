/**
 * Texts of the department pages.
 * zh-CN first (the reference), then English with the same keys.
 */
import type { Strings } from '../../i18n/strings';

const zhCN = {
  departments: {
    create: '新建部门',
    createTitle: '新建部门',
    nameRequired: '请输入部门名称',
    codeRequired: '请输入编码',
    fields: {
      name: '部门名称',
      code: '编码',
      userCount: '人数',
      head: '负责人',
    },
    editTitle: '编辑部门',
    noHead: '未指定',
    headHint: '部门问题超时后首先上报给负责人',
  },
};

const en: Strings<typeof zhCN> = {
  departments: {
    create: 'New department',
    createTitle: 'New department',
    nameRequired: 'Enter the department name',
    codeRequired: 'Enter a code',
    fields: {
      name: 'Department',
      code: 'Code',
      userCount: 'Staff',
      head: 'Head',
    },
    editTitle: 'Edit department',
    noHead: 'Not set',
    headHint: 'Overdue issues of the department are escalated to the head first',
  },
};

export const texts = { 'zh-CN': zhCN, en };
