import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/server/roster/cells.js';
import { looksLikeFormula, neutralise, unneutralise } from '../../../src/server/spreadsheets/formulas.js';
import { headerKey, matchHeader } from '../../../src/server/roster/columns.js';
import { normalizeRow, parseDate, parseRole } from '../../../src/server/roster/normalize-row.js';

const HEADER = matchHeader(['楼栋', '单元', '房号', '姓名', '身份', '手机', '入住日期', '标签', '备注'])!;

/** A template row from named cells. */
function row(cells: Partial<Record<'b' | 'u' | 'r' | 'name' | 'role' | 'phone' | 'date' | 'tags' | 'notes', Cell>>): Cell[] {
  return [cells.b ?? null, cells.u ?? null, cells.r ?? null, cells.name ?? null, cells.role ?? null, cells.phone ?? null, cells.date ?? null, cells.tags ?? null, cells.notes ?? null];
}

describe('header variants', () => {
  it.each([
    [['栋号', '单元号', '房间号', '业主姓名', '类型', '手机号码', '入住时间'], ['building', 'unit', 'room', 'name', 'role', 'phones', 'moveInDate']],
    [['楼号', '门牌号', '住户姓名', '住户类型', '联系电话', '交房日期'], ['building', 'room', 'name', 'role', 'phones', 'moveInDate']],
    [['楼栋号', '房屋编号', '客户名称', '客户类型', '联系方式'], ['building', 'room', 'name', 'role', 'phones']],
    [['幢号', ' 房 号 ', '*姓名', '电话', '手机号'], ['building', 'room', 'name', 'phones']],
    [['楼栋（必填）', '＊房号', '姓名：', '手机(多个用、隔开)'], ['building', 'room', 'name', 'phones']],
  ])('%j is a header', (cells, keys) => {
    const map = matchHeader(cells)!;
    expect(map).not.toBeNull();
    expect(Object.keys(map).sort()).toEqual([...keys].sort());
  });

  it('full-width and marked headers normalise to the template names', () => {
    expect(headerKey('＊ 房　号')).toBe('房号');
    expect(headerKey('手机（必填）')).toBe('手机');
  });

  it('a title row or a row without 房号 is not a header', () => {
    expect(matchHeader(['阳光花园业主名单（2024年）'])).toBeNull();
    expect(matchHeader(['姓名', '手机'])).toBeNull();
  });

  it('the first of two columns with the same meaning wins', () => {
    expect(matchHeader(['房号', '手机', '电话'])!.phones).toBe(1);
  });
});

describe('rooms', () => {
  it.each([
    [{ b: '3', u: '2', r: '1502' }, { building: '3', unit: '2', room: '1502' }],
    [{ b: '3栋', u: '2单元', r: '1502室' }, { building: '3', unit: '2', room: '1502' }],
    [{ r: '3-2-1502' }, { building: '3', unit: '2', room: '1502' }],
    [{ r: '3栋2单元1502室' }, { building: '3', unit: '2', room: '1502' }],
    [{ r: '3#2-1502' }, { building: '3', unit: '2', room: '1502' }],
    [{ r: 'A座1502' }, { building: 'A', unit: null, room: '1502' }],
    [{ r: '3-1502' }, { building: '3', unit: null, room: '1502' }],
    [{ r: '３－２－１５０２' }, { building: '3', unit: '2', room: '1502' }],
    [{ b: '3', r: '3-2-1502' }, { building: '3', unit: '2', room: '1502' }],
    [{ b: 3, u: 2, r: 1502 }, { building: '3', unit: '2', room: '1502' }],
    [{ b: '商业街', r: '商铺12' }, { building: '商业街', unit: null, room: '商铺12' }],
  ])('%j → %j', (cells, address) => {
    const result = normalizeRow(row({ ...cells, name: '张三' }), HEADER, 5);
    expect(result.ok && { building: result.value.building, unit: result.value.unit, room: result.value.room }).toEqual(address);
  });

  it.each([
    [{ r: '1502' }, '房号', 'room_invalid'],
    [{ b: '3' }, '房号', 'required'],
    [{ b: '3', r: '1'.repeat(21) }, '房号', 'too_long'],
    [{ r: '3-2-1502', u: '5' }, '房号', 'room_invalid'],
  ])('%j is refused in %s with %s', (cells, column, code) => {
    const result = normalizeRow(row({ ...cells, name: '张三' }), HEADER, 7);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ row: 7, column, code });
  });

  it('a row with only the room registers the household without a resident', () => {
    const result = normalizeRow(row({ r: '3-2-1502' }), HEADER, 3);
    expect(result.ok && result.value.resident).toBeNull();
  });
});

describe('phones', () => {
  it.each([
    ['13800138000', ['+8613800138000']],
    [13800138000, ['+8613800138000']],
    ['138 0013 8000 / 0571-88888888，13900139000', ['+8613800138000', '+8657188888888', '+8613900139000']],
    ['13800138000、13800138000', ['+8613800138000']],
    ['0571-88888888-123', ['+8657188888888;ext=123']],
    ['１３８００１３８０００', ['+8613800138000']],
    ['+86 138 0013 8000', ['+8613800138000']],
  ])('%j → %j', (cell, numbers) => {
    const result = normalizeRow(row({ r: '1-1-101', name: '张三', phone: cell }), HEADER, 2);
    expect(result.ok && result.value.resident!.phones!.map((p) => p.number)).toEqual(numbers);
  });

  it('a bad number in a multi-number cell is reported with the bad part', () => {
    const result = normalizeRow(row({ r: '1-1-101', name: '张三', phone: '13800138000，12345' }), HEADER, 9);
    expect(!result.ok && result.errors).toEqual([{ row: 9, column: '手机', code: 'phone_invalid', params: { value: '12345' }, value: '12345' }]);
  });

  it('more than five numbers are too many', () => {
    const cell = ['13800138000', '13800138001', '13800138002', '13800138003', '13800138004', '13800138005'].join('、');
    const result = normalizeRow(row({ r: '1-1-101', name: '张三', phone: cell }), HEADER, 2);
    expect(!result.ok && result.errors[0].code).toBe('too_many');
  });
});

describe('dates', () => {
  it.each<[Cell, string]>([
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
    [45356, '2024-03-05'],
    ['45356', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024/3/5 0:00:00', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
  ])('%j → %s', (cell, iso) => {
    expect(parseDate(cell, typeof cell === 'string' ? cell : '')).toBe(iso);
  });

  it.each(['2024-02-30', '2024/13/1', '明年', '2024-03', '30'])('%j is not a date', (text) => {
    expect(parseDate(text, text)).toBeNull();
    const result = normalizeRow(row({ r: '1-1-101', name: '张三', date: text }), HEADER, 4);
    expect(!result.ok && result.errors[0]).toMatchObject({ column: '入住日期', code: 'date_invalid', value: text });
  });
});

describe('roles, tags, names and notes', () => {
  it.each([
    ['业主', 'owner'],
    ['房东', 'owner'],
    ['租户', 'tenant'],
    ['租客', 'tenant'],
    ['商户', 'merchant'],
    ['商家', 'merchant'],
    [' 业 主 ', 'owner'],
  ])('%s → %s', (word, role) => expect(parseRole(word)).toBe(role));

  it('an empty role stays empty (owner for new residents), an unknown one is refused', () => {
    expect(normalizeRow(row({ r: '1-1-101', name: '张三' }), HEADER, 2)).toMatchObject({ ok: true, value: { resident: { role: null } } });
    const bad = normalizeRow(row({ r: '1-1-101', name: '张三', role: '亲戚' }), HEADER, 2);
    expect(!bad.ok && bad.errors[0]).toMatchObject({ column: '身份', code: 'role_invalid' });
  });

  it('tags split on 、,，;； and repeat once', () => {
    const result = normalizeRow(row({ r: '1-1-101', name: '张三', tags: 'VIP、独居老人,VIP；重点关注;  ' }), HEADER, 2);
    expect(result.ok && result.value.resident!.tags).toEqual(['VIP', '独居老人', '重点关注']);
  });

  it('a resident field without a name is refused: 姓名 is required', () => {
    const result = normalizeRow(row({ r: '1-1-101', phone: '13800138000' }), HEADER, 6);
    expect(!result.ok && result.errors).toEqual([{ row: 6, column: '姓名', code: 'required' }]);
  });

  it('names and notes keep Chinese punctuation as written', () => {
    const result = normalizeRow(row({ r: '1-1-101', name: ' 欧阳娜娜 ', notes: '周末在家，电话：先发短信' }), HEADER, 2);
    expect(result.ok && result.value.resident).toMatchObject({ name: '欧阳娜娜', notes: '周末在家，电话：先发短信' });
  });

  it('absurdly long cells are refused before parsing', () => {
    const result = normalizeRow(row({ r: '1-1-101', name: '张'.repeat(5000) }), HEADER, 2);
    expect(!result.ok && result.errors[0]).toMatchObject({ column: '姓名', code: 'too_long', params: { max: 2000 } });
    expect(!result.ok && result.errors[0].value!.length).toBeLessThanOrEqual(201);
  });
});

describe('formula defence', () => {
  it.each(['=HYPERLINK("http://evil","点我")', '=1+1', '@SUM(A1)', '+cmd|/c calc', '-2+3+cmd|x'])('%j is refused as formula_like', (text) => {
    const result = normalizeRow(row({ r: '1-1-101', name: text }), HEADER, 3);
    expect(!result.ok && result.errors[0]).toMatchObject({ column: '姓名', code: 'formula_like' });
  });

  it('an apostrophe-prefixed formula is literal text, as the export writes it', () => {
    const result = normalizeRow(row({ r: '1-1-101', name: '张三', notes: "'=SUM(A1)" }), HEADER, 3);
    expect(result.ok && result.value.resident!.notes).toBe('=SUM(A1)');
  });

  it('neutralise and unneutralise are inverse', () => {
    for (const text of ['=SUM(A1)', '+86', '-', '@x', "'=x", "''+y", '普通', "'abc"]) {
      expect(unneutralise(neutralise(text)).text).toBe(text);
    }
    expect(neutralise('=1')).toBe("'=1");
    expect(looksLikeFormula('+86 138 0013 8000')).toBe(false);
    expect(looksLikeFormula('-')).toBe(false);
  });

  it.each(['\u0000=1+1', '\u001f@SUM(1)', '\u007f=cmd|x', '\u00a0=1', '\u200b=1'])('%j, a formula behind control characters or blanks, is refused as formula_like', (text) => {
    const result = normalizeRow(row({ r: '1-1-101', name: '张三', notes: text }), HEADER, 3);
    expect(!result.ok && result.errors[0]).toMatchObject({ column: '备注', code: 'formula_like' });
  });

  it('neutralise drops control characters and looks past blanks; unneutralise gives the text back without them', () => {
    expect(neutralise('\u0000=1+1')).toBe("'=1+1");
    expect(neutralise('\t=1')).toBe("'\t=1");
    expect(neutralise('\r@SUM(1)')).toBe("'\r@SUM(1)");
    expect(neutralise(' =1')).toBe("' =1");
    expect(neutralise('a\u0000b\u0007c')).toBe('abc');
    expect(neutralise('第一行\n第二行\t制表')).toBe('第一行\n第二行\t制表');
    for (const text of ['\t=1', ' =1', '\r\n@x', "' =1"]) expect(unneutralise(neutralise(text)).text).toBe(text);
  });

  it('a phone written as +86 is not a formula', () => {
    expect(normalizeRow(row({ r: '1-1-101', name: '张三', phone: '+8613800138000' }), HEADER, 2).ok).toBe(true);
  });
});
