/**
 * How a day of the working calendar looks: a colour per kind, whether the company changed it, and a dashed
 * outline when its kind is provisional (a year without its notice).
 */
import type { CalendarDay } from '../../api/calendar';

export type DayLook = 'workday' | 'weekend' | 'holiday' | 'makeup_workday' | 'override_rest' | 'override_work';

/** Background colours; the legend shows the same. */
export const DAY_COLOR: Record<DayLook, string> = {
  workday: '#ffffff',
  weekend: '#f0f0f0',
  holiday: '#ffccc7',
  makeup_workday: '#d6e4ff',
  override_rest: '#ffe7ba',
  override_work: '#d9f7be',
};

/** The official kind, unless an override made a working day a rest day or the reverse. */
export function dayLook(day: CalendarDay): DayLook {
  if (day.override) return day.working ? 'override_work' : 'override_rest';
  return day.kind;
}

/** Monday-first column of a date (0 = Monday … 6 = Sunday), as Chinese calendars are printed. */
export function weekdayColumn(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}
