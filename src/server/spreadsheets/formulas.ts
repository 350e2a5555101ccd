/**
 * The spreadsheet-formula defence shared by every import and export: a cell that starts with = + - @ could
 * run as a formula when the file is opened or re-saved as CSV, so exports prefix an apostrophe and the
 * roster import strips it again. Spreadsheet programs drop control characters and many trim leading blanks,
 * so "\u0000=1+1", "\t=1" and " =1" are formulas too: control characters are removed before the check, and
 * the check looks past leading blanks.
 */

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL: not allowed in the XML of
 * an xlsx, so the writer drops them, and whatever follows them becomes the start of the cell.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Blanks a spreadsheet may trim before it reads a formula: spaces, tabs, line breaks, zero-width characters. */
const BLANK = '\\s\\u200B-\\u200D\\uFEFF';

/** Text a spreadsheet could run: a formula character, possibly behind blanks and apostrophes that are data. */
const FORMULA_START = new RegExp(`^[${BLANK}']*[=+\\-@]`);
const LEADING_BLANKS = new RegExp(`^[${BLANK}]+`);

/** Text without the control characters a spreadsheet would drop. */
export function withoutControls(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * Looks like a formula a spreadsheet would execute: "=…", "@…", or "+"/"-" text holding a call, a pipe
 * or a sheet reference ("+HYPERLINK(", "-2+3+cmd|' /C calc'!A0"), also behind control characters and
 * blanks. "+86 138 0013 8000" and "-" stay text.
 */
export function looksLikeFormula(text: string): boolean {
  const t = withoutControls(text).replace(LEADING_BLANKS, '');
  return /^[=@]/.test(t) || /^[+-][^]*(?:[(|!]|[A-Za-z_]\s*\()/.test(t);
}

/**
 * The export's form of a text cell: control characters removed, then "'=SUM(A1)" for "=SUM(A1)" (and
 * "' =1" for " =1"), unchanged otherwise. Every text an export writes goes through here.
 */
export function neutralise(text: string): string {
  const t = withoutControls(text);
  return FORMULA_START.test(t) ? `'${t}` : t;
}

/** The import's inverse of `neutralise`: "'=SUM(A1)" → "=SUM(A1)", marked as neutralised text. */
export function unneutralise(text: string): { text: string; neutralised: boolean } {
  return text[0] === "'" && FORMULA_START.test(text.slice(1))
    ? { text: text.slice(1), neutralised: true }
    : { text, neutralised: false };
}
