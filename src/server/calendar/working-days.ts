/**
 * Working-day arithmetic on China's official calendar (DESIGN.md §5). Pure: a WorkCalendar is built once
 * from the State Council notices carried by `chinese-days` plus a company's own overrides, then answers
 * "is this a working day?" and "when does a period of N working days end?" without I/O.
 *
 * Rules (Civil Code art. 201/203): the day a period starts does not count; the period ends at 24:00 of its
 * last day. Dates are Asia/Shanghai dates whatever the server's time zone; Shanghai has kept UTC+8 without
 * daylight saving since 1991, so an instant's Shanghai date is its UTC time moved by eight hours.
 *
 * Days are handled as integers (days since 1970-01-01) so that a deadline costs a few array reads.
 */
import { createRequire } from 'node:module';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
export type OverrideKind = 'holiday' | 'workday' | 'rest_day';
export interface CalendarOverride {
  date: string;
  kind: OverrideKind;
}

interface OfficialData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}
// Only the package's data file is used: its date functions depend on the server's time zone.
const OFFICIAL = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as OfficialData;

/** Years for which the official notice is in the package (a year with at least one listed holiday). */
export const OFFICIAL_YEARS: ReadonlySet<number> = new Set(Object.keys(OFFICIAL.holidays).map((d) => Number(d.slice(0, 4))));

/** Official holiday names in Chinese by date ("国庆节"), from the package's "English,中文,days" strings. */
export function officialHolidayName(date: string): string | null {
  const entry = OFFICIAL.holidays[date];
  return entry ? (entry.split(',')[1] ?? null) : null;
}

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai day number of an instant. */
export function shanghaiDay(instant: Date | string | number): number {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

const endOfDayCache = new Map<number, string>();
/** 24:00 of a Shanghai day, written as the last millisecond of that day with its +08:00 offset. */
export function endOfDayIso(day: number): string {
  let iso = endOfDayCache.get(day);
  if (iso === undefined) {
    iso = `${dateOfDay(day)}T23:59:59.999+08:00`;
    endOfDayCache.set(day, iso);
  }
  return iso;
}

/** The instant (epoch ms) at which a Shanghai day begins. */
export function startOfDayMs(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

const FIRST_YEAR = 2004;
const LAST_YEAR = 2100;
const BASE_DAY = dayNumber(`${FIRST_YEAR}-01-01`);
const SPAN = dayNumber(`${LAST_YEAR + 1}-01-01`) - BASE_DAY;

/** 0 weekday, 1 weekend, 2 official holiday, 3 official make-up working day: before any override. */
const officialKinds: Uint8Array = (() => {
  const kinds = new Uint8Array(SPAN);
  for (let i = 0; i < SPAN; i++) {
    const weekday = (i + BASE_DAY + 4) % 7; // 1970-01-01 was a Thursday
    kinds[i] = weekday === 0 || weekday === 6 ? 1 : 0;
  }
  for (const d of Object.keys(OFFICIAL.holidays)) if (dayNumber(d) - BASE_DAY < SPAN) kinds[dayNumber(d) - BASE_DAY] = 2;
  for (const d of Object.keys(OFFICIAL.workdays)) if (dayNumber(d) - BASE_DAY < SPAN) kinds[dayNumber(d) - BASE_DAY] = 3;
  return kinds;
})();

export class CalendarRangeError extends Error {}

export class WorkCalendar {
  /** 1 when the day is a working day, after overrides. */
  private readonly working: Uint8Array;
  private readonly overrides: ReadonlyMap<number, OverrideKind>;

  constructor(overrides: readonly CalendarOverride[] = []) {
    this.working = new Uint8Array(SPAN);
    for (let i = 0; i < SPAN; i++) this.working[i] = officialKinds[i] === 0 || officialKinds[i] === 3 ? 1 : 0;
    const map = new Map<number, OverrideKind>();
    for (const o of overrides) {
      const day = dayNumber(o.date);
      map.set(day, o.kind);
      if (day >= BASE_DAY && day < BASE_DAY + SPAN) this.working[day - BASE_DAY] = o.kind === 'workday' ? 1 : 0;
    }
    this.overrides = map;
  }

  isWorkingDay(day: number): boolean {
    return this.working[this.index(day)] === 1;
  }

  /** What a day is, and whether a company override made it so. */
  describe(day: number): { kind: DayKind; working: boolean; override: OverrideKind | null } {
    const official = officialKinds[this.index(day)];
    const kind: DayKind = official === 2 ? 'holiday' : official === 3 ? 'makeup_workday' : official === 1 ? 'weekend' : 'workday';
    return { kind, working: this.isWorkingDay(day), override: this.overrides.get(day) ?? null };
  }

  /**
   * The last day of a period of `days` working days starting on `startDay`. The start day does not count
   * (art. 201), so one working day from a Monday ends on Tuesday. Zero days means "the same working day":
   * the start day itself when it is a working day, otherwise the next working day.
   */
  addWorkingDays(startDay: number, days: number): number {
    if (!Number.isInteger(days)) throw new CalendarRangeError('days must be a whole number');
    let i = this.index(startDay);
    const working = this.working;
    if (days <= 0) {
      while (i < SPAN && working[i] === 0) i++;
    } else {
      for (let left = days; left > 0 && i < SPAN; ) {
        i++;
        if (working[i] === 1) left--;
      }
    }
    if (i >= SPAN) throw new CalendarRangeError('date outside the calendar');
    return i + BASE_DAY;
  }

  /** The deadline (24:00 of the last day, +08:00) of `days` working days from an instant. */
  deadline(raisedAt: Date | string | number, days: number): string {
    return endOfDayIso(this.addWorkingDays(shanghaiDay(raisedAt), days));
  }

  /** The working day `days` working days before `day` (the day itself when days is 0). */
  workingDaysBefore(day: number, days: number): number {
    let i = this.index(day);
    for (let left = days; left > 0; ) {
      i--;
      if (i < 0) throw new CalendarRangeError('date outside the calendar');
      if (this.working[i] === 1) left--;
    }
    return i + BASE_DAY;
  }

  /** Working days strictly after `fromDay` up to and including `toDay` (0 when toDay <= fromDay). */
  workingDaysBetween(fromDay: number, toDay: number): number {
    let n = 0;
    for (let d = fromDay + 1; d <= toDay; d++) if (this.isWorkingDay(d)) n++;
    return n;
  }

  private index(day: number): number {
    const i = day - BASE_DAY;
    if (!Number.isInteger(i) || i < 0 || i >= SPAN) throw new CalendarRangeError('date outside the calendar');
    return i;
  }
}

export const CALENDAR_YEARS = { first: FIRST_YEAR, last: LAST_YEAR };
