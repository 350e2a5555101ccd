/** Cells as the readers hand them over (text, numbers, dates) turned into text. */

/** What a reader yields per cell: formulas are already replaced by their cached value, never evaluated. */
export type Cell = string | number | boolean | Date | null;

/** Longest cell text looked at; anything longer is refused before any parsing. */
export const MAX_CELL_CHARS = 2000;

/** Cell text without zero-width characters and outer whitespace; numbers without float noise. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.replace(/[\u200B-\u200D\uFEFF]/g, '').trim();
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(Number(cell.toPrecision(15)));
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return isoDate(cell) ?? '';
}

/** A date cell as YYYY-MM-DD; spreadsheet dates carry no time zone, so the UTC calendar day is the one meant. */
export function isoDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 10);
}
