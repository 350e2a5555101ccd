import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText } from '../../../src/server/roster/cells.js';
import { matchHeader } from '../../../src/server/roster/columns.js';
import { normalizeRow } from '../../../src/server/roster/normalize-row.js';
import { detectDelimiter, detectEncoding, inspectFile, readRows } from '../../../src/server/roster/read-file.js';
import { csv, HEADER, junk, lyingZip, oldXls, xlsx, zip, zipBomb } from '../../fixtures/roster/files.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-unit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const limits = { maxBytes: 20 * 1024 * 1024, maxRows: 1000 };
let n = 0;

function save(data: Buffer): string {
  const file = path.join(dir, `f${++n}`);
  fs.writeFileSync(file, data);
  return file;
}

/** What the importer sees: every non-blank row after the header, normalised. */
async function parse(data: Buffer, name: string) {
  const file = save(data);
  const { kind } = await inspectFile(file, name, limits);
  let header: ReturnType<typeof matchHeader> = null;
  const out = [];
  for await (const { row, cells } of readRows(file, kind)) {
    if (!header) {
      header = matchHeader(cells.map(cellText));
      continue;
    }
    if (cells.every((c) => cellText(c) === '')) continue;
    out.push(normalizeRow(cells, header, row));
  }
  return { kind, header, rows: out };
}

const ROWS = [
  ['3', '2', '1502', '张三', '业主', '13800138000', '2024/3/5', 'VIP', '周末在家，先发短信'],
  ['', '', '3栋2单元1602室', '李四', '租客', '13900139000，0571-88888888', '2024年3月5日', '', ''],
];

describe('encodings', () => {
  it.each(['gbk', 'gb18030', 'utf8', 'utf8-bom'] as const)('a %s CSV reads the same Chinese text', async (encoding) => {
    const { kind, rows } = await parse(csv([HEADER, ...ROWS], encoding), 'roster.csv');
    expect(kind).toBe('csv');
    expect(rows.map((r) => r.ok && r.value.resident!.name)).toEqual(['张三', '李四']);
    expect(rows[0].ok && rows[0].value.resident!.notes).toBe('周末在家，先发短信');
  });

  it('detects BOM, valid UTF-8 and otherwise GB18030', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf8');
    expect(detectEncoding(Buffer.from('楼栋,房号', 'utf8'))).toBe('utf8');
    expect(detectEncoding(csv([HEADER], 'gbk'))).toBe('gb18030');
    // A UTF-8 character cut at the end of the sample is still UTF-8.
    expect(detectEncoding(Buffer.from('楼栋', 'utf8').subarray(0, 4))).toBe('utf8');
  });

  it('detects tab- and semicolon-separated files', () => {
    expect(detectDelimiter('楼栋\t房号\t姓名\n1\t101\t张三')).toBe('\t');
    expect(detectDelimiter('楼栋;房号;姓名\n1;101;张三')).toBe(';');
    expect(detectDelimiter('"a;b",房号,姓名')).toBe(',');
  });
});

describe('layout', () => {
  it('finds the header below merged title rows, skips blank rows and numbers rows as Excel does', async () => {
    const data = await xlsx(
      [['阳光花园业主名单'], ['制表日期：2024年3月'], HEADER, ROWS[0], [], [null, null, null], ROWS[1]],
      { merge: ['A1:I1', 'A2:I2'] },
    );
    const { kind, rows } = await parse(data, 'roster.xlsx');
    expect(kind).toBe('xlsx');
    expect(rows.map((r) => r.ok && r.value.row)).toEqual([4, 7]);
  });

  it('reads date cells, serial numbers, numbers as text and the cached value of formulas', async () => {
    const data = await xlsx(
      [
        ['栋号', '房间号', '业主姓名', '联系电话', '入住时间', '备注'],
        [3, 1502, '张三', 13800138000, new Date(Date.UTC(2024, 2, 5)), { formula: 'HYPERLINK("http://x","看房")', result: '看房' }],
        [3, 1503, { richText: [{ text: '李' }, { text: '四' }] }, '13900139000', 45356, null],
        [3, 1504, '王五', '13700137000', '2024.3.5', { formula: 'A1&B1' }],
      ],
      { dateColumns: [5] },
    );
    const { rows } = await parse(data, 'x.xlsx');
    expect(rows[0]).toMatchObject({ ok: true, value: { building: '3', room: '1502', resident: { name: '张三', moveInDate: '2024-03-05', notes: '看房' } } });
    expect(rows[0].ok && rows[0].value.resident!.phones![0].number).toBe('+8613800138000');
    expect(rows[1]).toMatchObject({ ok: true, value: { resident: { name: '李四', moveInDate: '2024-03-05' } } });
    // A formula without a cached value is never evaluated: the cell is refused.
    expect(rows[2]).toMatchObject({ ok: false, errors: [{ row: 4, column: '备注', code: 'formula_like' }] });
  });

  it('reports bad rows with the Excel row number, the Chinese column and a code', async () => {
    const data = csv([['小区住户表'], HEADER, ['1', '1', '101', '张三', '业主', '12345', '', '', ''], ['1', '1', '102', '', '', '13800138000', '', '', ''], ['1', '1', '103', '王五', '亲戚', '', '2024-02-30', '', '']], 'gbk');
    const { rows } = await parse(data, 'r.csv');
    const errors = rows.flatMap((r) => (r.ok ? [] : r.errors.map((e) => [e.row, e.column, e.code])));
    expect(errors).toEqual([
      [3, '手机', 'phone_invalid'],
      [4, '姓名', 'required'],
      [5, '身份', 'role_invalid'],
      [5, '入住日期', 'date_invalid'],
    ]);
  });
});

describe('hostile and wrong files', () => {
  const refused = async (data: Buffer, name: string) => {
    try {
      await inspectFile(save(data), name, limits);
      return null;
    } catch (err) {
      return (err as { code: string }).code;
    }
  };

  it('an old binary .xls is the wrong type, whatever it is called', async () => {
    expect(await refused(oldXls(), 'roster.xls')).toBe('import_file_type');
    expect(await refused(oldXls(), 'roster.xlsx')).toBe('import_file_type');
  });

  it('a zip bomb is refused from its directory, before anything inflates it', async () => {
    expect(await refused(zipBomb(), 'bomb.xlsx')).toBe('import_unreadable');
  });

  it('a zip that lies about its sizes is refused while inflating', async () => {
    expect(await refused(lyingZip(), 'liar.xlsx')).toBe('import_unreadable');
  });

  it('a zip that is not a workbook (e.g. a .docx) is the wrong type', async () => {
    expect(await refused(zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), 'a.xlsx')).toBe('import_file_type');
  });

  it('binary junk and a broken .xlsx are unreadable; an empty file has no header', async () => {
    expect(await refused(junk(), 'junk.csv')).toBe('import_unreadable');
    expect(await refused(Buffer.from('楼栋,房号\n1,101\n'), 'text.xlsx')).toBe('import_unreadable');
    expect(await refused(Buffer.alloc(0), 'empty.csv')).toBe('import_no_header');
  });

  it('too many rows are refused before any row is read', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ['1', '1', String(i + 100), `住户${i}`]);
    expect(await refused(csv([HEADER, ...rows]), 'big.csv')).toBe('import_too_many_rows');
    expect(await refused(await xlsx([HEADER, ...rows]), 'big.xlsx')).toBe('import_too_many_rows');
  });
});
