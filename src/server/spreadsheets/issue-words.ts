/**
 * Issue codes in words, in zh-CN and English, for what the server itself writes for people to read (the
 * xlsx exports): kinds, statuses, channels, priorities, adoption and escalation levels. The console has the
 * same words in its own translations (src/web/i18n); a code never reaches a sheet as it is stored.
 */
import type { Locale } from '../../shared/schemas/common.js';
import type { Adoption, Closure, IssueChannel, IssueKind, IssuePriority, IssueStatus } from '../../shared/schemas/issues.js';

type Words<K extends string> = Record<Locale, Record<K, string>>;

export const KIND_WORDS: Words<IssueKind> = {
  'zh-CN': { problem: '问题', complaint: '投诉', suggestion: '建议', need: '需求', praise: '表扬' },
  en: { problem: 'Problem', complaint: 'Complaint', suggestion: 'Suggestion', need: 'Need', praise: 'Praise' },
};

export const STATUS_WORDS: Words<IssueStatus> = {
  'zh-CN': { new: '新建', assigned: '已分派', in_progress: '处理中', reopened: '已重开', resolved: '已解决', closed: '已关闭', not_adopted: '未采纳', withdrawn: '已撤回' },
  en: { new: 'New', assigned: 'Assigned', in_progress: 'In progress', reopened: 'Reopened', resolved: 'Resolved', closed: 'Closed', not_adopted: 'Not adopted', withdrawn: 'Withdrawn' },
};

export const CHANNEL_WORDS: Words<IssueChannel> = {
  'zh-CN': { visit: '回访', phone: '电话', wechat: '微信', walk_in: '来访', online: '线上', other: '其他' },
  en: { visit: 'Visit', phone: 'Phone', wechat: 'WeChat', walk_in: 'Walk-in', online: 'Online', other: 'Other' },
};

export const PRIORITY_WORDS: Words<IssuePriority> = {
  'zh-CN': { low: '低', normal: '普通', high: '高', urgent: '紧急' },
  en: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
};

export const ADOPTION_WORDS: Words<Adoption> = {
  'zh-CN': { pending: '待定', adopted: '已采纳', not_adopted: '未采纳', implemented: '已实施' },
  en: { pending: 'Pending', adopted: 'Adopted', not_adopted: 'Not adopted', implemented: 'Implemented' },
};

/** How a closed issue was closed (closure), and why a confirmation visit failed. */
export const CLOSURE_WORDS: Words<Closure> = {
  'zh-CN': { confirmed: '住户确认已解决', unconfirmed: '未能确认', supervisor: '主管关闭（未经确认）', acknowledged: '已致谢' },
  en: { confirmed: 'Confirmed by the resident', unconfirmed: 'Unconfirmed', supervisor: 'Closed by a supervisor (unconfirmed)', acknowledged: 'Acknowledged' },
};

/** 0 none, 1 department head, 2 community supervisor, 3 management. */
export const ESCALATION_WORDS: Record<Locale, readonly string[]> = {
  'zh-CN': ['未上报', '一级上报（部门负责人）', '二级上报（小区主管）', '三级上报（管理层）'],
  en: ['Not escalated', 'Level 1 (department head)', 'Level 2 (community supervisor)', 'Level 3 (management)'],
};

/** A word for a stored code; a code the table does not know is shown as an unknown value, never as itself. */
export function word<K extends string>(table: Words<K>, locale: Locale, code: string | null): string {
  if (code === null) return '';
  return (table[locale] as Record<string, string>)[code] ?? (locale === 'en' ? 'Unknown' : '未知');
}
