/**
 * Reading an uploaded roster safely: what the file really is (by its bytes, not its name), the zip
 * structure of an .xlsx checked with yauzl before exceljs touches it (entry count, declared and actual
 * uncompressed sizes, compression ratio — zip bombs end here), and then the rows, streamed one at a time
 * from exceljs or from csv-parse after detecting the encoding (UTF-8 with or without BOM, else GB18030).
 */
import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import type yauzl from 'yauzl';
import { AppError } from '../http/errors.js';
import type { Cell } from './cells.js';
import { loadCsvParse, loadExcelJS, loadIconv, loadYauzl } from '../spreadsheets/libraries.js';

export type RosterFileKind = 'xlsx' | 'csv';

export interface SheetRow {
  /** 1-based row number as shown by Excel */
  row: number;
  cells: Cell[];
}

export interface FileLimits {
  maxBytes: number;
  maxRows: number;
}

const SAMPLE_BYTES = 64 * 1024;
const MAX_ZIP_ENTRIES = 2000;
/** Per-entry compression ratio above which a large entry is treated as a zip bomb; real sheets stay near 10. */
const MAX_RATIO = 100;
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;
/** Longest CSV record accepted; an unclosed quote otherwise swallows the rest of the file into one cell. */
const MAX_CSV_RECORD_CHARS = 256 * 1024;

const unreadable = () => new AppError('import_unreadable', 422);
const wrongType = () => new AppError('import_file_type', 415);

const BINARY_SIGNATURES: number[][] = [
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2: old .xls, .doc, encrypted .xlsx
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
];

const startsWith = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);

/**
 * Decides what the file is and checks its structure and row count, before anything parses it.
 * Throws import_file_type, import_unreadable, import_no_header (empty) or import_too_many_rows.
 */
export async function inspectFile(path: string, fileName: string, limits: FileLimits): Promise<{ kind: RosterFileKind; rows: number }> {
  const sample = await readSample(path);
  if (sample.length === 0) throw new AppError('import_no_header', 422, { rows: 15 });
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  let kind: RosterFileKind;
  let rows: number;
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) {
    kind = 'xlsx';
    rows = await inspectXlsx(path, limits);
  } else if (BINARY_SIGNATURES.some((sig) => startsWith(sample, sig)) || ext === 'xls') {
    throw wrongType();
  } else if (ext === 'xlsx' || looksBinary(sample)) {
    throw unreadable();
  } else {
    kind = 'csv';
    rows = await countLines(path);
  }
  if (rows > limits.maxRows) throw new AppError('import_too_many_rows', 422, { limit: limits.maxRows });
  return { kind, rows };
}

async function readSample(path: string): Promise<Buffer> {
  const fd = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await fd.read(buf, 0, SAMPLE_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
}

/** Text files have no NUL bytes (UTF-16 aside) and hardly any control characters. */
function looksBinary(sample: Buffer): boolean {
  if (isUtf16(sample)) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control > sample.length / 100;
}

const isUtf16 = (b: Buffer) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/** CSV from Excel/WPS: UTF-8 with a BOM, UTF-16 ("Unicode text"), UTF-8 without a BOM, or else GB18030 (GBK's superset). */
export function detectEncoding(sample: Buffer): 'utf8' | 'utf16le' | 'utf16be' | 'gb18030' {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  try {
    // stream: true tolerates a character cut in half at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/** Comma, tab or semicolon: whichever the first lines use most (quoted text aside). */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const lines = text.split(/\r?\n/).slice(0, 30).map((l) => l.replace(/"[^"]*"/g, ''));
  const count = (d: string) => lines.reduce((n, l) => n + l.split(d).length - 1, 0);
  const candidates = [',', '\t', ';'] as const;
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** Upper bound of the CSV's rows (a quoted cell may hold line breaks); \n never occurs inside a GB18030 or UTF-8 character. */
async function countLines(path: string): Promise<number> {
  let lines = 1;
  for await (const chunk of fs.createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

/**
 * Walks the zip's central directory, refuses suspicious structures, then inflates every entry once
 * (yauzl checks the real size against the declared one) and counts the rows of the first worksheet.
 */
async function inspectXlsx(path: string, limits: FileLimits): Promise<number> {
  const maxTotal = Math.max(100 * 1024 * 1024, limits.maxBytes * 30);
  const yauzlLib = await loadYauzl();
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzlLib.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw unreadable();
  }
  try {
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        if (entries.length > MAX_ZIP_ENTRIES) return reject(unreadable());
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', () => reject(unreadable()));
      zip.readEntry();
    });
    let total = 0;
    for (const e of entries) {
      total += e.uncompressedSize;
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (total > maxTotal || (e.uncompressedSize > RATIO_CHECK_FROM_BYTES && ratio > MAX_RATIO)) throw unreadable();
    }
    const names = new Set(entries.map((e) => e.fileName));
    if (!names.has('xl/workbook.xml')) throw wrongType();
    const firstSheet = entries.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.fileName));
    if (!firstSheet) throw unreadable();
    let rows = 0;
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      const counted = await inflate(zip, e, e === firstSheet);
      if (e === firstSheet) rows = counted;
    }
    return rows;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable();
  } finally {
    zip.close();
  }
}

/** Inflates one entry to nowhere; counts `<row` elements when asked. */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, countRows: boolean): Promise<number> {
  const stream = await zip.openReadStreamPromise(entry);
  let rows = 0;
  let tail = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (!countRows) continue;
    const text = tail + chunk.toString('latin1');
    const matches = text.match(/<(?:\w+:)?row[\s>]/g);
    if (matches) rows += matches.length;
    // Keep the end of the chunk in case a tag is cut in two; it cannot itself be a complete match.
    tail = text.slice(-8).replace(/.*[\s>]/s, '');
  }
  return rows;
}

/** Streams the rows of a file whose kind `inspectFile` has decided. */
export function readRows(path: string, kind: RosterFileKind): AsyncGenerator<SheetRow> {
  return kind === 'xlsx' ? xlsxRows(path) : csvRows(path);
}

async function* csvRows(path: string): AsyncGenerator<SheetRow> {
  const [iconv, parseCsv] = await Promise.all([loadIconv(), loadCsvParse()]);
  const sample = await readSample(path);
  const encoding = detectEncoding(sample);
  const delimiter = detectDelimiter(iconv.decode(sample, encoding));
  const parser = fs
    .createReadStream(path)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parseCsv({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_CSV_RECORD_CHARS }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, cells: record };
}

async function* xlsxRows(path: string): AsyncGenerator<SheetRow> {
  const excel = await loadExcelJS();
  const reader = new excel.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // The streaming reader looks up a sheet's name in the workbook part; when the zip stores a sheet before
  // that part (entry order varies between writers), it would read a model it does not have yet.
  (reader as unknown as { model?: object }).model ??= {};
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: Cell[] = new Array(Math.max(0, values.length - 1));
        for (let i = 1; i < values.length; i++) cells[i - 1] = flatten(values[i]);
        yield { row: row.number, cells };
      }
      // Only the first sheet is the roster (the template's second sheet is instructions).
      break;
    }
  } finally {
    (reader as unknown as { stream?: fs.ReadStream }).stream?.destroy();
  }
}

/** exceljs cell values → plain cells. Formulas give their cached result; without one they stay visible as "=…" and are refused. */
function flatten(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result !== undefined && v.result !== null) return flatten(v.result);
    return `=${String(v.formula ?? v.sharedFormula ?? '')}`;
  }
  if ('error' in v) return String(v.error);
  if ('text' in v) return flatten(v.text);
  return null;
}
