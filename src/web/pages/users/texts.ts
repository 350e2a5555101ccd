/**
 * Texts of the user pages.
 * zh-CN first (the reference), then English with the same keys.
 */
import type { Strings } from '../../i18n/strings';

const zhCN = {
  users: {
    create: '新建用户',
    createTitle: '新建用户',
    editTitle: '编辑用户',
    searchPlaceholder: '搜索姓名、用户名或手机号',
    filterRole: '角色',
    filterStatus: '状态',
    fields: {
      username: '用户名',
      displayName: '姓名',
      phone: '手机号',
      role: '角色',
      department: '部门',
      communities: '负责小区',
      status: '状态',
      lastLoginAt: '最近登录',
    },
    status: {
      active: '启用',
      disabled: '停用',
    },
    mustChange: '待修改初始密码',
    usernameHint: '字母、数字、点、下划线或连字符，创建后不可修改',
    usernameRequired: '请输入用户名',
    usernameFormat: '用户名为 2–64 位字母、数字、点、下划线或连字符',
    displayNameRequired: '请输入姓名',
    roleRequired: '请选择角色',
    communitiesHint: '该用户只能查看和处理所选小区的数据',
    disable: '停用',
    enable: '启用',
    confirmDisable: '停用 {{name}}？停用后该账号无法登录。',
    confirmEnable: '重新启用 {{name}}？',
    resetPassword: '重置密码',
    confirmReset: '为 {{name}} 生成新的临时密码？原密码将失效。',
    ownPasswordHint: '自己的密码请在“个人中心”修改',
    ownStatusHint: '不能停用自己的账号',
    temporaryPasswordTitle: '{{name}} 的临时密码',
    temporaryPassword: '临时密码',
    temporaryPasswordWarning: '临时密码只显示这一次，请复制后通过安全渠道告知本人。对方首次登录时须修改密码。',
  },
};

const en: Strings<typeof zhCN> = {
  users: {
    create: 'New user',
    createTitle: 'New user',
    editTitle: 'Edit user',
    searchPlaceholder: 'Search name, username or phone',
    filterRole: 'Role',
    filterStatus: 'Status',
    fields: {
      username: 'Username',
      displayName: 'Name',
      phone: 'Phone',
      role: 'Role',
      department: 'Department',
      communities: 'Communities',
      status: 'Status',
      lastLoginAt: 'Last login',
    },
    status: {
      active: 'Active',
      disabled: 'Disabled',
    },
    mustChange: 'Must change initial password',
    usernameHint: 'Letters, digits, dot, underscore or hyphen; cannot be changed later',
    usernameRequired: 'Enter a username',
    usernameFormat: 'Use 2–64 letters, digits, dots, underscores or hyphens',
    displayNameRequired: 'Enter a name',
    roleRequired: 'Choose a role',
    communitiesHint: 'The user sees and works on data of these communities only',
    disable: 'Disable',
    enable: 'Enable',
    confirmDisable: 'Disable {{name}}? The account will no longer be able to log in.',
    confirmEnable: 'Enable {{name}} again?',
    resetPassword: 'Reset password',
    confirmReset: 'Generate a new temporary password for {{name}}? The current password stops working.',
    ownPasswordHint: 'Change your own password under Profile',
    ownStatusHint: 'You cannot disable your own account',
    temporaryPasswordTitle: 'Temporary password for {{name}}',
    temporaryPassword: 'Temporary password',
    temporaryPasswordWarning:
      'The temporary password is shown only this once. Copy it and pass it on through a safe channel; it must be changed at first login.',
  },
};

export const texts = { 'zh-CN': zhCN, en };
