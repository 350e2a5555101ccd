/** The words of staff notifications, in the recipient's language. */
import type { Locale } from '../../shared/schemas/common.js';

export type StaffNoticeKind =
  | 'issue_assigned'
  | 'issue_reply_reminder'
  | 'issue_resolve_reminder'
  | 'issue_reply_overdue'
  | 'issue_escalated'
  | 'issue_reopened'
  | 'issue_unconfirmed'
  | 'confirmation_task';

export interface NoticeParams {
  issueId: number;
  category: string;
  description: string;
  /** deadline in Asia/Shanghai, e.g. 2025-10-11 24:00 */
  due?: string;
  level?: number;
  /** escalation: the levels passed on the way in one go (a late entry or a sweep catching up), or without anyone to tell */
  passed?: number[];
  /** reopened: by the resident in the confirmation visit (else by a supervisor) */
  byVisit?: boolean;
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
      const passed = (p.passed ?? []).map((l) => LEVELS[locale][l]);
      const via = passed.length ? (zh ? `（经${passed.join('、')}）` : ` (past the ${passed.join(' and the ')})`) : '';
      return zh
        ? { title: `问题逾期上报（${level}）`, body: `${what}，处理时限 ${p.due} 已过，已上报至${level}${via}。` }
        : { title: `Overdue issue escalated (${level})`, body: `${what}: due by ${p.due}; escalated to the ${level}${via}.` };
    }
    case 'issue_reopened':
      return p.byVisit
        ? zh
          ? { title: '问题被重新打开', body: `${what}，住户复访表示未解决。` }
          : { title: 'Issue reopened', body: `${what}: the resident says it is not solved.` }
        : zh
          ? { title: '问题被重新打开', body: `${what}，主管已重新打开，请继续处理。` }
          : { title: 'Issue reopened', body: `${what}: a supervisor reopened it; please work on it again.` };
    case 'issue_unconfirmed':
      return zh
        ? { title: '复访未能确认，请决定', body: `${what} 已解决，但复访未能联系到住户。请确认关闭（写明理由）或重新打开。` }
        : { title: 'Confirmation visit failed: please decide', body: `${what} was resolved, but the confirmation visit could not reach the resident. Close it with a reason, or reopen it.` };
    case 'confirmation_task':
      return zh ? { title: '新的复访确认任务', body: `${what} 已解决，请回访住户确认。` } : { title: 'Confirmation visit', body: `${what} was resolved; ask the resident whether it is solved.` };
  }
}
