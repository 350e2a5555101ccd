/**
 * The issue error codes, each with a title and a detail in zh-CN and English;
 * also the names of an issue and a category, and the issue statuses and events.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const ISSUE_MESSAGES = {
  errors: {
    issue_transition_invalid: {
      title: { 'zh-CN': '问题状态不允许此操作', en: 'Not allowed in this issue status' },
      detail: {
        'zh-CN': '问题当前状态为“{from}”，不能执行“{event}”；请从允许的操作中选择。',
        en: 'The issue is “{from}”; “{event}” is not possible now. Choose one of the allowed transitions.',
      },
    },
    issue_comment_required: {
      title: { 'zh-CN': '请填写说明', en: 'A comment is required' },
      detail: { 'zh-CN': '“{event}”需要填写说明（解决情况或原因）。', en: '“{event}” needs a comment (the resolution or the reason).' },
    },
    issue_rating_required: {
      title: { 'zh-CN': '请填写满意度', en: 'A rating is required' },
      detail: { 'zh-CN': '确认已解决时请填写住户对处理结果的评价（1–5 分）。', en: 'Confirming needs the resident’s rating of the handling (1–5).' },
    },
    issue_plan_required: {
      title: { 'zh-CN': '请填写采纳计划', en: 'A plan is required' },
      detail: { 'zh-CN': '采纳建议需要填写计划措施和计划完成日期。', en: 'Adopting a suggestion needs the planned action and its date.' },
    },
    issue_not_yours: {
      title: { 'zh-CN': '不是您部门的问题', en: 'Not your department’s issue' },
      detail: { 'zh-CN': '该问题分派给了其他部门或人员，只有处理人、本部门人员或主管可以操作。', en: 'This issue belongs to another department or person; only its handler, that department or a supervisor can act on it.' },
    },
    issue_confirmed_by_resident: {
      title: { 'zh-CN': '只有住户能确认已解决', en: 'Only the resident confirms' },
      detail: {
        'zh-CN': '问题是否解决由住户在复访中确认。请等待复访结果；如确需不经确认关闭，请由主管写明理由后关闭。',
        en: 'Whether an issue is solved is confirmed by the resident in the confirmation visit. Wait for it; a supervisor may close the issue without confirmation, giving the reason.',
      },
    },
    issue_event_system: {
      title: { 'zh-CN': '由系统执行的操作', en: 'Done by the system' },
      detail: { 'zh-CN': '“{event}”由系统在复访无法完成时按公司设置执行，不能手动操作。', en: '“{event}” is done by the system when the confirmation visit cannot be made, as the company set it; it cannot be done by hand.' },
    },
    issue_supervisor_only: {
      title: { 'zh-CN': '需要主管操作', en: 'A supervisor’s decision' },
      detail: { 'zh-CN': '已解决的问题只能由主管{event}。', en: 'Only a supervisor may {event} a resolved issue.' },
    },
    issue_own_resolution: {
      title: { 'zh-CN': '不能关闭自己处理的问题', en: 'Not your own resolution' },
      detail: {
        'zh-CN': '该问题由您本人解决，不能由您不经住户确认而关闭；请等待复访，或由其他主管决定。',
        en: 'You resolved this issue yourself, so you cannot close it without the resident’s confirmation; wait for the confirmation visit, or let another supervisor decide.',
      },
    },
    issue_closed: {
      title: { 'zh-CN': '问题已结束', en: 'Issue closed' },
      detail: { 'zh-CN': '该问题已是“{status}”状态，不能再修改。', en: 'This issue is already “{status}” and cannot be changed.' },
    },
    issue_no_deadline: {
      title: { 'zh-CN': '无需处理时限', en: 'No deadline' },
      detail: { 'zh-CN': '表扬不设回复和处理时限，也不能上报。', en: 'Praise has no reply or resolution deadline and cannot be escalated.' },
    },
    issue_escalation_top: {
      title: { 'zh-CN': '已上报至最高级', en: 'Already at the top level' },
      detail: { 'zh-CN': '该问题已上报至管理层（第三级），不能再上报。', en: 'This issue has already reached management (level 3).' },
    },
    raised_at_future: {
      title: { 'zh-CN': '反映时间不能晚于现在', en: 'Raised in the future' },
      detail: { 'zh-CN': '反映时间（raisedAt）不能晚于当前时间。', en: 'raisedAt cannot be later than now.' },
    },
    date_in_past: {
      title: { 'zh-CN': '日期已过', en: 'Date in the past' },
      detail: { 'zh-CN': '{field} 不能早于今天。', en: '{field} cannot be before today.' },
    },
    category_name_taken: {
      title: { 'zh-CN': '分类名称已存在', en: 'Category exists' },
      detail: { 'zh-CN': '已有名为“{name}”的问题分类。', en: 'A category named “{name}” already exists.' },
    },
  },
  entities: {
    issue: { 'zh-CN': '问题', en: 'issue' },
    category: { 'zh-CN': '问题分类', en: 'issue category' },
  },
  words: {
    new: { 'zh-CN': '新建', en: 'new' },
    assigned: { 'zh-CN': '已分派', en: 'assigned' },
    in_progress: { 'zh-CN': '处理中', en: 'in progress' },
    resolved: { 'zh-CN': '已解决', en: 'resolved' },
    closed: { 'zh-CN': '已关闭', en: 'closed' },
    reopened: { 'zh-CN': '已重开', en: 'reopened' },
    not_adopted: { 'zh-CN': '未采纳', en: 'not adopted' },
    withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
    start: { 'zh-CN': '开始处理', en: 'start work' },
    resolve: { 'zh-CN': '解决', en: 'resolve' },
    confirm: { 'zh-CN': '确认已解决', en: 'confirm it is solved' },
    reopen: { 'zh-CN': '重新打开', en: 'reopen' },
    adopt: { 'zh-CN': '采纳', en: 'adopt' },
    reject: { 'zh-CN': '不采纳', en: 'not adopt' },
    withdraw: { 'zh-CN': '撤回', en: 'withdraw' },
    acknowledge: { 'zh-CN': '致谢并关闭', en: 'acknowledge' },
    close: { 'zh-CN': '不经确认关闭', en: 'close without confirmation' },
    close_unconfirmed: { 'zh-CN': '按未能确认关闭', en: 'close as unconfirmed' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    issues: typeof ISSUE_MESSAGES;
  }
}
