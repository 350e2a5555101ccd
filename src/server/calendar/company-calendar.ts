/**
 * A company's working-day calendar: the official one, the notices its administrator entered for years the
 * official data does not cover yet, and its overrides. Both are read on every call (indexed queries over a
 * handful of rows), so a change made in the console takes effect at once on every app instance; the built
 * calendar is cached by what it holds.
 */
import type { Db } from '../db/database.js';
import { WorkCalendar, type CalendarNotice, type CalendarOverride } from './working-days.js';

const cache = new Map<string, WorkCalendar>();
const CACHE_LIMIT = 200;

export interface CalendarInputs {
  overrides: CalendarOverride[];
  notices: (CalendarNotice & { id: number; createdAt: string })[];
}

export async function loadCalendarInputs(db: Db, companyId: number): Promise<CalendarInputs> {
  const [overrides, notices] = await Promise.all([
    db.selectFrom('calendar_overrides').select(['date', 'kind']).where('company_id', '=', companyId).orderBy('date').execute(),
    db.selectFrom('calendar_notices').select(['id', 'year', 'holidays', 'workdays', 'created_at']).where('company_id', '=', companyId).orderBy('year').execute(),
  ]);
  return {
    overrides,
    notices: notices.map((n) => ({
      id: n.id,
      year: n.year,
      holidays: JSON.parse(n.holidays) as CalendarNotice['holidays'],
      workdays: JSON.parse(n.workdays) as string[],
      createdAt: n.created_at,
    })),
  };
}

export function calendarFor(inputs: CalendarInputs): WorkCalendar {
  const key = `${inputs.overrides.map((o) => `${o.date}${o.kind[0]}`).join(',')}|${inputs.notices.map((n) => `${n.id}@${n.createdAt}`).join(',')}`;
  let calendar = cache.get(key);
  if (!calendar) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    calendar = new WorkCalendar(inputs.overrides, inputs.notices);
    cache.set(key, calendar);
  }
  return calendar;
}

export async function loadCompanyCalendar(db: Db, companyId: number): Promise<WorkCalendar> {
  return calendarFor(await loadCalendarInputs(db, companyId));
}
