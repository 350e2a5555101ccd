/**
 * One spreadsheet row → a validated roster row, or the reasons it cannot be imported. Pure: no database,
 * so every messy form property offices write (combined rooms, several phones in a cell, Excel serial dates,
 * 房东/租客 …) is covered by fast unit tests.
 */
import type { ResidentRole } from '../db/schema.js';
import { cleanBuilding, cleanRoom, cleanUnit, normalizeText, parseRoomLabel } from '../households/room.js';
import { parsePhone, splitPhones, type Phone } from '../residents/phones.js';
import { cellText, isoDate, looksLikeFormula, MAX_CELL_CHARS, unneutralise, type Cell } from './cells.js';
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

export function normalizeRow(cells: readonly Cell[], header: HeaderMap, row: number): NormalizedRow {
  const errors: RowError[] = [];
  const fail = (key: ColumnKey | null, code: RowErrorCode, value?: string, params?: Record<string, unknown>) => {
    errors.push({
      row,
      column: key ? COLUMN_HEADERS[key] : null,
      code,
      ...(params ? { params } : {}),
      ...(value ? { value: value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value } : {}),
    });
  };

  // Text of every known column, with the formula defence applied once for all of them.
  const text = {} as Record<ColumnKey, string>;
  const raw = {} as Record<ColumnKey, Cell>;
  for (const key of COLUMN_KEYS) {
    const index = header[key];
    const cell = index === undefined ? null : (cells[index] ?? null);
    raw[key] = cell;
    const t = cellText(cell);
    if (t.length > MAX_CELL_CHARS) {
      fail(key, 'too_long', t, { max: MAX_CELL_CHARS });
      text[key] = '';
      continue;
    }
    const { text: literal, neutralised } = unneutralise(t);
    if (!neutralised && looksLikeFormula(literal)) {
      fail(key, 'formula_like', literal);
      text[key] = '';
      continue;
    }
    text[key] = literal;
  }
  if (errors.length) return { ok: false, errors };

  const address = roomAddress(text.building, text.unit, text.room, fail);

  const residentGiven = COLUMN_KEYS.some((k) => !['building', 'unit', 'room'].includes(k) && text[k] !== '');
  let resident: ResidentInput | null = null;
  if (residentGiven) {
    const name = text.name;
    if (!name) fail('name', 'required');
    else if (name.length > LIMITS.name) fail('name', 'too_long', name, { max: LIMITS.name });
    const role = text.role ? parseRole(text.role) : null;
    if (text.role && !role) fail('role', 'role_invalid', text.role);
    const phones = text.phones ? parsePhones(text.phones, fail) : null;
    let moveInDate: string | null = null;
    if (text.moveInDate) {
      moveInDate = parseDate(raw.moveInDate, text.moveInDate);
      if (!moveInDate) fail('moveInDate', 'date_invalid', text.moveInDate);
    }
    const tags = text.tags ? parseTags(text.tags, fail) : null;
    const notes = text.notes ? text.notes : null;
    if (notes && notes.length > LIMITS.notes) fail('notes', 'too_long', notes, { max: LIMITS.notes });
    resident = { name, role, phones, moveInDate, tags, notes };
  }
  if (errors.length || !address) return { ok: false, errors };
  return { ok: true, value: { row, ...address, resident } };
}

type Fail = (key: ColumnKey | null, code: RowErrorCode, value?: string, params?: Record<string, unknown>) => void;

/**
 * Building, unit and room from separate columns or from one combined label in 房号 ("3-2-1502",
 * "3栋2单元1502室"). A combined label wins when 楼栋 is empty or agrees with it.
 */
function roomAddress(buildingText: string, unitText: string, roomText: string, fail: Fail) {
  if (!roomText) {
    fail('room', 'required');
    return null;
  }
  const building = buildingText ? cleanBuilding(buildingText) : '';
  const unit = unitText ? cleanUnit(unitText) : '';
  const parsed = parseRoomLabel(roomText);
  let result: { building: string; unit: string | null; room: string } | null = null;
  if (parsed && (!building || cleanBuilding(parsed.building) === building)) {
    if (parsed.unit && unit && cleanUnit(parsed.unit) !== unit) {
      fail('room', 'room_invalid', roomText);
      return null;
    }
    result = { building: cleanBuilding(parsed.building), unit: parsed.unit ? cleanUnit(parsed.unit) : unit || null, room: cleanRoom(parsed.room) };
  } else if (building) {
    result = { building, unit: unit || null, room: cleanRoom(roomText) };
  } else {
    fail('room', 'room_invalid', roomText);
    return null;
  }
  const checks: [ColumnKey, string | null, number][] = [
    ['building', result.building, LIMITS.building],
    ['unit', result.unit, LIMITS.unit],
    ['room', result.room, LIMITS.room],
  ];
  let ok = true;
  for (const [key, value, max] of checks) {
    if (value === null) continue;
    if (!value || /\p{Cc}/u.test(value)) {
      fail(key, key === 'room' ? 'room_invalid' : 'required', value || undefined);
      ok = false;
    } else if (value.length > max) {
      fail(key, 'too_long', value, { max });
      ok = false;
    }
  }
  return ok ? result : null;
}

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

export function parseRole(text: string): ResidentRole | null {
  return ROLE_WORDS[normalizeText(text).replace(/\s/g, '').toLowerCase()] ?? null;
}

function parsePhones(text: string, fail: Fail): Phone[] | null {
  const phones: Phone[] = [];
  let ok = true;
  for (const part of splitPhones(text)) {
    const phone = parsePhone(part);
    if (!phone) {
      fail('phones', 'phone_invalid', part, { value: part.length > 40 ? `${part.slice(0, 40)}…` : part });
      ok = false;
    } else if (!phones.some((p) => p.number === phone.number)) {
      phones.push(phone);
    }
  }
  if (ok && phones.length > LIMITS.phones) {
    fail('phones', 'too_many', text, { max: LIMITS.phones });
    ok = false;
  }
  return ok ? phones : null;
}

function parseTags(text: string, fail: Fail): string[] | null {
  const tags = [...new Set(text.split(/[、,，;；]+/).map((t) => t.trim()).filter(Boolean))];
  const long = tags.find((t) => t.length > LIMITS.tag);
  if (long) {
    fail('tags', 'too_long', long, { max: LIMITS.tag });
    return null;
  }
  if (tags.length > LIMITS.tags) {
    fail('tags', 'too_many', text, { max: LIMITS.tags });
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
  const s = normalizeText(text).replace(/\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '').replace(/\s/g, '');
  if (/^\d{1,5}(\.\d+)?$/.test(s)) return fromSerial(Number(s));
  const m = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return null;
  return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

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
