/**
 * The provisional calendar of a year whose State Council notice is not yet known: the statutory holidays
 * of the national holiday regulation (全国年节及纪念日放假办法, as revised in 2024), art. 2:
 *   元旦 1 day (1 January) · 春节 4 days (除夕 to 正月初三) · 清明节 1 day (the solar term) ·
 *   劳动节 2 days (1–2 May) · 端午节 1 day (五月初五) · 中秋节 1 day (八月十五) · 国庆节 3 days (1–3 October)
 * and art. 6: a holiday that falls on a Saturday or Sunday is made up on the next working day (补假).
 * What the regulation cannot say — the bridging days and make-up working days a notice arranges — is left
 * out, which is why deadlines computed on it are marked provisional.
 *
 * Lunar dates and the solar term come from `lunar-typescript` (astronomical algorithms, no time-zone
 * dependence); it is loaded the first time a year beyond the official data is needed.
 */
import { createRequire } from 'node:module';

export interface StatutoryDay {
  /** YYYY-MM-DD */
  date: string;
  /** 元旦, 春节, … ; a made-up day is named 春节（补假） */
  name: string;
}

interface LunarLib {
  Lunar: {
    fromYmd(y: number, m: number, d: number): {
      getSolar(): SolarDay;
      getJieQiTable(): Record<string, SolarDay>;
    };
  };
}
interface SolarDay {
  getYear(): number;
  getMonth(): number;
  getDay(): number;
}

let lunar: LunarLib | undefined;
const load = (): LunarLib => (lunar ??= createRequire(import.meta.url)('lunar-typescript') as LunarLib);

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const solarDate = (s: SolarDay) => ymd(s.getYear(), s.getMonth(), s.getDay());
const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 Sunday … 6 Saturday */
const weekday = (day: number) => (day + 4) % 7;

const cache = new Map<number, readonly StatutoryDay[]>();

/** The statutory holidays of a Gregorian year, made-up days included, in date order. */
export function statutoryHolidays(year: number): readonly StatutoryDay[] {
  let days = cache.get(year);
  if (days) return days;
  const { Lunar } = load();
  const named: StatutoryDay[] = [];
  const add = (name: string, first: string, count: number) => {
    for (let i = 0; i < count; i++) named.push({ date: dateOf(dayOf(first) + i), name });
  };
  add('元旦', ymd(year, 1, 1), 1);
  // 除夕 is the day before 正月初一, whether the twelfth month has 29 or 30 days.
  add('春节', dateOf(dayOf(solarDate(Lunar.fromYmd(year, 1, 1).getSolar())) - 1), 4);
  add('清明节', solarDate(Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明']), 1);
  add('劳动节', ymd(year, 5, 1), 2);
  add('端午节', solarDate(Lunar.fromYmd(year, 5, 5).getSolar()), 1);
  add('中秋节', solarDate(Lunar.fromYmd(year, 8, 15).getSolar()), 1);
  add('国庆节', ymd(year, 10, 1), 3);

  // A holiday on a Saturday or Sunday, or on the same day as another holiday (中秋 on 1–3 October), is
  // made up on the next weekday that is not already off, in date order.
  named.sort((a, b) => a.date.localeCompare(b.date));
  const off = new Set(named.map((d) => dayOf(d.date)));
  const seen = new Set<number>();
  const madeUp: StatutoryDay[] = [];
  for (const holiday of named) {
    const day = dayOf(holiday.date);
    const lost = weekday(day) === 0 || weekday(day) === 6 || seen.has(day);
    seen.add(day);
    if (!lost) continue;
    let next = day + 1;
    while (weekday(next) === 0 || weekday(next) === 6 || off.has(next)) next++;
    off.add(next);
    madeUp.push({ date: dateOf(next), name: `${holiday.name}（补假）` });
  }
  const byDate = new Map<string, StatutoryDay>();
  for (const d of [...named, ...madeUp]) {
    const same = byDate.get(d.date);
    byDate.set(d.date, same ? { date: d.date, name: `${same.name}、${d.name}` } : d);
  }
  days = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, days);
  return days;
}
