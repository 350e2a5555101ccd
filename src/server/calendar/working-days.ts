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
import { dateOfDay, dayNumber, endOfDayIso, shanghaiDay } from '../../shared/shanghai.js';
import { statutoryHolidays } from './statutory-holidays.js';


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

const FIRST_YEAR = 2004;
const LAST_YEAR = 2100;
const BASE_DAY = dayNumber(`${FIRST_YEAR}-01-01`);
const SPAN = dayNumber(`${LAST_YEAR + 1}-01-01`) - BASE_DAY;
const YEARS = LAST_YEAR - FIRST_YEAR + 1;

/** Index (into the day tables) of 1 January of each year, and one past the end. */
const YEAR_START = Int32Array.from({ length: YEARS + 1 }, (_, y) => dayNumber(`${FIRST_YEAR + y}-01-01`) - BASE_DAY);
/** The year (as an offset from FIRST_YEAR) of each day. */
const YEAR_OF = (() => {
  const years = new Uint8Array(SPAN);
  for (let y = 0; y < YEARS; y++) years.fill(y, YEAR_START[y], YEAR_START[y + 1]);
  return years;
})();

/** The day kinds before any notice or override, filled one year at a time on first use. */
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKEUP = 3;
const baseKinds = new Uint8Array(SPAN);
const baseReady = new Uint8Array(YEARS);
const provisionalNames = new Map<number, string>();

function fillBase(y: number): void {
  const year = FIRST_YEAR + y;
  for (let i = YEAR_START[y]; i < YEAR_START[y + 1]; i++) {
    const weekday = (i + BASE_DAY + 4) % 7; // 1970-01-01 was a Thursday
    baseKinds[i] = weekday === 0 || weekday === 6 ? WEEKEND : WORKDAY;
  }
  if (OFFICIAL_YEARS.has(year)) {
    for (const d of OFFICIAL_DAYS.get(year) ?? []) baseKinds[d.index] = d.kind;
  } else {
    // No notice for this year in the data: the statutory holidays, computed (see statutory-holidays.ts).
    for (const d of statutoryHolidays(year)) {
      const i = dayNumber(d.date) - BASE_DAY;
      if (YEAR_OF[i] !== y) continue;
      baseKinds[i] = HOLIDAY;
      provisionalNames.set(i, d.name);
    }
  }
  baseReady[y] = 1;
}

/** The official holidays and make-up days of each year, indexed once at load. */
const OFFICIAL_DAYS = (() => {
  const byYear = new Map<number, { index: number; kind: number }[]>();
  const add = (date: string, kind: number) => {
    const index = dayNumber(date) - BASE_DAY;
    if (index < 0 || index >= SPAN) return;
    const year = FIRST_YEAR + YEAR_OF[index];
    let list = byYear.get(year);
    if (!list) byYear.set(year, (list = []));
    list.push({ index, kind });
  };
  for (const d of Object.keys(OFFICIAL.holidays)) add(d, HOLIDAY);
  for (const d of Object.keys(OFFICIAL.workdays)) add(d, MAKEUP);
  return byYear;
})();

export class CalendarRangeError extends Error {}

/**
 * A year's State Council notice as a company's administrator entered it, for a year the official data does
 * not cover yet: its holidays (with names) and make-up working days. It replaces the provisional calendar
 * of that year; dates of the neighbouring year it lists (元旦 starting on 31 December) apply too.
 */
export interface CalendarNotice {
  year: number;
  holidays: readonly { date: string; name: string }[];
  workdays: readonly string[];
}

/** Where a year's holidays come from: the official data, a notice the company entered, or the regulation alone. */
export type YearSource = 'official' | 'notice' | 'provisional';

export class WorkCalendar {
  /** 1 when the day is a working day, after notices and overrides; filled one year at a time. */
  private readonly working = new Uint8Array(SPAN);
  private readonly ready = new Uint8Array(YEARS);
  private readonly overrides: ReadonlyMap<number, OverrideKind>;
  /** Days a notice speaks of: 1 holiday, 2 make-up working day; by year of the day. */
  private readonly noticeDays = new Map<number, Map<number, { working: boolean; name: string | null }>>();
  /** Years (offsets) whose holidays a notice arranges instead of the provisional calendar. */
  private readonly noticeYears = new Set<number>();

  constructor(overrides: readonly CalendarOverride[] = [], notices: readonly CalendarNotice[] = []) {
    const map = new Map<number, OverrideKind>();
    for (const o of overrides) map.set(dayNumber(o.date), o.kind);
    this.overrides = map;
    for (const n of notices) {
      // Once the official data covers a year, it wins over what was entered by hand.
      if (n.year < FIRST_YEAR || n.year > LAST_YEAR || OFFICIAL_YEARS.has(n.year)) continue;
      this.noticeYears.add(n.year - FIRST_YEAR);
      const put = (date: string, working: boolean, name: string | null) => {
        const i = dayNumber(date) - BASE_DAY;
        if (i < 0 || i >= SPAN) return;
        let days = this.noticeDays.get(YEAR_OF[i]);
        if (!days) this.noticeDays.set(YEAR_OF[i], (days = new Map()));
        days.set(i, { working, name });
      };
      for (const h of n.holidays) put(h.date, false, h.name);
      for (const w of n.workdays) put(w, true, null);
    }
  }

  isWorkingDay(day: number): boolean {
    return this.workingAt(this.index(day));
  }

  /** Where the holidays of a year come from. */
  yearSource(year: number): YearSource {
    if (OFFICIAL_YEARS.has(year)) return 'official';
    return this.noticeYears.has(year - FIRST_YEAR) ? 'notice' : 'provisional';
  }

  /**
   * Whether a period from `startDay` to `endDay` crosses a provisional year: its length in working days
   * rests on the regulation alone and may change when the year's notice is entered.
   */
  isProvisional(startDay: number, endDay: number): boolean {
    const first = FIRST_YEAR + YEAR_OF[this.index(Math.min(startDay + 1, endDay))];
    const last = FIRST_YEAR + YEAR_OF[this.index(endDay)];
    for (let year = first; year <= last; year++) if (this.yearSource(year) === 'provisional') return true;
    return false;
  }

  /** What a day is, whether a company override made it so, and its holiday's name. */
  describe(day: number): { kind: DayKind; working: boolean; override: OverrideKind | null; provisional: boolean; holidayName: string | null } {
    const i = this.index(day);
    const working = this.workingAt(i);
    const y = YEAR_OF[i];
    const year = FIRST_YEAR + y;
    const override = this.overrides.get(day) ?? null;
    const noticed = this.noticeDays.get(y)?.get(i);
    if (noticed) return { kind: noticed.working ? 'makeup_workday' : 'holiday', working, override, provisional: false, holidayName: noticed.name };
    const weekday = (i + BASE_DAY + 4) % 7;
    const weekend = weekday === 0 || weekday === 6;
    if (this.noticeYears.has(y)) return { kind: weekend ? 'weekend' : 'workday', working, override, provisional: false, holidayName: null };
    const base = baseKinds[i];
    const kind: DayKind = base === HOLIDAY ? 'holiday' : base === MAKEUP ? 'makeup_workday' : base === WEEKEND ? 'weekend' : 'workday';
    const provisional = !OFFICIAL_YEARS.has(year);
    const holidayName = base !== HOLIDAY ? null : provisional ? (provisionalNames.get(i) ?? null) : officialHolidayName(dateOfDay(day));
    return { kind, working, override, provisional, holidayName };
  }

  /**
   * The last day of a period of `days` working days starting on `startDay`. The start day does not count
   * (art. 201), so one working day from a Monday ends on Tuesday. Zero days means "the same working day":
   * the start day itself when it is a working day, otherwise the next working day.
   */
  addWorkingDays(startDay: number, days: number): number {
    if (!Number.isInteger(days)) throw new CalendarRangeError('days must be a whole number');
    let i = this.index(startDay);
    if (days <= 0) {
      while (i < SPAN && !this.workingAt(i)) i++;
    } else {
      for (let left = days; left > 0 && i < SPAN; ) {
        i++;
        if (i < SPAN && this.workingAt(i)) left--;
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
      if (this.workingAt(i)) left--;
    }
    return i + BASE_DAY;
  }

  /** Working days strictly after `fromDay` up to and including `toDay` (0 when toDay <= fromDay). */
  workingDaysBetween(fromDay: number, toDay: number): number {
    let n = 0;
    for (let d = fromDay + 1; d <= toDay; d++) if (this.isWorkingDay(d)) n++;
    return n;
  }

  private workingAt(i: number): boolean {
    const y = YEAR_OF[i];
    if (this.ready[y] === 0) this.fill(y);
    return this.working[i] === 1;
  }

  /** Fills one year: its base kinds (or its notice), then the company's overrides. */
  private fill(y: number): void {
    if (baseReady[y] === 0) fillBase(y);
    const from = YEAR_START[y];
    const to = YEAR_START[y + 1];
    // A year with an entered notice keeps only its weekends; the notice says which other days are off.
    const noticed = this.noticeYears.has(y);
    for (let i = from; i < to; i++) {
      const kind = baseKinds[i];
      this.working[i] = noticed ? (kind === WEEKEND ? 0 : 1) : kind === WORKDAY || kind === MAKEUP ? 1 : 0;
    }
    for (const [i, d] of this.noticeDays.get(y) ?? []) this.working[i] = d.working ? 1 : 0;
    for (const [day, kind] of this.overrides) {
      const i = day - BASE_DAY;
      if (i >= from && i < to) this.working[i] = kind === 'workday' ? 1 : 0;
    }
    this.ready[y] = 1;
  }

  private index(day: number): number {
    const i = day - BASE_DAY;
    if (!Number.isInteger(i) || i < 0 || i >= SPAN) throw new CalendarRangeError('date outside the calendar');
    return i;
  }
}

export const CALENDAR_YEARS = { first: FIRST_YEAR, last: LAST_YEAR };
