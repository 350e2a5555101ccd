/**
 * Writing .xlsx downloads: the media type, a header row that looks like the template's, and streaming a
 * workbook straight into the HTTP response so a 100,000-row export never sits in memory.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

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
 * Sends a streamed workbook. Permission checks must have happened before: once the first bytes are out,
 * a failure can only cut the download short (and is logged).
 */
export function sendXlsx(
  reply: FastifyReply,
  fileName: string,
  fallback: string,
  fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>,
): FastifyReply {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  fill(workbook)
    .then(() => workbook.commit())
    .catch((err: unknown) => {
      reply.log.error({ err }, 'xlsx download failed');
      stream.destroy(err as Error);
    });
  return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(fileName, fallback)).header('cache-control', 'no-store').send(stream);
}
