/**
 * Reads a year's holiday arrangement as an administrator pastes or uploads it. Pure; table-tested.
 *
 * Two forms are understood, mixed freely line by line:
 * - the State Council notice itself (国务院办公厅关于2027年部分节假日安排的通知), e.g.
 *     二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 *   A sentence with 放假 gives the range of days off, named after the line's heading; a sentence with 上班 lists
 *   make-up working days. Lines without either (the title, the preamble, the signature) are skipped.
 * - a plain list, one date or range per line with what it is and an optional name, separated by spaces,
 *   commas or tabs: `2027-02-05 至 2027-02-12 放假 春节`, `2027-02-14,上班`, `2027/1/1 holiday 元旦`.
 * Full-width digits and punctuation are read like their ASCII forms.
 */
import { statutoryHolidays } from './statutory-holidays.js';

export interface NoticeProblem {
  /** 1-based line of the text, or null for the notice as a whole */
  line: number | null;
  code:
    | 'notice_line_unreadable'
    | 'notice_date_invalid'
    | 'notice_date_outside_year'
    | 'notice_day_conflict'
    | 'notice_workday_on_weekday'
    | 'notice_statutory_day_missing'
    | 'notice_empty';
  params: Record<string, string | number>;
}

export interface ParsedNotice {
  year: number;
  holidays: { date: string; name: string }[];
  workdays: string[];
  /** Problems that stop the notice from being entered. */
  errors: NoticeProblem[];
  /** Things to check before entering it; they do not stop it. */
  warnings: NoticeProblem[];
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function valid({ y, m, d }: Ymd): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
const iso = ({ y, m, d }: Ymd) => `${y}-${pad(m)}-${pad(d)}`;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const HOLIDAY_WORDS = /放假|休息|^休$|^假$|^holiday$|^off$|^rest$/i;
const WORKDAY_WORDS = /上班|补班|^班$|^workday$|^work$/i;
/** 2027-02-05, 2027/2/5, 2027.2.5, 2027年2月5日 */
const FULL_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/g;
/** (2027年)2月5日, for the notice's prose */
const PROSE_DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g;
/** 2月15日（…）至23日（…）, 2月28日至3月2日, 2022年12月31日至2023年1月2日 */
const PROSE_RANGE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\([^)]*\))?(?:\s*(?:至|到|~|-|—)\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\([^)]*\))?)?/;

export function parseNotice(text: string, year: number): ParsedNotice {
  const holidays = new Map<string, string>();
  const workdays = new Set<string>();
  const errors: NoticeProblem[] = [];
  const warnings: NoticeProblem[] = [];

  const accept = (line: number, date: Ymd, raw: string): string | null => {
    if (!valid(date)) {
      errors.push({ line, code: 'notice_date_invalid', params: { date: raw } });
      return null;
    }
    const value = iso(date);
    // A year's notice speaks of its own year, and of the last days of December before it (元旦).
    if (!(date.y === year || (date.y === year - 1 && date.m === 12))) {
      errors.push({ line, code: 'notice_date_outside_year', params: { date: value, year } });
      return null;
    }
    return value;
  };
  const addRange = (line: number, first: Ymd, last: Ymd, name: string, raw: string) => {
    const a = accept(line, first, raw);
    if (!a) return;
    const b = iso(last) === a ? a : accept(line, last, raw);
    if (!b) return;
    if (b < a) {
      errors.push({ line, code: 'notice_date_invalid', params: { date: raw } });
      return;
    }
    for (let day = dayOf(a); day <= dayOf(b); day++) holidays.set(dateOf(day), name);
  };

  const lines = text.normalize('NFKC').split(/\r\n|\r|\n/);
  lines.forEach((original, index) => {
    const line = index + 1;
    const content = original.trim();
    if (!content) return;
    if (/放假|上班/.test(content) && /\d+月\d+日/.test(content)) {
      readProse(content, line);
      return;
    }
    const dates = [...content.matchAll(FULL_DATE)];
    if (!dates.length) return; // a title, a preamble, a header row
    const words = content.replace(FULL_DATE, ' ').split(/[\s,;，、\t]+|至|到|~/).map((w) => w.trim()).filter(Boolean);
    const kind = words.find((w) => HOLIDAY_WORDS.test(w)) ? 'holiday' : words.find((w) => WORKDAY_WORDS.test(w)) ? 'workday' : null;
    // A bare date of another year is the notice's signature (国务院办公厅 2026年11月4日).
    if (!kind && !words.length && dates.length === 1 && Number(dates[0][1]) !== year) return;
    if (!kind || dates.length > 2) {
      errors.push({ line, code: 'notice_line_unreadable', params: { text: content.slice(0, 60) } });
      return;
    }
    const ymd = (m: RegExpMatchArray): Ymd => ({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
    if (kind === 'workday') {
      for (const m of dates) {
        const date = accept(line, ymd(m), m[0]);
        if (date) workdays.add(date);
      }
      return;
    }
    const name = words.filter((w) => !HOLIDAY_WORDS.test(w) && !/^\d+$/.test(w)).join('') || '假日';
    addRange(line, ymd(dates[0]), ymd(dates[dates.length - 1]), name, dates.map((m) => m[0].trim()).join(' 至 '));
  });

  function readProse(content: string, line: number) {
    const heading = /^[一二三四五六七八九十\d]+[、.]\s*([^:]+?)\s*:/.exec(content);
    const name = heading ? heading[1].trim() : '假日';
    const body = heading ? content.slice(heading[0].length) : content;
    for (const sentence of body.split(/[。;]/)) {
      if (/放假/.test(sentence)) {
        const m = PROSE_RANGE.exec(sentence);
        if (!m) {
          errors.push({ line, code: 'notice_line_unreadable', params: { text: sentence.trim().slice(0, 60) } });
          continue;
        }
        const first: Ymd = { y: m[1] ? Number(m[1]) : year, m: Number(m[2]), d: Number(m[3]) };
        let last: Ymd = first;
        if (m[6]) {
          const lastMonth = m[5] ? Number(m[5]) : first.m;
          // 12月31日至1月2日 without years: the range runs into the next year.
          const lastYear = m[4] ? Number(m[4]) : lastMonth < first.m ? first.y + 1 : first.y;
          last = { y: lastYear, m: lastMonth, d: Number(m[6]) };
        }
        addRange(line, first, last, name, m[0]);
      } else if (/上班/.test(sentence)) {
        for (const m of sentence.matchAll(PROSE_DATE)) {
          const date = accept(line, { y: m[1] ? Number(m[1]) : year, m: Number(m[2]), d: Number(m[3]) }, m[0]);
          if (date) workdays.add(date);
        }
      }
    }
  }

  for (const date of workdays) {
    if (holidays.has(date)) errors.push({ line: null, code: 'notice_day_conflict', params: { date } });
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) warnings.push({ line: null, code: 'notice_workday_on_weekday', params: { date } });
  }
  if (!holidays.size && !workdays.size && !errors.length) errors.push({ line: null, code: 'notice_empty', params: { year } });
  if (holidays.size) {
    // Every statutory day of the regulation is off in any notice; one missing usually means a line was left out.
    for (const d of statutoryHolidays(year)) {
      if (!d.name.includes('补假') && !holidays.has(d.date)) warnings.push({ line: null, code: 'notice_statutory_day_missing', params: { date: d.date, name: d.name } });
    }
  }
  return {
    year,
    holidays: [...holidays].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date)),
    workdays: [...workdays].sort(),
    errors,
    warnings,
  };
}
