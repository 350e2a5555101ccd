/**
 * The spreadsheet-formula defence shared by every import and export: a cell that starts with = + - @ could
 * run as a formula when the file is opened or re-saved as CSV, so exports prefix an apostrophe and the
 * roster import strips it again.
 */

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
