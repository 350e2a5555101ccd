/**
 * Cells as the readers hand them over (text, numbers, dates) turned into text, and the spreadsheet-formula
 * defence shared by import and export: a cell that starts with = + - @ could run as a formula when the
 * file is opened or re-saved as CSV, so the export prefixes an apostrophe and the import strips it again.
 */

/** What a reader yields per cell: formulas are already replaced by their cached value, never evaluated. */
export type Cell = string | number | boolean | Date | null;

/** Longest cell text looked at; anything longer is refused before any parsing. */
export const MAX_CELL_CHARS = 2000;

/** Text a spreadsheet could run: a formula character, possibly behind apostrophes that are themselves data. */
const FORMULA_START = /^'*[=+\-@]/;

/**
 * Looks like a formula a spreadsheet would execute: "=…", "@…", or "+"/"-" text holding a call, a pipe
 * or a sheet reference ("+HYPERLINK(", "-2+3+cmd|' /C calc'!A0"). "+86 138 0013 8000" and "-" stay text.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=@]/.test(text) || /^[+-][^]*(?:[(|!]|[A-Za-z_]\s*\()/.test(text);
}

/** The export's form of a text cell: "'=SUM(A1)" for "=SUM(A1)", unchanged otherwise. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The import's inverse of `neutralise`: "'=SUM(A1)" → "=SUM(A1)", marked as neutralised text. */
export function unneutralise(text: string): { text: string; neutralised: boolean } {
  return text[0] === "'" && FORMULA_START.test(text.slice(1))
    ? { text: text.slice(1), neutralised: true }
    : { text, neutralised: false };
}

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
