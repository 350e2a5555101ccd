/**
 * The roster's columns: the template's Chinese headers, the variants property offices really write
 * (栋号, 业主姓名, 联系电话 …), and finding the header row below merged title rows. Pure functions.
 */

export const COLUMN_KEYS = ['building', 'unit', 'room', 'name', 'role', 'phones', 'moveInDate', 'tags', 'notes'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The template's header for each column; also how errors name a column. */
export const COLUMN_HEADERS: Record<ColumnKey, string> = {
  building: '楼栋',
  unit: '单元',
  room: '房号',
  name: '姓名',
  role: '身份',
  phones: '手机',
  moveInDate: '入住日期',
  tags: '标签',
  notes: '备注',
};

const ALIASES: Record<ColumnKey, string[]> = {
  building: ['楼栋', '栋号', '楼号', '楼栋号', '幢号', '楼栋名称', '楼宇', '楼幢', '栋', '幢', '楼'],
  unit: ['单元', '单元号', '单元名称'],
  room: ['房号', '房间号', '门牌号', '房屋编号', '房屋', '房间', '室号', '房号室号', '房屋号'],
  name: ['姓名', '业主姓名', '住户姓名', '客户名称', '客户姓名', '业主', '住户', '名称'],
  role: ['身份', '类型', '住户类型', '客户类型', '业主类型', '身份类型', '住户身份'],
  phones: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', '电话号码', '联系号码', '移动电话'],
  moveInDate: ['入住日期', '入住时间', '交房日期', '交房时间', '入伙日期', '入住'],
  tags: ['标签', '住户标签', '客户标签'],
  notes: ['备注', '说明', '备注信息'],
};

const BY_ALIAS = new Map<string, ColumnKey>(
  COLUMN_KEYS.flatMap((key) => ALIASES[key].map((alias) => [alias, key] as [string, ColumnKey])),
);

/** "* 手 机（必填）" → "手机": NFKC, no whitespace, no required-marks, no bracketed hints. */
export function headerKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[(（【[].*?[)）】\]]/g, '')
    .replace(/[\s*:：\u200B-\u200D\uFEFF]/g, '')
    .toLowerCase();
}

export function columnOf(raw: string): ColumnKey | null {
  return BY_ALIAS.get(headerKey(raw)) ?? null;
}

/** Column key → 0-based cell index in the row. */
export type HeaderMap = Partial<Record<ColumnKey, number>>;

/** Rows searched for the header; merged title rows and notes come first in many offices' files. */
export const HEADER_SEARCH_ROWS = 15;

/**
 * The header map of one row, or null when the row is not the header. A header names the room column and
 * at least one other known column; the first occurrence of a repeated column wins.
 */
export function matchHeader(cells: readonly string[]): HeaderMap | null {
  const map: HeaderMap = {};
  let known = 0;
  cells.forEach((cell, index) => {
    const key = cell ? columnOf(cell) : null;
    if (key && map[key] === undefined) {
      map[key] = index;
      known++;
    }
  });
  return map.room !== undefined && known >= 2 ? map : null;
}
