/**
 * The working-day calendar (China's official holidays and make-up days), the notices a company enters for
 * years the official data does not cover yet, and a company's overrides.
 */
import { z } from 'zod';
import { DateOnly, Id, textInteger, Timestamp } from './common.js';

export const DayKind = z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']);
export const OverrideKind = z.enum(['holiday', 'workday', 'rest_day']).meta({ description: 'holiday: an extra holiday; workday: an extra working day; rest_day: a company rest day' });
export type OverrideKind = z.infer<typeof OverrideKind>;
export const YearSource = z
  .enum(['official', 'notice', 'provisional'])
  .meta({ description: 'official: the State Council notice is in the bundled data; notice: entered by an administrator; provisional: only the statutory holidays of the holiday regulation are known' });
export type YearSource = z.infer<typeof YearSource>;

export const CalendarOverride = z
  .object({ id: Id, date: DateOnly, kind: OverrideKind, note: z.string(), createdByName: z.string().nullable(), createdAt: Timestamp })
  .meta({ id: 'CalendarOverride' });
export type CalendarOverride = z.infer<typeof CalendarOverride>;

export const CalendarDay = z.object({
  date: DateOnly,
  working: z.boolean().meta({ description: 'After the company’s notices and overrides' }),
  kind: DayKind.meta({ description: 'What the official calendar, the entered notice or the provisional calendar says' }),
  holidayName: z.string().nullable(),
  provisional: z.boolean().meta({ description: 'The day’s kind comes from the provisional calendar of a year without its notice' }),
  override: CalendarOverride.nullable(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const NoticeDay = z.object({ date: DateOnly, name: z.string() });

export const CalendarNotice = z
  .object({
    year: z.number().int(),
    holidays: z.array(NoticeDay),
    workdays: z.array(DateOnly).meta({ description: 'Make-up working days (调休上班)' }),
    createdByName: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'CalendarNotice' });
export type CalendarNotice = z.infer<typeof CalendarNotice>;

export const WorkingDaysQuery = z.strictObject({ year: textInteger(z.number().int().min(2004).max(2100)) });
export const WorkingDaysYear = z
  .object({
    year: z.number().int(),
    source: YearSource,
    notice: CalendarNotice.nullable().meta({ description: 'The notice the company entered for this year, if any' }),
    workingDays: z.number().int(),
    days: z.array(CalendarDay),
  })
  .meta({ id: 'WorkingDaysYear' });
export type WorkingDaysYear = z.infer<typeof WorkingDaysYear>;

export const CreateOverrideBody = z.strictObject({ date: DateOnly, kind: OverrideKind, note: z.string().trim().max(200).default('') });
export type CreateOverrideBody = z.infer<typeof CreateOverrideBody>;

export const OverrideChange = z
  .object({
    override: CalendarOverride.nullable().meta({ description: 'The override created; null when one was removed' }),
    recomputedIssues: z.number().int().meta({ description: 'Open issues whose deadlines were recomputed on the changed calendar' }),
  })
  .meta({ id: 'OverrideChange' });
export type OverrideChange = z.infer<typeof OverrideChange>;

export const NoticeYearParam = z.object({ year: textInteger(z.number().int().min(2004).max(2100)) });

export const NoticeBody = z.strictObject({
  year: z.number().int().min(2004).max(2100),
  text: z
    .string()
    .min(1)
    .max(20_000)
    .meta({ description: 'The notice as published (国务院办公厅关于…部分节假日安排的通知), or one date per line: `2027-02-05 至 2027-02-12 放假 春节`, `2027-02-14 上班`' }),
});
export type NoticeBody = z.infer<typeof NoticeBody>;

export const NoticeProblem = z.object({ line: z.number().int().nullable(), code: z.string(), message: z.string() });
export type NoticeProblem = z.infer<typeof NoticeProblem>;

export const NoticePreview = z
  .object({
    year: z.number().int(),
    holidays: z.array(NoticeDay),
    workdays: z.array(DateOnly),
    /** The holidays as the notice groups them */
    periods: z.array(z.object({ name: z.string(), from: DateOnly, to: DateOnly, days: z.number().int() })),
    errors: z.array(NoticeProblem).meta({ description: 'What stops the notice from being entered' }),
    warnings: z.array(NoticeProblem).meta({ description: 'What to check before entering it' }),
    affectedIssues: z.number().int().meta({ description: 'Open issues whose deadlines entering it would recompute' }),
  })
  .meta({ id: 'NoticePreview' });
export type NoticePreview = z.infer<typeof NoticePreview>;

export const NoticeResult = z
  .object({ notice: CalendarNotice.nullable(), recomputedIssues: z.number().int() })
  .meta({ id: 'NoticeResult' });
export type NoticeResult = z.infer<typeof NoticeResult>;

export const CalendarStatus = z
  .object({
    years: z.array(z.object({ year: z.number().int(), source: YearSource })).meta({ description: 'This year and the next, on the company’s calendar' }),
    needsNotice: z.number().int().nullable().meta({ description: 'The year whose notice an administrator should enter now, or null' }),
  })
  .meta({ id: 'CalendarStatus' });
export type CalendarStatus = z.infer<typeof CalendarStatus>;
