/**
 * Texts of the staff pages.
 * zh-CN first (the reference), then English with the same keys.
 */
import type { Strings } from '../../i18n/strings';

const zhCN = {
  staff: {
    create: '新增员工',
    createTitle: '新增员工',
    editTitle: '编辑员工',
    searchPlaceholder: '搜索姓名、手机号或岗位',
    fields: {
      name: '姓名',
      phone: '手机号',
      position: '岗位',
      department: '部门',
      user: '登录账号',
      communities: '负责小区',
      status: '状态',
    },
    status: {
      active: '在职',
      left: '离职',
    },
    nameRequired: '请输入姓名',
    positionHint: '例如：客服专员、维修工',
    userHint: '员工需要登录系统时，关联其账号',
    markLeft: '离职',
    reinstate: '恢复在职',
    confirmLeft: '将 {{name}} 标记为离职？',
  },
};

const en: Strings<typeof zhCN> = {
  staff: {
    create: 'New staff member',
    createTitle: 'New staff member',
    editTitle: 'Edit staff member',
    searchPlaceholder: 'Search name, phone or position',
    fields: {
      name: 'Name',
      phone: 'Phone',
      position: 'Position',
      department: 'Department',
      user: 'Login account',
      communities: 'Communities',
      status: 'Status',
    },
    status: {
      active: 'Active',
      left: 'Left',
    },
    nameRequired: 'Enter the name',
    positionHint: 'e.g. customer service, maintenance',
    userHint: 'Link the account when the staff member logs in to Huifang',
    markLeft: 'Mark as left',
    reinstate: 'Reinstate',
    confirmLeft: 'Mark {{name}} as having left?',
  },
};

export const texts = { 'zh-CN': zhCN, en };
