/** The working-day calendar (China's official holidays and make-up days) and a company's overrides. */
import { z } from 'zod';
import { Id, textInteger, Timestamp } from './common.js';
import { DateOnly } from './households.js';

export const DayKind = z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']);
export const OverrideKind = z.enum(['holiday', 'workday', 'rest_day']).meta({ description: 'holiday: an extra holiday; workday: an extra working day; rest_day: a company rest day' });
export type OverrideKind = z.infer<typeof OverrideKind>;

export const CalendarOverride = z
  .object({ id: Id, date: DateOnly, kind: OverrideKind, note: z.string(), createdByName: z.string().nullable(), createdAt: Timestamp })
  .meta({ id: 'CalendarOverride' });
export type CalendarOverride = z.infer<typeof CalendarOverride>;

export const CalendarDay = z.object({
  date: DateOnly,
  working: z.boolean().meta({ description: 'After the company’s overrides' }),
  kind: DayKind.meta({ description: 'What the official calendar says' }),
  holidayName: z.string().nullable(),
  override: CalendarOverride.nullable(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const WorkingDaysQuery = z.strictObject({ year: textInteger(z.number().int().min(2004).max(2100)) });
export const WorkingDaysYear = z
  .object({
    year: z.number().int(),
    official: z.boolean().meta({ description: 'false when the State Council notice for this year is not yet in the calendar data: only weekends and overrides count' }),
    workingDays: z.number().int(),
    days: z.array(CalendarDay),
  })
  .meta({ id: 'WorkingDaysYear' });
export type WorkingDaysYear = z.infer<typeof WorkingDaysYear>;

export const CreateOverrideBody = z.strictObject({ date: DateOnly, kind: OverrideKind, note: z.string().trim().max(200).default('') });
export type CreateOverrideBody = z.infer<typeof CreateOverrideBody>;
