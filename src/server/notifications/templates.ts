/** The words of staff notifications, in the recipient's language. */
import type { Locale } from '../../shared/schemas/common.js';

export type StaffNoticeKind = 'issue_assigned' | 'issue_reply_reminder' | 'issue_resolve_reminder' | 'issue_reply_overdue' | 'issue_escalated' | 'issue_reopened' | 'confirmation_task';

export interface NoticeParams {
  issueId: number;
  category: string;
  description: string;
  /** deadline in Asia/Shanghai, e.g. 2025-10-11 24:00 */
  due?: string;
  level?: number;
}

const LEVELS: Record<Locale, string[]> = {
  'zh-CN': ['', '部门负责人', '小区主管', '管理层'],
  en: ['', 'department head', 'community supervisor', 'management'],
};

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function staffNotice(kind: StaffNoticeKind, locale: Locale, p: NoticeParams): { title: string; body: string } {
  const zh = locale === 'zh-CN';
  const what = `#${p.issueId} ${p.category}：${short(p.description)}`;
  switch (kind) {
    case 'issue_assigned':
      return zh ? { title: '新问题待处理', body: `${what}（处理时限 ${p.due ?? '—'}）` } : { title: 'New issue for you', body: `${what} (resolve by ${p.due ?? '—'})` };
    case 'issue_reply_reminder':
      return zh ? { title: '问题回复即将到期', body: `${what}，请于 ${p.due} 前回复住户。` } : { title: 'Reply due soon', body: `${what}: reply to the resident by ${p.due}.` };
    case 'issue_resolve_reminder':
      return zh ? { title: '问题处理即将到期', body: `${what}，请于 ${p.due} 前处理完毕。` } : { title: 'Resolution due soon', body: `${what}: resolve it by ${p.due}.` };
    case 'issue_reply_overdue':
      return zh ? { title: '问题回复已超时', body: `${what}，回复时限 ${p.due} 已过。` } : { title: 'Reply overdue', body: `${what}: the reply was due by ${p.due}.` };
    case 'issue_escalated': {
      const level = LEVELS[locale][p.level ?? 1];
      return zh
        ? { title: `问题逾期上报（${level}）`, body: `${what}，处理时限 ${p.due} 已过，已上报至${level}。` }
        : { title: `Overdue issue escalated (${level})`, body: `${what}: due by ${p.due}; escalated to the ${level}.` };
    }
    case 'issue_reopened':
      return zh ? { title: '问题被重新打开', body: `${what}，住户复访表示未解决。` } : { title: 'Issue reopened', body: `${what}: the resident says it is not solved.` };
    case 'confirmation_task':
      return zh ? { title: '新的复访确认任务', body: `${what} 已解决，请回访住户确认。` } : { title: 'Confirmation visit', body: `${what} was resolved; ask the resident whether it is solved.` };
  }
}
