/**
 * Texts of the household pages.
 * zh-CN first (the reference), then English with the same keys.
 */
import type { Strings } from '../../i18n/strings';

const zhCN = {
  households: {
    searchPlaceholder: '房号 3-2-1502 / 姓名 / 手机后四位',
    searchHint: '输入房号（如 3-2-1502 或 3栋2单元1502）、住户姓名或手机后四位，在您负责的全部小区中查找。',
    create: '新增房屋',
    createTitle: '新增房屋',
    editTitle: '编辑房屋',
    fields: {
      label: '房号',
      community: '小区',
      building: '楼栋',
      unit: '单元',
      room: '室号',
      area: '面积（㎡）',
      status: '状态',
      residents: '住户',
      tags: '标签',
      moveInDate: '入住日期',
    },
    status: {
      occupied: '自住',
      vacant: '空置',
      let: '出租',
    },
    filterRole: '住户身份',
    filterTag: '标签',
    filterBuilding: '楼栋',
    filterStatus: '房屋状态',
    moveInFrom: '入住起',
    moveInTo: '入住止',
    includeMovedOut: '含已搬离',
    buildingRequired: '请输入楼栋',
    roomRequired: '请输入室号',
    unitHint: '没有单元的楼栋留空',
    buildingHint: '例如 3 或 A座',
    noResidents: '暂无住户',
    moreResidents: '等 {{count}} 人',
    merge: '合并重复房屋',
    mergeTitle: '合并重复房屋',
    mergeHint: '选择同一小区中与本房屋重复的记录：其住户并入本房屋“{{label}}”，重复记录随后删除。',
    mergePick: '重复的房屋',
    mergePickRequired: '请选择重复的房屋',
    merged: '已合并',
    visits: '回访记录',
    visitsEmpty: '回访记录功能即将上线，届时这里将按时间列出本房屋的历次回访。',
    notFound: '房屋不存在或不在您的管辖范围内。',
    startSearch: '输入关键词开始查询',
  },
};

const en: Strings<typeof zhCN> = {
  households: {
    searchPlaceholder: 'Room 3-2-1502 / name / last 4 phone digits',
    searchHint:
      'Enter a room (e.g. 3-2-1502 or 3栋2单元1502), a resident name or the last four digits of a phone to search all your communities.',
    create: 'New household',
    createTitle: 'New household',
    editTitle: 'Edit household',
    fields: {
      label: 'Room',
      community: 'Community',
      building: 'Building',
      unit: 'Unit',
      room: 'Room number',
      area: 'Area (m²)',
      status: 'Status',
      residents: 'Residents',
      tags: 'Tags',
      moveInDate: 'Moved in',
    },
    status: {
      occupied: 'Owner-occupied',
      vacant: 'Vacant',
      let: 'Let',
    },
    filterRole: 'Resident role',
    filterTag: 'Tag',
    filterBuilding: 'Building',
    filterStatus: 'Household status',
    moveInFrom: 'Moved in from',
    moveInTo: 'Moved in to',
    includeMovedOut: 'Include moved out',
    buildingRequired: 'Enter the building',
    roomRequired: 'Enter the room number',
    unitHint: 'Leave empty for buildings without units',
    buildingHint: 'e.g. 3 or A座',
    noResidents: 'No residents',
    moreResidents: 'and {{count}} more',
    merge: 'Merge duplicate',
    mergeTitle: 'Merge a duplicate household',
    mergeHint:
      'Choose the record of this community that duplicates this household: its residents move into "{{label}}" and the duplicate is then removed.',
    mergePick: 'Duplicate household',
    mergePickRequired: 'Choose the duplicate household',
    merged: 'Merged',
    visits: 'Visit history',
    visitsEmpty: 'Visit records are coming soon; this section will then list every visit to this household.',
    notFound: 'The household does not exist or is outside your scope.',
    startSearch: 'Type something to start searching',
  },
};

export const texts = { 'zh-CN': zhCN, en };
