/**
 * The one source of "now" on the server. Use cases, jobs and queries ask this module for the current
 * instant instead of calling `Date.now()`, so that tests can put the whole server at a fixed instant (a
 * night hour, a public holiday, a year beyond the holiday data) instead of depending on when and where
 * they run. Production uses the system clock.
 */
import { shanghaiDate } from '../shared/shanghai.js';

export interface Clock {
  /** The current instant in epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

let current: Clock = systemClock;

/** Replaces the clock for the whole process (tests, benchmarks); `systemClock` restores it. */
export function setClock(clock: Clock): void {
  current = clock;
}

export const now = (): number => current.now();

/** The current instant as an ISO 8601 UTC string, the form every timestamp is stored in. */
export const nowIso = (): string => new Date(current.now()).toISOString();

/** Today's date (YYYY-MM-DD) on the Asia/Shanghai clock. */
export const shanghaiToday = (): string => shanghaiDate(current.now());

/**
 * A clock that starts at a given instant and then runs at real speed, so that ordering by time still
 * works; `set` and `advance` move it.
 */
export class SettableClock implements Clock {
  private offset: number;

  constructor(start: string | number) {
    this.offset = toMs(start) - Date.now();
  }

  now(): number {
    return Date.now() + this.offset;
  }

  set(at: string | number): void {
    this.offset = toMs(at) - Date.now();
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}

function toMs(at: string | number): number {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new Error(`not an instant: ${at}`);
  return ms;
}
