/**
 * The working-day calendar error codes, each with a title and a detail in zh-CN and English;
 * also the field messages of a holiday notice, the names of an override and a notice, and the override kinds.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how. A date outside the calendar
 * found by the pure working-day arithmetic is told as `calendar_out_of_range` by `calendarRangeProblem`.
 */
import { AppError } from '../http/errors.js';
import type { MessageCatalogue } from '../http/messages.js';
import type { ErrorTranslation } from '../http/problem.js';
import { CalendarRangeError } from './working-days.js';

export const CALENDAR_MESSAGES = {
  errors: {
    calendar_override_conflict: {
      title: { 'zh-CN': '该日期已有调整', en: 'Date already overridden' },
      detail: {
        'zh-CN': '{date} 已被设为“{kind}”；同一天不能既是休息日又是工作日，请先删除原有调整。',
        en: '{date} is already set as “{kind}”; a date cannot be both a day off and a working day. Delete the existing override first.',
      },
    },
    calendar_out_of_range: {
      title: { 'zh-CN': '日期超出日历范围', en: 'Date outside the calendar' },
      detail: { 'zh-CN': '工作日历覆盖 2004 至 2100 年。', en: 'The working-day calendar covers 2004 to 2100.' },
    },
    calendar_year_official: {
      title: { 'zh-CN': '该年已有官方安排', en: 'Official arrangement already known' },
      detail: {
        'zh-CN': '{year} 年的国务院节假日安排已包含在系统的官方日历中，无需录入；公司自己的调整请在工作日历中逐日添加。',
        en: 'The State Council arrangement for {year} is already in the official calendar; add the company’s own changes day by day instead.',
      },
    },
    calendar_notice_invalid: {
      title: { 'zh-CN': '放假通知无法录入', en: 'The notice cannot be entered' },
      detail: { 'zh-CN': '通知中有 {count} 处需要修改，请按提示修正后再录入。', en: 'The notice has {count} problem(s); correct them and enter it again.' },
    },
  },
  fields: {
    notice_line_unreadable: { 'zh-CN': '无法识别“{text}”：请写明日期以及“放假”或“上班”', en: 'cannot read “{text}”: give the date and whether it is a day off (放假) or a working day (上班)' },
    notice_date_invalid: { 'zh-CN': '日期“{date}”不存在或范围有误', en: 'the date “{date}” does not exist or the range is wrong' },
    notice_date_outside_year: { 'zh-CN': '{date} 不在 {year} 年内', en: '{date} is not in {year}' },
    notice_day_conflict: { 'zh-CN': '{date} 同时被写成放假和上班', en: '{date} is given both as a day off and as a working day' },
    notice_workday_on_weekday: { 'zh-CN': '{date} 是工作日，调休上班通常在周末，请核对', en: '{date} is a weekday; make-up working days are usually at weekends — please check' },
    notice_statutory_day_missing: { 'zh-CN': '法定节假日 {date}（{name}）不在通知中，请核对是否漏了一行', en: 'the statutory holiday {date} ({name}) is not in the notice — was a line left out?' },
    notice_empty: { 'zh-CN': '没有读到 {year} 年的任何放假或上班日期', en: 'no day off or working day for {year} was found' },
  },
  entities: {
    override: { 'zh-CN': '日历调整', en: 'calendar override' },
    calendar_notice: { 'zh-CN': '放假通知', en: 'holiday notice' },
  },
  words: {
    holiday: { 'zh-CN': '节假日', en: 'holiday' },
    workday: { 'zh-CN': '调休工作日', en: 'working day' },
    rest_day: { 'zh-CN': '公司休息日', en: 'company rest day' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    calendar: typeof CALENDAR_MESSAGES;
  }
}

/** A date outside the working-day calendar (before 2004 or after 2100) is bad input, wherever it came from. */
export const calendarRangeProblem: ErrorTranslation = (err) =>
  err instanceof CalendarRangeError ? new AppError('calendar_out_of_range', 422) : undefined;
