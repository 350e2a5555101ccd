/**
 * One spreadsheet row → a validated roster row, or the reasons it cannot be imported. Pure: no database,
 * so every messy form property offices write (combined rooms, several phones in a cell, Excel serial dates,
 * 房东/租客 …) is covered by fast unit tests.
 */
import type { ResidentRole } from '../db/schema.js';
import { cleanBuilding, cleanRoom, cleanUnit, normalizeText, parseRoomLabel } from '../households/room.js';
import { parsePhone, splitPhones, type Phone } from '../residents/phones.js';
import { looksLikeFormula, unneutralise } from '../spreadsheets/formulas.js';
import { cellText, isoDate, MAX_CELL_CHARS, type Cell } from './cells.js';
import { COLUMN_HEADERS, COLUMN_KEYS, type ColumnKey, type HeaderMap } from './columns.js';
import type { RowErrorCode } from './row-messages.js';

export const LIMITS = { building: 20, unit: 20, room: 20, name: 50, notes: 1000, tag: 30, tags: 20, phones: 5 } as const;

export interface ResidentInput {
  name: string;
  /** null: the cell was empty (a new resident becomes an owner, an existing one keeps the role) */
  role: ResidentRole | null;
  /** null: the cell was empty — existing phones are kept */
  phones: Phone[] | null;
  moveInDate: string | null;
  tags: string[] | null;
  notes: string | null;
}

export interface RosterRow {
  /** 1-based row number as the user sees it in Excel */
  row: number;
  building: string;
  unit: string | null;
  room: string;
  /** null: a row naming only the room (a vacant or not yet known household) */
  resident: ResidentInput | null;
}

export interface RowError {
  row: number;
  /** the template's header of the column, null for the whole row */
  column: string | null;
  code: RowErrorCode;
  params?: Record<string, unknown>;
  /** the cell as written, shortened */
  value?: string;
}

export type NormalizedRow = { ok: true; value: RosterRow } | { ok: false; errors: RowError[] };

const MAX_VALUE_CHARS = 200;

/** The columns that describe a resident rather than the room. */
const RESIDENT_KEYS = COLUMN_KEYS.filter((k) => k !== 'building' && k !== 'unit' && k !== 'room');

/** Where a row's errors are collected; one per row, handed to the helpers instead of a closure. */
interface RowIssues {
  row: number;
  errors: RowError[];
}

function fail(issues: RowIssues, key: ColumnKey | null, code: RowErrorCode, value?: string, params?: Record<string, unknown>): void {
  issues.errors.push({
    row: issues.row,
    column: key ? COLUMN_HEADERS[key] : null,
    code,
    ...(params ? { params } : {}),
    ...(value ? { value: value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value } : {}),
  });
}

/**
 * Remembers the results of a pure function of one text. A roster repeats the same buildings, units, roles and
 * dates thousands of times; the cache starts over when full, so a file of unique values cannot grow it.
 */
function remembered<T>(fn: (text: string) => T, max = 5000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= max) cache.clear();
    cache.set(text, value);
    return value;
  };
}

const building = remembered(cleanBuilding);
const unitName = remembered(cleanUnit);
const roomName = remembered(cleanRoom);
/** Shared results: readers must not change them. */
const roomLabel = remembered(parseRoomLabel);

export function normalizeRow(cells: readonly Cell[], header: HeaderMap, row: number): NormalizedRow {
  const issues: RowIssues = { row, errors: [] };
  const { errors } = issues;

  // Text of every known column, with the formula defence applied once for all of them.
  const text = {} as Record<ColumnKey, string>;
  const raw = {} as Record<ColumnKey, Cell>;
  for (const key of COLUMN_KEYS) {
    const index = header[key];
    const cell = index === undefined ? null : (cells[index] ?? null);
    raw[key] = cell;
    const t = cellText(cell);
    if (t.length > MAX_CELL_CHARS) {
      fail(issues, key, 'too_long', t, { max: MAX_CELL_CHARS });
      text[key] = '';
      continue;
    }
    const { text: literal, neutralised } = unneutralise(t);
    if (!neutralised && looksLikeFormula(literal)) {
      fail(issues, key, 'formula_like', literal);
      text[key] = '';
      continue;
    }
    text[key] = literal;
  }
  if (errors.length) return { ok: false, errors };

  const address = roomAddress(text.building, text.unit, text.room, issues);

  const residentGiven = RESIDENT_KEYS.some((k) => text[k] !== '');
  let resident: ResidentInput | null = null;
  if (residentGiven) {
    const name = text.name;
    if (!name) fail(issues, 'name', 'required');
    else if (name.length > LIMITS.name) fail(issues, 'name', 'too_long', name, { max: LIMITS.name });
    const role = text.role ? parseRole(text.role) : null;
    if (text.role && !role) fail(issues, 'role', 'role_invalid', text.role);
    const phones = text.phones ? parsePhones(text.phones, issues) : null;
    let moveInDate: string | null = null;
    if (text.moveInDate) {
      moveInDate = parseDate(raw.moveInDate, text.moveInDate);
      if (!moveInDate) fail(issues, 'moveInDate', 'date_invalid', text.moveInDate);
    }
    const tags = text.tags ? parseTags(text.tags, issues) : null;
    const notes = text.notes ? text.notes : null;
    if (notes && notes.length > LIMITS.notes) fail(issues, 'notes', 'too_long', notes, { max: LIMITS.notes });
    resident = { name, role, phones, moveInDate, tags, notes };
  }
  if (errors.length || !address) return { ok: false, errors };
  return { ok: true, value: { row, building: address.building, unit: address.unit, room: address.room, resident } };
}

const ADDRESS_LIMITS: [ColumnKey & ('building' | 'unit' | 'room'), number][] = [
  ['building', LIMITS.building],
  ['unit', LIMITS.unit],
  ['room', LIMITS.room],
];

/**
 * Building, unit and room from separate columns or from one combined label in 房号 ("3-2-1502",
 * "3栋2单元1502室"). A combined label wins when 楼栋 is empty or agrees with it.
 */
function roomAddress(buildingText: string, unitText: string, roomText: string, issues: RowIssues) {
  if (!roomText) {
    fail(issues, 'room', 'required');
    return null;
  }
  const b = buildingText ? building(buildingText) : '';
  const unit = unitText ? unitName(unitText) : '';
  const parsed = roomLabel(roomText);
  let result: { building: string; unit: string | null; room: string } | null = null;
  if (parsed && (!b || building(parsed.building) === b)) {
    if (parsed.unit && unit && unitName(parsed.unit) !== unit) {
      fail(issues, 'room', 'room_invalid', roomText);
      return null;
    }
    result = { building: building(parsed.building), unit: parsed.unit ? unitName(parsed.unit) : unit || null, room: roomName(parsed.room) };
  } else if (b) {
    result = { building: b, unit: unit || null, room: roomName(roomText) };
  } else {
    fail(issues, 'room', 'room_invalid', roomText);
    return null;
  }
  let ok = true;
  for (const [key, max] of ADDRESS_LIMITS) {
    const value = result[key];
    if (value === null) continue;
    if (!value || CONTROL.test(value)) {
      fail(issues, key, key === 'room' ? 'room_invalid' : 'required', value || undefined);
      ok = false;
    } else if (value.length > max) {
      fail(issues, key, 'too_long', value, { max });
      ok = false;
    }
  }
  return ok ? result : null;
}

const CONTROL = /\p{Cc}/u;

const ROLE_WORDS: Record<string, ResidentRole> = {
  业主: 'owner',
  房东: 'owner',
  产权人: 'owner',
  户主: 'owner',
  owner: 'owner',
  租户: 'tenant',
  租客: 'tenant',
  承租人: 'tenant',
  tenant: 'tenant',
  商户: 'merchant',
  商家: 'merchant',
  merchant: 'merchant',
};

export const parseRole = remembered((text: string): ResidentRole | null => ROLE_WORDS[normalizeText(text).replace(/\s/g, '').toLowerCase()] ?? null);

function parsePhones(text: string, issues: RowIssues): Phone[] | null {
  const phones: Phone[] = [];
  let ok = true;
  for (const part of splitPhones(text)) {
    const phone = parsePhone(part);
    if (!phone) {
      fail(issues, 'phones', 'phone_invalid', part, { value: part.length > 40 ? `${part.slice(0, 40)}…` : part });
      ok = false;
    } else if (!phones.some((p) => p.number === phone.number)) {
      phones.push(phone);
    }
  }
  if (ok && phones.length > LIMITS.phones) {
    fail(issues, 'phones', 'too_many', text, { max: LIMITS.phones });
    ok = false;
  }
  return ok ? phones : null;
}

function parseTags(text: string, issues: RowIssues): string[] | null {
  const tags = [...new Set(text.split(/[、,，;；]+/).map((t) => t.trim()).filter(Boolean))];
  const long = tags.find((t) => t.length > LIMITS.tag);
  if (long) {
    fail(issues, 'tags', 'too_long', long, { max: LIMITS.tag });
    return null;
  }
  if (tags.length > LIMITS.tags) {
    fail(issues, 'tags', 'too_many', text, { max: LIMITS.tags });
    return null;
  }
  return tags;
}

/** Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/**
 * A move-in date from a date cell, an Excel serial number (45356, as a number or as text), or text
 * written as 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 or 20240305 (a trailing time is ignored).
 */
export function parseDate(cell: Cell, text: string): string | null {
  if (cell instanceof Date) return validYear(isoDate(cell));
  if (typeof cell === 'number') return fromSerial(cell);
  return textDate(text);
}

const textDate = remembered((text: string): string | null => {
  const s = normalizeText(text).replace(/\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '').replace(/\s/g, '');
  if (/^\d{1,5}(\.\d+)?$/.test(s)) return fromSerial(Number(s));
  const m = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return null;
  return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
});

function fromSerial(serial: number): string | null {
  // Serials below 61 fall before 1900-03-01, where Excel's calendar is wrong; no roster means those.
  if (!Number.isFinite(serial) || serial < 61) return null;
  return validYear(isoDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS)));
}

function calendarDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return validYear(isoDate(date));
}

function validYear(iso: string | null): string | null {
  if (!iso) return null;
  const year = Number(iso.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR ? iso : null;
}
