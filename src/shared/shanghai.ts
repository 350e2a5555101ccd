/**
 * The Asia/Shanghai clock, the one the regulations and every deadline are written in, whatever the server's
 * or the reader's own time zone. Shanghai has kept UTC+8 without daylight saving since 1991, so an instant's
 * Shanghai date and time are its UTC time moved by eight hours: plain arithmetic, no time-zone database.
 * Shared by the server and the console; the server's "today" is `shanghaiToday()` in `server/clock.ts`.
 *
 * Days are also handled as integers (days since 1970-01-01, "day numbers") where a deadline costs a few
 * array reads; a period ends at 24:00 of its last day (Civil Code art. 203), written as the last millisecond
 * of that day with its +08:00 offset.
 */
export const DAY_MS = 86_400_000;
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

type Instant = Date | string | number;

const toMs = (instant: Instant): number =>
  typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();

/** The Shanghai day number of an instant. */
export function shanghaiDay(instant: Instant): number {
  return Math.floor((toMs(instant) + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The day number of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Instant): string {
  return dateOfDay(shanghaiDay(instant));
}

/** Adds whole calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** The instant (epoch ms) at which a Shanghai day begins. */
export function startOfDayMs(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** The instant, as a stored UTC ISO string, at which a Shanghai date (YYYY-MM-DD) begins. */
export function startOfDateIso(date: string): string {
  return new Date(startOfDayMs(dayNumber(date))).toISOString();
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

/** A stored UTC instant written in Shanghai time with its offset: 2025-10-11T23:59:59.999+08:00. */
export function shanghaiIso(iso: string): string;
export function shanghaiIso(iso: string | null): string | null;
export function shanghaiIso(iso: string | null): string | null {
  if (!iso) return null;
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** An instant as "2026-12-02 03:24" on the Shanghai clock. */
export function shanghaiMinute(instant: Instant): string {
  const local = new Date(toMs(instant) + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

const deadlineTexts = new Map<string, string>();
/**
 * A deadline as the regulations state it: the end of a period reads "2025-10-11 24:00", any other instant
 * its Shanghai minute. Used by the console, the exports and staff notifications; the deadline sweep writes
 * thousands of these, so each text is kept once made.
 */
export function formatDeadline(iso: string): string {
  let text = deadlineTexts.get(iso);
  if (text === undefined) {
    const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString();
    text = `${local.slice(0, 10)} ${local.slice(11, 19) === '23:59:59' ? '24:00' : local.slice(11, 16)}`;
    if (deadlineTexts.size > 10_000) deadlineTexts.clear();
    deadlineTexts.set(iso, text);
  }
  return text;
}
