/**
 * Writing .xlsx downloads: the media type, a header row that looks like the template's, the title block of
 * a 台账-style sheet, and streaming a workbook straight into the HTTP response so a 100,000-row export never
 * sits in memory.
 */
import { EventEmitter, once } from 'node:events';
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { ExportLimit } from '../companies/export-settings.js';
import { loadExcelJS } from './libraries.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } },
  alignment: { vertical: 'middle' },
};

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so 阳光花园-业主名单.xlsx survives every browser. */
export function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Lets the response catch up between batches of rows: yields to the event loop (SQLite queries never do,
 * so without this the whole file would pile up in memory before its first byte left) and waits while the
 * client is slower than the export. Throws when the client has gone, which ends the export.
 */
export type Pause = () => Promise<void>;

/**
 * Where exceljs (4.4) sends each sheet: the sheet's stream hands every full 64 KB buffer to the zip's compressor
 * without waiting for it, so an export whose query outruns deflate would pile up in the compressor's buffer —
 * hundreds of megabytes for a month of records. Waiting for these to drain between batches keeps the export at
 * the compressor's pace. Read from exceljs's internals (there is no public handle); none found means no wait.
 */
function compressorsOf(workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined): Drainable[] {
  const sheets = (workbook as unknown as { _worksheets?: ({ _stream?: { pipes?: unknown } } | undefined)[] } | undefined)?._worksheets ?? [];
  return sheets.flatMap((sheet) => (Array.isArray(sheet?._stream?.pipes) ? (sheet._stream.pipes as unknown[]) : [])).filter(isDrainable);
}

/** A writable stream of Node's or of the `readable-stream` package (archiver's), which Node's `instanceof` does not know. */
interface Drainable extends EventEmitter {
  destroyed?: boolean;
  _writableState: { needDrain: boolean };
}
function isDrainable(x: unknown): x is Drainable {
  return x instanceof EventEmitter && typeof (x as Partial<Drainable>)._writableState?.needDrain === 'boolean';
}

/** Resolves once `writable` is no longer `full` (at once if it is not), or it or the download has closed. */
async function drained(writable: EventEmitter & { destroyed?: boolean }, full: () => boolean, download: PassThrough): Promise<void> {
  while (full() && !writable.destroyed && !download.destroyed) {
    const stop = new AbortController();
    const { signal } = stop;
    await Promise.race([once(writable, 'drain', { signal }), once(writable, 'close', { signal }), once(download, 'close', { signal })]).finally(() => stop.abort());
  }
}

/**
 * Sends a streamed workbook. Permission checks must have happened before: once the first bytes are out,
 * a failure can only cut the download short (and is logged). `fill` calls `pause` between batches.
 */
export function sendXlsx(
  reply: FastifyReply,
  fileName: string,
  fallback: string,
  fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter, pause: Pause) => Promise<void>,
  headers: Record<string, string> = {},
): FastifyReply {
  const stream = new PassThrough();
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined;
  const pause: Pause = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    for (const compressor of compressorsOf(workbook)) await drained(compressor, () => compressor._writableState.needDrain, stream);
    await drained(stream, () => stream.writableNeedDrain, stream);
    if (stream.destroyed) throw new Error('the client closed the download');
  };
  // exceljs loads with the first download; the response's headers do not wait for it.
  loadExcelJS()
    .then(async (excel) => {
      workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
      await fill(workbook, pause);
      await workbook.commit();
    })
    .catch((err: unknown) => {
      if (!stream.destroyed) reply.log.error({ err }, 'xlsx download failed');
      stream.destroy(err as Error);
    });
  return reply.headers(headers).header('content-type', XLSX_TYPE).header('content-disposition', attachment(fileName, fallback)).header('cache-control', 'no-store').send(stream);
}

/** What the server configuration tells every export: its ceiling and how many rows it reads at a time. */
export interface ExportOptions {
  /** `HUIFANG_EXPORT_MAX_ROWS`, the ceiling no company cap can raise */
  serverMaxRows: number;
  /** `HUIFANG_EXPORT_BATCH_ROWS`, rows read and written per batch */
  batchRows: number;
}

/** How much of a filtered set an export wrote, for its response headers and its note row. */
export interface ExportCount {
  /** rows that match the filters */
  total: number;
  /** rows in the file: all of them, unless the company's cap or the server's ceiling cut them short */
  rows: number;
  /** rows left out: total − rows */
  omitted: number;
  /** the limit that applied, and whose it is */
  limit: ExportLimit;
}

export function exportCount(total: number, limit: ExportLimit): ExportCount {
  const rows = Math.min(total, limit.rows);
  return { total, rows, omitted: total - rows, limit };
}

/**
 * Response headers that say what the file holds, so that neither the console nor an integration takes a
 * shortened file for the whole set: `X-Export-Total`, `X-Export-Rows`, `X-Export-Limit` (the rows one export
 * may hold) and `X-Export-Limit-By` (company or server); when rows were left out, `X-Export-Truncated: true`
 * and `X-Export-Omitted` (how many).
 */
export function exportHeaders({ total, rows, omitted, limit }: ExportCount): Record<string, string> {
  return {
    'x-export-total': String(total),
    'x-export-rows': String(rows),
    'x-export-limit': String(limit.rows),
    'x-export-limit-by': limit.by,
    ...(omitted > 0 ? { 'x-export-truncated': 'true', 'x-export-omitted': String(omitted) } : {}),
  };
}

/**
 * Column definitions whose styles are shared objects, one per column, for `writeStyledRow`. exceljs merges a
 * column's style into a fresh object for every cell it creates and then resolves each of them to a style id
 * by rendering it (85,000 rows × 14 cells: most of an export's time); a cell given the column's own object is
 * resolved once, by identity. The file is the same.
 */
export function sharedColumnStyles(columns: Partial<ExcelJS.Column>[]): { columns: Partial<ExcelJS.Column>[]; styles: Partial<ExcelJS.Style>[] } {
  const styles = columns.map((c) => c.style ?? {});
  return { columns: columns.map((c, i) => ({ ...c, style: styles[i] })), styles };
}

/** Adds a data row and commits it, each cell taking its column's shared style object. */
export function writeStyledRow(sheet: ExcelJS.Worksheet, values: ExcelJS.CellValue[], styles: Partial<ExcelJS.Style>[]): void {
  const row = sheet.addRow(values);
  for (let i = 0; i < values.length; i++) row.getCell(i + 1).style = styles[i];
  row.commit();
}

export interface TitleBlock {
  /** e.g. "阳光物业 回访记录表" */
  title: string;
  /** lines under the title: the period and filters, who exported it and when */
  lines: string[];
  /** a warning shown in red, e.g. that the file holds only part of the rows */
  note?: string;
}

/**
 * Writes the title block above a table of `width` columns — title, lines, an optional note, a blank row —
 * and returns the number of the header row that follows. Texts are written as given: callers pass them
 * through `neutralise` when they hold user data.
 */
export function writeTitleBlock(sheet: ExcelJS.Worksheet, width: number, block: TitleBlock): number {
  const line = (text: string, style: Partial<ExcelJS.Style>, height?: number) => {
    const row = sheet.addRow([text]);
    if (height) row.height = height;
    row.getCell(1).style = style;
    sheet.mergeCells(row.number, 1, row.number, width);
    row.commit();
  };
  line(block.title, { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } }, 28);
  for (const text of block.lines) line(text, { font: { color: { argb: 'FF595959' } }, alignment: { vertical: 'middle' } });
  if (block.note) line(block.note, { font: { bold: true, color: { argb: 'FFCF1322' } }, alignment: { vertical: 'middle', wrapText: true } }, 30);
  sheet.addRow([]).commit();
  return 2 + block.lines.length + (block.note ? 1 : 0) + 1;
}

/** The header row of a table, styled, with a filter on every column. */
export function writeHeaderRow(sheet: ExcelJS.Worksheet, headers: string[]): void {
  const row = sheet.addRow(headers);
  row.height = 20;
  row.eachCell((cell) => (cell.style = HEADER_STYLE));
  sheet.autoFilter = { from: { row: row.number, column: 1 }, to: { row: row.number, column: headers.length } };
  row.commit();
}
