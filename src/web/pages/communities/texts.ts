/**
 * Texts of the community pages.
 * zh-CN first (the reference), then English with the same keys.
 */
import type { Strings } from '../../i18n/strings';

const zhCN = {
  communities: {
    create: '新建小区',
    createTitle: '新建小区',
    editTitle: '编辑小区',
    searchPlaceholder: '搜索名称、编码或地址',
    fields: {
      name: '名称',
      code: '编码',
      type: '类型',
      address: '地址',
      status: '状态',
      createdAt: '创建日期',
      householdCount: '户数',
      residentCount: '住户数',
      supervisor: '负责主管',
    },
    types: {
      residential: '住宅',
      commercial: '商业',
      mixed: '混合',
    },
    status: {
      active: '在管',
      archived: '已归档',
    },
    nameRequired: '请输入小区名称',
    codeRequired: '请输入编码',
    codeHint: '字母、数字、下划线或连字符，创建后不可修改',
    codeFormat: '编码为 1–32 位字母、数字、下划线或连字符',
    archive: '归档',
    restore: '恢复',
    confirmArchive: '归档“{{name}}”？归档后不再出现在小区选择中。',
    supervisorHint: '从“物业主管”角色的账号中选择',
    noSupervisor: '未指定',
    summary: '小区概况',
    buildings: '楼栋',
    allBuildings: '全部楼栋',
    noBuildings: '尚无楼栋。新增房屋或导入名单后自动生成。',
    buildingName: '{{name}}栋',
    unitName: '{{name}}单元',
    nodeCount: '{{label}}（{{count}} 户）',
    households: '房屋与住户',
    notFound: '小区不存在或不在您的管辖范围内。',
  },
};

const en: Strings<typeof zhCN> = {
  communities: {
    create: 'New community',
    createTitle: 'New community',
    editTitle: 'Edit community',
    searchPlaceholder: 'Search name, code or address',
    fields: {
      name: 'Name',
      code: 'Code',
      type: 'Type',
      address: 'Address',
      status: 'Status',
      createdAt: 'Created',
      householdCount: 'Households',
      residentCount: 'Residents',
      supervisor: 'Supervisor',
    },
    types: {
      residential: 'Residential',
      commercial: 'Commercial',
      mixed: 'Mixed',
    },
    status: {
      active: 'Active',
      archived: 'Archived',
    },
    nameRequired: 'Enter the community name',
    codeRequired: 'Enter a code',
    codeHint: 'Letters, digits, underscore or hyphen; cannot be changed later',
    codeFormat: 'Use 1–32 letters, digits, underscores or hyphens',
    archive: 'Archive',
    restore: 'Restore',
    confirmArchive: 'Archive "{{name}}"? It will no longer be offered in community pickers.',
    supervisorHint: 'Choose among the accounts with the Supervisor role',
    noSupervisor: 'Not set',
    summary: 'Overview',
    buildings: 'Buildings',
    allBuildings: 'All buildings',
    noBuildings: 'No buildings yet. They appear when households are added or a roster is imported.',
    buildingName: 'Building {{name}}',
    unitName: 'Unit {{name}}',
    nodeCount: '{{label}} ({{count}})',
    households: 'Households and residents',
    notFound: 'The community does not exist or is outside your scope.',
  },
};

export const texts = { 'zh-CN': zhCN, en };
