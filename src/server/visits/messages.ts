/**
 * The visit task and record error codes, each with a title and a detail in zh-CN and English;
 * also the names of a task, a record and an attachment, and the task statuses and events.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const VISIT_MESSAGES = {
  errors: {
    task_transition_invalid: {
      title: { 'zh-CN': '任务状态不允许此操作', en: 'Not allowed in this task status' },
      detail: {
        'zh-CN': '任务当前状态为“{from}”，不能执行“{event}”。',
        en: 'The task is “{from}”; “{event}” is not possible now.',
      },
    },
    task_not_yours: {
      title: { 'zh-CN': '不是您的任务', en: 'Not your task' },
      detail: { 'zh-CN': '该回访任务分配给了其他人，只有负责人或主管可以记录。', en: 'This visit task is assigned to someone else; only the assignee or a supervisor can record it.' },
    },
    task_closed: {
      title: { 'zh-CN': '任务已结束', en: 'Task closed' },
      detail: { 'zh-CN': '该回访任务已是“{status}”状态，不能再记录。', en: 'This visit task is already “{status}” and cannot be recorded again.' },
    },
    confirmation_required: {
      title: { 'zh-CN': '请填写复访结果', en: 'Confirmation answer required' },
      detail: { 'zh-CN': '复访确认任务需要填写问题是否已解决。', en: 'A confirmation visit needs the resident’s answer: solved or not.' },
    },
    answers_invalid: {
      title: { 'zh-CN': '问卷答案有误', en: 'Answers do not fit the questionnaire' },
      detail: { 'zh-CN': '有 {count} 处答案与问卷不符。', en: '{count} answer(s) do not fit the questionnaire version.' },
    },
    idempotency_key_reused: {
      title: { 'zh-CN': '重复的请求标识', en: 'Idempotency key reused' },
      detail: {
        'zh-CN': '这个 Idempotency-Key 已用于另一条记录，请为新的提交使用新的标识。',
        en: 'This Idempotency-Key was already used for a different record; use a new key for a new submission.',
      },
    },
    attachment_too_large: {
      title: { 'zh-CN': '附件过大', en: 'Attachment too large' },
      detail: { 'zh-CN': '附件不能超过 {limitMb} MB。', en: 'Attachments may not exceed {limitMb} MB.' },
    },
    attachment_type: {
      title: { 'zh-CN': '不支持的附件类型', en: 'Unsupported attachment type' },
      detail: { 'zh-CN': '只能上传 JPG、PNG 图片或 PDF 文件。', en: 'Only JPG and PNG images and PDF files can be attached.' },
    },
    time_range_invalid: {
      title: { 'zh-CN': '时间有误', en: 'Invalid time' },
      detail: { 'zh-CN': '结束时间不能早于开始时间，也不能晚于现在。', en: 'The end time may not be before the start time or in the future.' },
    },
  },
  entities: {
    task: { 'zh-CN': '回访任务', en: 'visit task' },
    record: { 'zh-CN': '回访记录', en: 'visit record' },
    attachment: { 'zh-CN': '附件', en: 'attachment' },
  },
  words: {
    pending: { 'zh-CN': '待回访', en: 'pending' },
    appointed: { 'zh-CN': '已预约', en: 'appointed' },
    completed: { 'zh-CN': '已完成', en: 'completed' },
    unreachable: { 'zh-CN': '无法联系', en: 'unreachable' },
    refused: { 'zh-CN': '拒访', en: 'refused' },
    cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
    appoint: { 'zh-CN': '预约', en: 'make an appointment' },
    unappoint: { 'zh-CN': '取消预约', en: 'remove the appointment' },
    complete: { 'zh-CN': '完成回访', en: 'complete the visit' },
    refuse: { 'zh-CN': '记为拒访', en: 'record a refusal' },
    give_up: { 'zh-CN': '记为无法联系', en: 'mark as unreachable' },
    cancel: { 'zh-CN': '取消任务', en: 'cancel the task' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    visits: typeof VISIT_MESSAGES;
  }
}
