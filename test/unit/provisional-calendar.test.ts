/**
 * Years beyond the official holiday data (DESIGN.md §5): the provisional calendar of the national holiday
 * regulation, and a company's entered notice replacing it. Lunar dates checked against published tables:
 * 除夕 2027 is 5 Feb (Fri), 清明 2027 is 5 Apr, 端午 2027 is 9 Jun, 中秋 2027 is 15 Sep; 中秋 2028 is 3 Oct.
 */
import { describe, expect, it } from 'vitest';
import { statutoryHolidays } from '../../src/server/calendar/statutory-holidays.js';
import { WorkCalendar, type CalendarNotice } from '../../src/server/calendar/working-days.js';
import { dayNumber } from '../../src/shared/shanghai.js';

const due = (date: string) => `${date}T23:59:59.999+08:00`;
const from = (date: string, days: number, calendar: WorkCalendar) => calendar.deadline(`${date}T09:00:00+08:00`, days);
const official = new WorkCalendar();

describe('statutory holidays of a year without a notice', () => {
  it('2027: 13 statutory days and 6 made-up days for those on weekends', () => {
    expect(statutoryHolidays(2027).map((d) => `${d.date} ${d.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-02-09 春节（补假）',
      '2027-02-10 春节（补假）',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-05-03 劳动节（补假）',
      '2027-05-04 劳动节（补假）',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
      '2027-10-04 国庆节（补假）',
      '2027-10-05 国庆节（补假）',
    ]);
  });

  it('2028: 中秋 on 3 October, a day of 国庆, is made up like a weekend holiday', () => {
    const october = statutoryHolidays(2028).filter((d) => d.date.startsWith('2028-10'));
    expect(october.map((d) => d.date)).toEqual(['2028-10-01', '2028-10-02', '2028-10-03', '2028-10-04', '2028-10-05']);
    expect(october.find((d) => d.date === '2028-10-03')?.name).toContain('中秋节');
  });

  it('gives the same dates whatever time zone the process runs in', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(statutoryHolidays(2031).find((d) => d.name === '春节')?.date).toBe('2031-01-22');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('the provisional calendar', () => {
  it('元旦 2027 is not a working day: a written reply raised on 31 Dec 2026 is due on 6 Jan, not 5 Jan', () => {
    expect(from('2026-12-31', 3, official)).toBe(due('2027-01-06'));
    expect(official.describe(dayNumber('2027-01-01'))).toEqual({ kind: 'holiday', working: false, override: null, provisional: true, holidayName: '元旦' });
  });

  it('a period that ends in 2027 is provisional, one that ends in 2026 is not', () => {
    const start = dayNumber('2026-12-31');
    expect(official.isProvisional(start, official.addWorkingDays(start, 3))).toBe(true);
    expect(official.isProvisional(dayNumber('2026-12-01'), official.addWorkingDays(dayNumber('2026-12-01'), 3))).toBe(false);
    expect(official.isProvisional(dayNumber('2027-03-01'), dayNumber('2027-03-01'))).toBe(true);
    expect(official.yearSource(2026)).toBe('official');
    expect(official.yearSource(2027)).toBe('provisional');
  });

  it('Spring Festival 2027 with its made-up days: one working day from Thursday 4 Feb ends on Thursday 11 Feb', () => {
    expect(from('2027-02-04', 1, official)).toBe(due('2027-02-11'));
  });
});

describe("a company's entered notice", () => {
  // A notice as the State Council might publish it for 2027 (bridging days and make-up working days).
  const notice: CalendarNotice = {
    year: 2027,
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-02', name: '元旦' },
      { date: '2027-01-03', name: '元旦' },
      ...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => ({ date: `2027-02-${d}`, name: '春节' })),
    ],
    workdays: ['2027-02-14', '2027-02-20'],
  };
  const entered = new WorkCalendar([], [notice]);

  it('replaces the provisional calendar of its year: its days off and make-up days count, the provisional ones do not', () => {
    expect(entered.yearSource(2027)).toBe('notice');
    expect(from('2027-02-04', 1, entered)).toBe(due('2027-02-14'));
    expect(entered.describe(dayNumber('2027-02-14'))).toMatchObject({ kind: 'makeup_workday', working: true, provisional: false });
    // 清明 is a statutory day but not in this (partial) notice: the notice decides.
    expect(entered.describe(dayNumber('2027-04-05'))).toMatchObject({ kind: 'workday', working: true, provisional: false });
    expect(entered.isProvisional(dayNumber('2026-12-31'), entered.addWorkingDays(dayNumber('2026-12-31'), 3))).toBe(false);
  });

  it('a written reply raised on 31 Dec 2026 is due on Wednesday 6 Jan with the notice too (1–3 Jan off)', () => {
    expect(from('2026-12-31', 3, entered)).toBe(due('2027-01-06'));
  });

  it('company overrides still apply on top of the notice', () => {
    const calendar = new WorkCalendar([{ date: '2027-02-14', kind: 'rest_day' }], [notice]);
    expect(from('2027-02-04', 1, calendar)).toBe(due('2027-02-15'));
  });

  it('is ignored for a year that the official data covers', () => {
    const calendar = new WorkCalendar([], [{ year: 2025, holidays: [{ date: '2025-09-22', name: '假' }], workdays: [] }]);
    expect(calendar.isWorkingDay(dayNumber('2025-09-22'))).toBe(true);
    expect(calendar.yearSource(2025)).toBe('official');
  });
});
