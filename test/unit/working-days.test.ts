/**
 * Working-day arithmetic on China's official calendar (DESIGN.md §5). Every expected date below was checked
 * by hand against the State Council notices (国务院办公厅关于2025年/2026年部分节假日安排的通知):
 *
 * 2025: 元旦 1-1; 春节 1-28…2-4, make-up 1-26 (Sun) and 2-8 (Sat); 清明 4-4…4-6; 劳动节 5-1…5-5, make-up 4-27 (Sun);
 *       端午 5-31…6-2; 国庆/中秋 10-1…10-8, make-up 9-28 (Sun) and 10-11 (Sat).
 * 2026: 元旦 1-1…1-3, make-up 1-4 (Sun); 春节 2-15…2-23, make-up 2-14 (Sat) and 2-28 (Sat); 清明 4-4…4-6;
 *       劳动节 5-1…5-5, make-up 5-9 (Sat); 端午 6-19…6-21; 中秋 9-25…9-27; 国庆 10-1…10-7, make-up 9-20 (Sun)
 *       and 10-10 (Sat).
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { CALENDAR_YEARS, CalendarRangeError, OFFICIAL_YEARS, officialHolidayName, WorkCalendar, type CalendarOverride } from '../../src/server/calendar/working-days.js';
import { dateOfDay, dayNumber, endOfDayIso, shanghaiDay, startOfDayMs } from '../../src/shared/shanghai.js';

const official = new WorkCalendar();
/** The deadline string for 24:00 of a Shanghai date. */
const due = (date: string) => `${date}T23:59:59.999+08:00`;
/** The deadline of `days` working days for an issue raised at 09:00 Shanghai time on `date`. */
const from = (date: string, days: number, calendar = official) => calendar.deadline(`${date}T09:00:00+08:00`, days);
const describeDay = (date: string, calendar = official) => calendar.describe(dayNumber(date));

describe('the example of DESIGN.md §5', () => {
  it('a 3-working-day reply raised on 30 Sep 2025 17:00 ends on the make-up Saturday 11 Oct', () => {
    expect(official.deadline('2025-09-30T17:00:00+08:00', 3)).toBe('2025-10-11T23:59:59.999+08:00');
  });

  it('gives the same deadline for a Date, an epoch-ms number and ISO strings in any offset', () => {
    const instant = '2025-09-30T17:00:00+08:00';
    for (const raisedAt of [instant, '2025-09-30T09:00:00Z', '2025-09-30T05:00:00-04:00', new Date(instant), Date.parse(instant)]) {
      expect(official.deadline(raisedAt, 3)).toBe(due('2025-10-11'));
    }
  });
});

describe('the start day does not count (Civil Code art. 201)', () => {
  it('a 1-working-day period raised on Monday 22 Sep 2025 ends on Tuesday 23 Sep', () => {
    expect(from('2025-09-22', 1)).toBe(due('2025-09-23'));
  });

  it('a 1-working-day period raised on Friday 19 Sep 2025 ends on Monday 22 Sep, skipping the weekend', () => {
    expect(from('2025-09-19', 1)).toBe(due('2025-09-22'));
  });

  it('a raise at 00:00:01 or at 23:59 counts the same: the whole start day is excluded', () => {
    expect(official.deadline('2025-09-22T00:00:01+08:00', 2)).toBe(due('2025-09-24'));
    expect(official.deadline('2025-09-22T23:59:00+08:00', 2)).toBe(due('2025-09-24'));
  });

  it('a 1-working-day period raised on a holiday ends on the first working day after it', () => {
    expect(from('2025-10-03', 1)).toBe(due('2025-10-09'));
  });
});

describe('zero working days', () => {
  it('is the same day when raised on an ordinary working day (Tuesday 30 Sep 2025)', () => {
    expect(from('2025-09-30', 0)).toBe(due('2025-09-30'));
  });

  it('is the next working day, Thursday 9 Oct, when raised on the National Day holiday 1 Oct 2025', () => {
    expect(from('2025-10-01', 0)).toBe(due('2025-10-09'));
  });

  it('is Monday when raised on an ordinary Saturday (20 Sep 2025)', () => {
    expect(from('2025-09-20', 0)).toBe(due('2025-09-22'));
  });

  it('is the make-up Sunday 28 Sep when raised on Saturday 27 Sep 2025', () => {
    expect(from('2025-09-27', 0)).toBe(due('2025-09-28'));
  });

  it('is the same day when raised on the make-up Saturday 11 Oct 2025', () => {
    expect(from('2025-10-11', 0)).toBe(due('2025-10-11'));
  });

  it('treats a negative number of days like zero', () => {
    expect(from('2025-10-01', -2)).toBe(due('2025-10-09'));
  });
});

describe('the Shanghai date counts, not the UTC date nor the server time zone', () => {
  it("a raise at 16:30 UTC on 30 Sep 2025 is 1 Oct 00:30 in Shanghai: zero days ends on 9 Oct, not 30 Sep", () => {
    expect(official.deadline('2025-09-30T16:30:00Z', 0)).toBe(due('2025-10-09'));
  });

  it('a raise at 23:30 UTC on 30 Sep 2025 (1 Oct 07:30 in Shanghai) is also on the holiday', () => {
    expect(official.deadline('2025-09-30T23:30:00Z', 0)).toBe(due('2025-10-09'));
    expect(official.deadline(Date.parse('2025-09-30T23:30:00Z'), 0)).toBe(due('2025-10-09'));
  });

  it('the last millisecond of 30 Sep in Shanghai (15:59:59.999 UTC) is still 30 Sep', () => {
    expect(official.deadline('2025-09-30T15:59:59.999Z', 0)).toBe(due('2025-09-30'));
    expect(official.deadline('2025-09-30T16:00:00.000Z', 0)).toBe(due('2025-10-09'));
  });

  it('a 1-working-day period raised at 23:30 UTC on Monday 29 Sep 2025 (Tuesday in Shanghai) ends on 9 Oct, not 30 Sep', () => {
    expect(official.deadline('2025-09-29T23:30:00Z', 1)).toBe(due('2025-10-09'));
  });

  it('a 1-working-day period raised at 16:30 UTC on Thursday 25 Sep 2025 (Friday in Shanghai) ends on the make-up Sunday 28 Sep', () => {
    expect(official.deadline('2025-09-25T16:30:00Z', 1)).toBe(due('2025-09-28'));
  });

  it('gives the same deadlines whatever TZ the server process runs in', () => {
    const saved = process.env.TZ;
    const inputs: [Date | string | number, number][] = [
      ['2025-09-30T16:30:00Z', 0],
      ['2025-09-30T15:59:59.999Z', 0],
      [Date.parse('2025-09-29T23:30:00Z'), 1],
      [new Date('2025-09-25T16:30:00Z'), 1],
      ['2026-02-13T18:00:00+08:00', 10],
    ];
    const expected = [due('2025-10-09'), due('2025-09-30'), due('2025-10-09'), due('2025-09-28'), due('2026-03-05')];
    try {
      for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata']) {
        process.env.TZ = tz;
        const probe = new Date('2025-07-01T00:00:00Z').getTimezoneOffset();
        expect(probe).toBe({ UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 420, 'Pacific/Kiritimati': -840, 'Asia/Kolkata': -330 }[tz]);
        expect(inputs.map(([at, days]) => official.deadline(at, days))).toEqual(expected);
        expect(shanghaiDay('2025-09-30T16:30:00Z')).toBe(dayNumber('2025-10-01'));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('2025 holidays and make-up working days', () => {
  it('a 1-working-day period raised on 31 Dec 2024 skips New Year’s Day and ends on 2 Jan 2025', () => {
    expect(from('2024-12-31', 1)).toBe(due('2025-01-02'));
  });

  it('a 3-working-day period raised on Friday 24 Jan 2025 counts the make-up Sunday 26 Jan and ends on 5 Feb, after Spring Festival', () => {
    expect(from('2025-01-24', 3)).toBe(due('2025-02-05'));
  });

  it('a 5-working-day period raised on Monday 27 Jan 2025 ends on Monday 10 Feb, counting the make-up Saturday 8 Feb', () => {
    expect(from('2025-01-27', 5)).toBe(due('2025-02-10'));
  });

  it('zero days raised during Spring Festival 2025 (29 Jan) is Wednesday 5 Feb', () => {
    expect(from('2025-01-29', 0)).toBe(due('2025-02-05'));
  });

  it('a 1-working-day period raised on Thursday 3 Apr 2025 skips 清明 and ends on Monday 7 Apr', () => {
    expect(from('2025-04-03', 1)).toBe(due('2025-04-07'));
  });

  it('a 1-working-day period raised on Friday 25 Apr 2025 ends on the make-up Sunday 27 Apr', () => {
    expect(from('2025-04-25', 1)).toBe(due('2025-04-27'));
  });

  it('a 1-working-day period raised on Wednesday 30 Apr 2025 skips Labour Day and ends on Tuesday 6 May', () => {
    expect(from('2025-04-30', 1)).toBe(due('2025-05-06'));
  });

  it('a 1-working-day period raised on Friday 30 May 2025 skips 端午 and ends on Tuesday 3 Jun', () => {
    expect(from('2025-05-30', 1)).toBe(due('2025-06-03'));
  });

  it('a 1-working-day period raised on Friday 26 Sep 2025 ends on the make-up Sunday 28 Sep', () => {
    expect(from('2025-09-26', 1)).toBe(due('2025-09-28'));
  });

  it('a 5-working-day period raised on 30 Sep 2025 ends on Tuesday 14 Oct (9, 10, 11, 13, 14 Oct)', () => {
    expect(from('2025-09-30', 5)).toBe(due('2025-10-14'));
  });
});

describe('2026 holidays and make-up working days', () => {
  it('a 1-working-day period raised on Wednesday 31 Dec 2025 ends on the make-up Sunday 4 Jan 2026', () => {
    expect(from('2025-12-31', 1)).toBe(due('2026-01-04'));
  });

  it('a 1-working-day period raised on Friday 13 Feb 2026 ends on the make-up Saturday 14 Feb', () => {
    expect(from('2026-02-13', 1)).toBe(due('2026-02-14'));
  });

  it('a 2-working-day period raised on Friday 13 Feb 2026 spans Spring Festival and ends on Tuesday 24 Feb', () => {
    expect(from('2026-02-13', 2)).toBe(due('2026-02-24'));
  });

  it('a 10-working-day period raised on Friday 13 Feb 2026 ends on Thursday 5 Mar, counting both make-up Saturdays', () => {
    // 2-14 (Sat), 2-24, 2-25, 2-26, 2-27, 2-28 (Sat), 3-2, 3-3, 3-4, 3-5
    expect(from('2026-02-13', 10)).toBe(due('2026-03-05'));
  });

  it('zero days raised on the eve of Spring Festival 2026 (16 Feb) is Tuesday 24 Feb', () => {
    expect(from('2026-02-16', 0)).toBe(due('2026-02-24'));
  });

  it('a 1-working-day period raised on Friday 3 Apr 2026 skips 清明 and ends on Tuesday 7 Apr', () => {
    expect(from('2026-04-03', 1)).toBe(due('2026-04-07'));
  });

  it('a 1-working-day period raised on Thursday 30 Apr 2026 skips Labour Day and ends on Wednesday 6 May', () => {
    expect(from('2026-04-30', 1)).toBe(due('2026-05-06'));
  });

  it('a 1-working-day period raised on Friday 8 May 2026 ends on the make-up Saturday 9 May', () => {
    expect(from('2026-05-08', 1)).toBe(due('2026-05-09'));
  });

  it('a 1-working-day period raised on Thursday 18 Jun 2026 skips 端午 and ends on Monday 22 Jun', () => {
    expect(from('2026-06-18', 1)).toBe(due('2026-06-22'));
  });

  it('a 1-working-day period raised on Friday 18 Sep 2026 ends on the make-up Sunday 20 Sep', () => {
    expect(from('2026-09-18', 1)).toBe(due('2026-09-20'));
  });

  it('a 1-working-day period raised on Thursday 24 Sep 2026 skips 中秋 and ends on Monday 28 Sep', () => {
    expect(from('2026-09-24', 1)).toBe(due('2026-09-28'));
  });

  it('a 3-working-day reply raised on 30 Sep 2026 17:00 ends on the make-up Saturday 10 Oct', () => {
    expect(official.deadline('2026-09-30T17:00:00+08:00', 3)).toBe(due('2026-10-10'));
  });

  it('a 5-working-day period raised on 30 Sep 2026 ends on Tuesday 13 Oct', () => {
    expect(from('2026-09-30', 5)).toBe(due('2026-10-13'));
  });

  it('a 10-working-day period raised on Thursday 24 Sep 2026 spans 中秋 and 国庆 and ends on Thursday 15 Oct', () => {
    // 9-28, 9-29, 9-30, 10-8, 10-9, 10-10 (Sat), 10-12, 10-13, 10-14, 10-15
    expect(from('2026-09-24', 10)).toBe(due('2026-10-15'));
  });
});

describe('agreement with a step-by-step reading of the official data across 2025 and 2026', () => {
  // A deliberately naive reference: walk calendar dates one by one, reading the package's `holidays` and
  // `workdays` maps and the UTC weekday. (The package's own findWorkday is not used: it shifts by a day when
  // the process runs in a time zone west of UTC.)
  const { holidays, workdays } = data as { holidays: Record<string, string>; workdays: Record<string, string> };
  const next = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const working = (date: string) => date in workdays || (!(date in holidays) && ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()));
  const reference = (start: string, n: number) => {
    let date = start;
    if (n <= 0) {
      while (!working(date)) date = next(date);
      return date;
    }
    for (let left = n; left > 0; ) {
      date = next(date);
      if (working(date)) left--;
    }
    return date;
  };

  it('every start day of 2025–2026 and 0, 1, 3, 5, 10 working days give the same last day', () => {
    const mismatches: string[] = [];
    for (let date = '2025-01-01'; date <= '2026-12-31'; date = next(date)) {
      for (const n of [0, 1, 3, 5, 10]) {
        const last = reference(date, n);
        // The reference knows no holidays after 2026, the last year of the data.
        if (last > '2026-12-31') continue;
        const ours = official.deadline(`${date}T12:00:00+08:00`, n);
        const theirs = due(last);
        if (ours !== theirs) mismatches.push(`${date} +${n}: ${ours} ≠ ${theirs}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('the reference itself reproduces the DESIGN.md example', () => {
    expect(reference('2025-09-30', 3)).toBe('2025-10-11');
  });
});

describe('company overrides', () => {
  it('an extra company holiday on Wednesday 24 Sep 2025 pushes a 3-working-day deadline from Thursday 25 to Friday 26 Sep', () => {
    expect(from('2025-09-22', 3)).toBe(due('2025-09-25'));
    expect(from('2025-09-22', 3, new WorkCalendar([{ date: '2025-09-24', kind: 'holiday' }]))).toBe(due('2025-09-26'));
  });

  it('an extra working day on Sunday 21 Sep 2025 pulls a 1-working-day deadline from Monday 22 to Sunday 21 Sep', () => {
    const calendar = new WorkCalendar([{ date: '2025-09-21', kind: 'workday' }]);
    expect(from('2025-09-19', 1)).toBe(due('2025-09-22'));
    expect(from('2025-09-19', 1, calendar)).toBe(due('2025-09-21'));
    expect(from('2025-09-19', 3, calendar)).toBe(due('2025-09-23'));
  });

  it('a company rest day on Friday 10 Oct 2025 moves a 1-working-day deadline from 10 Oct to the make-up Saturday 11 Oct', () => {
    const calendar = new WorkCalendar([{ date: '2025-10-10', kind: 'rest_day' }]);
    expect(from('2025-10-09', 1)).toBe(due('2025-10-10'));
    expect(from('2025-10-09', 1, calendar)).toBe(due('2025-10-11'));
    expect(from('2025-10-10', 0, calendar)).toBe(due('2025-10-11'));
  });

  it('a company that does not work the make-up Saturday 11 Oct 2025 ends the DESIGN.md example on Monday 13 Oct', () => {
    const calendar = new WorkCalendar([{ date: '2025-10-11', kind: 'holiday' }]);
    expect(calendar.deadline('2025-09-30T17:00:00+08:00', 3)).toBe(due('2025-10-13'));
  });

  it('a working-day override on an official holiday (3 Oct 2025) makes zero days that same day', () => {
    const calendar = new WorkCalendar([{ date: '2025-10-03', kind: 'workday' }]);
    expect(from('2025-10-03', 0, calendar)).toBe(due('2025-10-03'));
    expect(from('2025-10-01', 1, calendar)).toBe(due('2025-10-03'));
  });

  it('an override for a year without an official notice applies on top of the provisional calendar (元旦 2027 worked)', () => {
    expect(from('2026-12-31', 1)).toBe(due('2027-01-04'));
    expect(from('2026-12-31', 1, new WorkCalendar([{ date: '2027-01-01', kind: 'workday' }]))).toBe(due('2027-01-01'));
    expect(from('2027-01-04', 1, new WorkCalendar([{ date: '2027-01-05', kind: 'rest_day' }]))).toBe(due('2027-01-06'));
  });

  it('overrides of one calendar do not leak into another or into the official one', () => {
    const overrides: CalendarOverride[] = [
      { date: '2025-09-24', kind: 'holiday' },
      { date: '2025-10-11', kind: 'rest_day' },
    ];
    const company = new WorkCalendar(overrides);
    const other = new WorkCalendar();
    expect(from('2025-09-22', 3, company)).toBe(due('2025-09-26'));
    expect(from('2025-09-22', 3, other)).toBe(due('2025-09-25'));
    expect(official.deadline('2025-09-30T17:00:00+08:00', 3)).toBe(due('2025-10-11'));
    expect(other.isWorkingDay(dayNumber('2025-10-11'))).toBe(true);
  });

  it('the last override for a date wins', () => {
    const calendar = new WorkCalendar([
      { date: '2025-09-21', kind: 'workday' },
      { date: '2025-09-21', kind: 'rest_day' },
    ]);
    expect(calendar.describe(dayNumber('2025-09-21'))).toMatchObject({ kind: 'weekend', working: false, override: 'rest_day' });
  });
});

describe('describe()', () => {
  it('reports the National Day holiday 1 Oct 2025 as a holiday, not working, without override', () => {
    expect(describeDay('2025-10-01')).toMatchObject({ kind: 'holiday', working: false, override: null });
  });

  it('reports 中秋 on Monday 6 Oct 2025 as a holiday', () => {
    expect(describeDay('2025-10-06')).toMatchObject({ kind: 'holiday', working: false, override: null });
  });

  it('reports Saturday 11 Oct 2025 and Sunday 20 Sep 2026 as make-up working days', () => {
    expect(describeDay('2025-10-11')).toMatchObject({ kind: 'makeup_workday', working: true, override: null });
    expect(describeDay('2026-09-20')).toMatchObject({ kind: 'makeup_workday', working: true, override: null });
  });

  it('reports Sunday 12 Oct 2025 as a weekend and Thursday 9 Oct 2025 as a workday', () => {
    expect(describeDay('2025-10-12')).toMatchObject({ kind: 'weekend', working: false, override: null });
    expect(describeDay('2025-10-09')).toMatchObject({ kind: 'workday', working: true, override: null });
  });

  it('reports a holiday that falls on a weekend (Saturday 4 Oct 2025) as a holiday', () => {
    expect(describeDay('2025-10-04')).toMatchObject({ kind: 'holiday', working: false, override: null });
  });

  it('keeps the official kind and reports the override and the working flag after it', () => {
    const calendar = new WorkCalendar([
      { date: '2025-10-10', kind: 'rest_day' },
      { date: '2025-09-21', kind: 'workday' },
      { date: '2025-10-11', kind: 'holiday' },
      { date: '2025-10-03', kind: 'workday' },
    ]);
    expect(describeDay('2025-10-10', calendar)).toMatchObject({ kind: 'workday', working: false, override: 'rest_day' });
    expect(describeDay('2025-09-21', calendar)).toMatchObject({ kind: 'weekend', working: true, override: 'workday' });
    expect(describeDay('2025-10-11', calendar)).toMatchObject({ kind: 'makeup_workday', working: false, override: 'holiday' });
    expect(describeDay('2025-10-03', calendar)).toMatchObject({ kind: 'holiday', working: true, override: 'workday' });
    expect(describeDay('2025-10-09', calendar)).toMatchObject({ kind: 'workday', working: true, override: null });
  });
});

describe('workingDaysBetween', () => {
  const between = (a: string, b: string, calendar = official) => calendar.workingDaysBetween(dayNumber(a), dayNumber(b));

  it('counts 3 working days after 30 Sep 2025 up to and including 11 Oct', () => {
    expect(between('2025-09-30', '2025-10-11')).toBe(3);
  });

  it('counts none across the National Day holiday 1–8 Oct 2025', () => {
    expect(between('2025-09-30', '2025-10-08')).toBe(0);
  });

  it('is 0 for the same day and for an end before the start', () => {
    expect(between('2025-09-30', '2025-09-30')).toBe(0);
    expect(between('2025-10-11', '2025-09-30')).toBe(0);
  });

  it('counts 248 working days in 2025 and 248 in 2026', () => {
    // 2025: 365 − 104 weekend days − 18 weekday holidays + 5 make-up days; 2026: 365 − 104 − 19 + 6.
    expect(between('2024-12-31', '2025-12-31')).toBe(248);
    expect(between('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('follows overrides', () => {
    const calendar = new WorkCalendar([
      { date: '2025-09-24', kind: 'holiday' },
      { date: '2025-09-21', kind: 'workday' },
    ]);
    expect(between('2025-09-19', '2025-09-26')).toBe(5);
    expect(between('2025-09-19', '2025-09-26', calendar)).toBe(5);
    expect(between('2025-09-19', '2025-09-23', calendar)).toBe(3);
  });

  it('is the inverse of addWorkingDays for periods of 1 or more days', () => {
    for (const start of ['2025-01-24', '2025-09-26', '2025-09-30', '2026-02-13', '2026-09-24', '2026-12-31']) {
      for (const n of [1, 3, 5, 10, 30]) {
        const s = dayNumber(start);
        expect(official.workingDaysBetween(s, official.addWorkingDays(s, n))).toBe(n);
      }
    }
  });
});

describe('official holiday names and years', () => {
  it('names 国庆节, 中秋 and 春节 in Chinese', () => {
    expect(officialHolidayName('2025-10-01')).toBe('国庆节');
    expect(officialHolidayName('2025-10-06')).toBe('中秋');
    expect(officialHolidayName('2026-02-17')).toBe('春节');
    expect(officialHolidayName('2026-09-25')).toBe('中秋');
    expect(officialHolidayName('2025-01-01')).toBe('元旦');
  });

  it('has no name for a make-up working day or an ordinary day', () => {
    expect(officialHolidayName('2025-10-11')).toBeNull();
    expect(officialHolidayName('2025-10-09')).toBeNull();
  });

  it('OFFICIAL_YEARS contains 2025 and 2026 but not years before the data begins', () => {
    expect(OFFICIAL_YEARS.has(2025)).toBe(true);
    expect(OFFICIAL_YEARS.has(2026)).toBe(true);
    expect(OFFICIAL_YEARS.has(2003)).toBe(false);
    expect(CALENDAR_YEARS).toEqual({ first: 2004, last: 2100 });
  });
});

describe('day numbers and instants', () => {
  it('round-trips dates through day numbers', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    for (const date of ['2025-02-28', '2024-02-29', '2026-12-31', '2100-12-31']) expect(dateOfDay(dayNumber(date))).toBe(date);
  });

  it('writes 24:00 as the last millisecond of the Shanghai day, one millisecond before the next day starts', () => {
    const day = dayNumber('2025-10-11');
    expect(endOfDayIso(day)).toBe('2025-10-11T23:59:59.999+08:00');
    expect(Date.parse(endOfDayIso(day))).toBe(startOfDayMs(day + 1) - 1);
    expect(new Date(startOfDayMs(day)).toISOString()).toBe('2025-10-10T16:00:00.000Z');
  });
});

describe('the calendar range 2004–2100', () => {
  it('throws CalendarRangeError for a date before 2004', () => {
    expect(() => official.addWorkingDays(dayNumber('2003-12-31'), 1)).toThrow(CalendarRangeError);
    expect(() => official.deadline('2003-06-01T09:00:00+08:00', 0)).toThrow(CalendarRangeError);
    expect(() => official.isWorkingDay(dayNumber('1999-01-01'))).toThrow(CalendarRangeError);
    expect(() => official.describe(dayNumber('2003-12-31'))).toThrow(CalendarRangeError);
  });

  it('throws CalendarRangeError for a date after 2100', () => {
    expect(() => official.addWorkingDays(dayNumber('2101-01-01'), 0)).toThrow(CalendarRangeError);
    expect(() => official.deadline('2101-03-01T09:00:00+08:00', 3)).toThrow(CalendarRangeError);
    expect(() => official.workingDaysBetween(dayNumber('2100-12-30'), dayNumber('2101-01-02'))).toThrow(CalendarRangeError);
  });

  it('decides the range on the Shanghai date: 16:00 UTC on 31 Dec 2003 is already 2004', () => {
    expect(() => official.deadline('2003-12-31T15:59:59Z', 0)).toThrow(CalendarRangeError);
    expect(() => official.deadline('2003-12-31T16:00:00Z', 0)).not.toThrow();
  });

  it('throws CalendarRangeError when zero days from the last day would need a working day after 2100', () => {
    const calendar = new WorkCalendar([{ date: '2100-12-31', kind: 'holiday' }]);
    expect(from('2100-12-31', 0)).toBe(due('2100-12-31'));
    expect(() => from('2100-12-31', 0, calendar)).toThrow(CalendarRangeError);
  });

  it('throws CalendarRangeError, rather than hanging, when a period runs past 2100', () => {
    expect(() => from('2100-12-31', 1)).toThrow(CalendarRangeError);
    expect(() => from('2025-01-01', 100_000)).toThrow(CalendarRangeError);
  });

  it('refuses an invalid instant or a fractional number of days instead of guessing', () => {
    const calendar = new WorkCalendar();
    expect(() => calendar.deadline('not a date', 1)).toThrow(CalendarRangeError);
    expect(() => calendar.deadline('2025-10-01T09:00:00+08:00', 1.5)).toThrow(CalendarRangeError);
    expect(() => calendar.deadline('2025-10-01T09:00:00+08:00', Number.NaN)).toThrow(CalendarRangeError);
  });
});
