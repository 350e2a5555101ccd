/**
 * What happens when a company's working-day calendar changes (a notice entered or removed, an override added
 * or removed): the domains whose stored deadlines rest on the calendar recompute them, in the transaction of
 * the change. The calendar does not know those domains; they register here when the app is built
 * (`app.ts`), so dependencies keep pointing down to the calendar.
 */
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import type { WorkCalendar } from './working-days.js';

export type CalendarChangeCause = { kind: 'notice'; year: number; removed?: boolean } | { kind: 'override'; date: string; removed?: boolean };

export interface CalendarChange {
  before: WorkCalendar;
  after: WorkCalendar;
  cause: CalendarChangeCause;
  /** The first day (YYYY-MM-DD) whose kind may differ: nothing that ends before it can move. */
  since: string;
  /** Count what would change without writing (the preview of a notice). */
  dryRun: boolean;
}

/** Recomputes what depends on the calendar; returns how many objects changed (or would). */
export type CalendarListener = (trx: Db, ctx: Ctx, change: CalendarChange) => Promise<number>;

const listeners = new Set<CalendarListener>();

export function onCalendarChange(listener: CalendarListener): void {
  listeners.add(listener);
}

export async function calendarChanged(trx: Db, ctx: Ctx, change: CalendarChange): Promise<number> {
  let changed = 0;
  for (const listener of listeners) changed += await listener(trx, ctx, change);
  return changed;
}
