/**
 * Reading a pasted holiday notice. The 2025 and 2026 notices below are the State Council's texts (国办发明电
 * 〔2024〕12号 and the 2026 notice); read by the parser they must give exactly the days of the bundled official
 * data for those years.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/server/calendar/parse-notice.js';

const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。
国务院办公厅
2024年11月12日`;

const NOTICE_2026 = `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

const official = data as { holidays: Record<string, string>; workdays: Record<string, string> };
const ofYear = (map: Record<string, string>, year: number) => Object.keys(map).filter((d) => d.startsWith(`${year}-`)).sort();

describe('the State Council notice as published', () => {
  it.each([
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ])('%i: the pasted notice gives exactly the official days off and make-up working days', (year, text) => {
    const parsed = parseNotice(text, year);
    expect(parsed.errors).toEqual([]);
    expect(parsed.holidays.map((h) => h.date)).toEqual(ofYear(official.holidays, year));
    expect(parsed.workdays).toEqual(ofYear(official.workdays, year));
    expect(parsed.warnings).toEqual([]);
  });

  it('names each day after its heading: 2025-10-06 is 国庆节、中秋节', () => {
    const parsed = parseNotice(NOTICE_2025, 2025);
    expect(parsed.holidays.find((h) => h.date === '2025-10-06')?.name).toBe('国庆节、中秋节');
    expect(parsed.holidays.find((h) => h.date === '2025-01-01')?.name).toBe('元旦');
  });

  it('reads a range across the new year with explicit years (the 2023 notice: 2022年12月31日至2023年1月2日)', () => {
    const parsed = parseNotice('一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。', 2023);
    expect(parsed.holidays.map((h) => h.date)).toEqual(['2022-12-31', '2023-01-01', '2023-01-02']);
  });

  it('reads full-width digits and punctuation like ASCII', () => {
    const parsed = parseNotice('五、端午节：６月９日（周三）放假，共１天。', 2027);
    expect(parsed.holidays).toEqual([{ date: '2027-06-09', name: '端午节' }]);
  });
});

describe('a plain list of dates', () => {
  it('reads ranges, single days, make-up days and names, separated by spaces, commas or tabs', () => {
    const parsed = parseNotice('日期,类型,名称\n2027-02-05 至 2027-02-07 放假 春节\n2027/2/14,上班\n2027年1月1日\tholiday\t元旦\n2027-02-20 workday', 2027);
    expect(parsed.errors).toEqual([]);
    expect(parsed.holidays).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
    ]);
    expect(parsed.workdays).toEqual(['2027-02-14', '2027-02-20']);
  });

  it('refuses dates of another year, impossible dates and reversed ranges, each with its line', () => {
    const parsed = parseNotice('2028-01-01 放假\n2027-02-29 放假\n2027-03-05 至 2027-03-01 放假', 2027);
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([
      [1, 'notice_date_outside_year'],
      [2, 'notice_date_invalid'],
      [3, 'notice_date_invalid'],
    ]);
  });

  it('says when nothing at all was found', () => {
    expect(parseNotice('关于节假日安排的说明', 2027).errors).toEqual([{ line: null, code: 'notice_empty', params: { year: 2027 } }]);
  });
});
