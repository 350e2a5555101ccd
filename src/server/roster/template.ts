/**
 * The import template: the roster sheet with the nine Chinese headers (text-formatted where Excel would
 * otherwise turn phones into 1.38E+10 or drop leading zeros, and a 身份 drop-down), and a second sheet
 * 填写说明 explaining every column with examples. Built once per process, when first asked for.
 */
import { COLUMN_HEADERS, COLUMN_KEYS, type ColumnKey } from './columns.js';
import { loadExcelJS } from '../spreadsheets/libraries.js';
import { HEADER_STYLE } from '../spreadsheets/xlsx.js';

export const ROSTER_SHEET = '业主名单';

export const COLUMN_WIDTHS: Record<ColumnKey, number> = {
  building: 10,
  unit: 8,
  room: 12,
  name: 14,
  role: 8,
  phones: 28,
  moveInDate: 13,
  tags: 20,
  notes: 40,
};

const GUIDE: Record<ColumnKey, { required: string; help: string; example: string }> = {
  building: {
    required: '是（或写在房号里）',
    help: '楼栋号或楼栋名称，“3栋”“3#”“A座”均可；也可以不填本列，把完整房号写在“房号”列',
    example: '3',
  },
  unit: { required: '否', help: '单元号，“2单元”“2”均可；没有单元的楼栋留空', example: '2' },
  room: {
    required: '是',
    help: '房号；也可写完整房号，如“3-2-1502”“3栋2单元1502室”“3#2-1502”“A座1502”，此时楼栋、单元可不填',
    example: '1502',
  },
  name: { required: '是（只登记房屋时可空）', help: '住户姓名；整行只填楼栋、单元、房号时，只登记房屋（如空置房）', example: '张三' },
  role: { required: '否', help: '业主、租户 或 商户（也认“房东”“租客”“商家”）；留空新住户视为业主，已有住户保持不变', example: '业主' },
  phones: {
    required: '否',
    help: '手机或固定电话，多个号码用顿号、逗号或分号隔开；固话可带区号和分机，如“0571-88888888 转 123”',
    example: '13800138000、0571-88888888',
  },
  moveInDate: { required: '否', help: '入住日期：日期格式单元格，或 2024-03-05、2024/3/5、2024年3月5日、2024.3.5', example: '2024-03-05' },
  tags: { required: '否', help: '标签，多个用顿号、逗号或分号隔开；新标签会自动加入公司标签库', example: 'VIP、独居老人' },
  notes: { required: '否', help: '备注，最多 1000 字', example: '周末在家' },
};

const RULES = [
  '导入规则：',
  '1. 同一小区内“楼栋 + 单元 + 房号”相同即为同一房屋；同一房屋内手机号相同（没有手机号时姓名相同）即为同一住户。',
  '2. 重复导入同一文件不会产生重复数据；修改后再次导入只更新有变化的住户。',
  '3. 已有住户的某一列留空时保持系统中的原值不变；填写了手机或标签时，以文件中的号码和标签为准。',
  '4. 表头上方可以有标题行，空行会被跳过；有错误的行不导入，可下载错误报告修改后重新导入。',
  '5. 以 = + - @ 开头的内容可能被表格软件当作公式执行，会被拒绝；如确需此内容，请在开头加英文单引号。',
  '6. 支持 .xlsx 和 .csv（UTF-8 或 GBK 编码）；旧版 .xls 请先另存为 .xlsx。',
];

/** Columns Excel must keep as text. */
export const TEXT_COLUMNS: ColumnKey[] = ['building', 'unit', 'room', 'phones'];

let cached: Promise<Buffer> | null = null;

export function rosterTemplate(): Promise<Buffer> {
  cached ??= buildTemplate().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

async function buildTemplate(): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(ROSTER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMN_KEYS.map((key) => ({
    header: COLUMN_HEADERS[key],
    key,
    width: COLUMN_WIDTHS[key],
    style: TEXT_COLUMNS.includes(key) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).eachCell((cell) => (cell.style = { ...HEADER_STYLE, numFmt: cell.numFmt }));
  const roleColumn = COLUMN_KEYS.indexOf('role') + 1;
  for (let row = 2; row <= 2000; row++) {
    sheet.getCell(row, roleColumn).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"业主,租户,商户"'],
      showErrorMessage: true,
      errorTitle: '身份',
      error: '请选择 业主、租户 或 商户',
    };
  }

  const guide = workbook.addWorksheet('填写说明');
  guide.columns = [
    { header: '列名', key: 'column', width: 12 },
    { header: '是否必填', key: 'required', width: 22 },
    { header: '说明', key: 'help', width: 80 },
    { header: '示例', key: 'example', width: 28 },
  ];
  guide.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
  for (const key of COLUMN_KEYS) {
    const row = guide.addRow({ column: COLUMN_HEADERS[key], ...GUIDE[key] });
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  guide.addRow([]);
  for (const line of RULES) guide.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
