/**
 * How property offices write a room: "3-2-1502", "3栋2单元1502室", "3#2-1502", "A座1502", or building,
 * unit and room in separate columns. Pure functions shared by search, import and forms.
 */

/** Full-width digits and letters to half-width, NFKC, trimmed; inner whitespace collapsed. */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

export interface RoomAddress {
  building: string;
  unit: string | null;
  room: string;
}

const BUILDING_SUFFIX = /(栋|幢|号楼|楼|座|#)$/;
const UNIT_SUFFIX = /(单元|单)$/;
const ROOM_SUFFIX = /(室|号|房)$/;

/** "3栋" → "3", "A座" → "A"; keeps the name when there is no suffix. */
export const cleanBuilding = (v: string) => normalizeText(v).replace(BUILDING_SUFFIX, '').trim();
export const cleanUnit = (v: string) => normalizeText(v).replace(UNIT_SUFFIX, '').trim();
export const cleanRoom = (v: string) => normalizeText(v).replace(ROOM_SUFFIX, '').trim();

/**
 * Splits a combined room label into building, unit and room; null when the text is not a room label.
 * Accepted: "3-2-1502", "3-1502", "3栋2单元1502室", "3幢1502", "3#2-1502", "A座2单元1502", "3/2/1502".
 */
export function parseRoomLabel(input: string): RoomAddress | null {
  const s = normalizeText(input).replace(/\s/g, '');
  if (!s) return null;
  const dashed = s.match(/^([A-Za-z0-9]+)(?:#|栋|幢|座|号楼)?[-/_.]([A-Za-z0-9]+)(?:单元)?(?:[-/_.]([A-Za-z0-9]+))?(?:室|号)?$/);
  if (dashed) {
    const [, a, b, c] = dashed;
    return c ? { building: a, unit: b, room: c } : { building: a, unit: null, room: b };
  }
  const written = s.match(/^([A-Za-z0-9]+)(?:栋|幢|座|号楼|#)(?:([A-Za-z0-9]+)(?:单元|单|-))?-?([A-Za-z0-9]+)(?:室|号|房)?$/);
  if (written) {
    const [, building, unit, room] = written;
    return { building, unit: unit ?? null, room };
  }
  return null;
}

/** The label staff read: "3栋2单元1502", or "3栋1502" without a unit. Building names that are words stay as they are. */
export function formatRoomLabel(a: { building: string; unit: string | null; room: string }): string {
  const building = /^[A-Za-z0-9]+$/.test(a.building) ? `${a.building}栋` : a.building;
  const unit = a.unit ? (/^[A-Za-z0-9]+$/.test(a.unit) ? `${a.unit}单元` : a.unit) : '';
  return `${building}${unit}${a.room}`;
}

/**
 * A key that sorts households the way people count: building, unit and room compared by their numbers
 * ("2" before "10", "3" before "3A"). Stored with each household and indexed, so lists come out in order.
 */
export function householdSortKey(building: string, unit: string | null, room: string): string {
  const natural = (v: string) => v.replace(/\d+/g, (d) => d.padStart(8, '0'));
  return [natural(building), natural(unit ?? ''), natural(room)].join('\u0001');
}
