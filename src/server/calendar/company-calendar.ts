/**
 * A company's working-day calendar: the official one with the company's overrides applied. Overrides
 * are read on every call (one indexed query over a handful of rows), so a change made in the console
 * takes effect at once on every app instance; the built calendar is cached by the overrides it holds.
 */
import type { Db } from '../db/database.js';
import { WorkCalendar, type CalendarOverride } from './working-days.js';

const cache = new Map<string, WorkCalendar>();
const CACHE_LIMIT = 200;

export async function loadCompanyOverrides(db: Db, companyId: number): Promise<CalendarOverride[]> {
  return db.selectFrom('calendar_overrides').select(['date', 'kind']).where('company_id', '=', companyId).orderBy('date').execute();
}

export function calendarFor(overrides: readonly CalendarOverride[]): WorkCalendar {
  const key = overrides.map((o) => `${o.date}${o.kind[0]}`).join(',');
  let calendar = cache.get(key);
  if (!calendar) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    calendar = new WorkCalendar(overrides);
    cache.set(key, calendar);
  }
  return calendar;
}

export async function loadCompanyCalendar(db: Db, companyId: number): Promise<WorkCalendar> {
  return calendarFor(await loadCompanyOverrides(db, companyId));
}
