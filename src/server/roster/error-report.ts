/**
 * The error report: every failed row of an import as an .xlsx the clerk can work through — row number as
 * Excel shows it, column, the reason in the reader's language and the value as written. The stable codes
 * stay in the API (`GET /roster-imports/{id}`) for integrations; a clerk reads words.
 */
import type ExcelJS from 'exceljs';
import type { Locale } from '../../shared/schemas/common.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { neutralise } from '../spreadsheets/formulas.js';
import { rowErrorMessage, scopedRosterImports } from './get-roster-import.js';
import { HEADER_STYLE, type Pause } from '../spreadsheets/xlsx.js';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['行号', '列', '原因', '原值'],
  en: ['Row', 'Column', 'Reason', 'Value'],
};
const PAGE = 5000;

export async function prepareErrorReport(db: Db, ctx: Ctx, importId: number): Promise<{ importId: number; fileName: string }> {
  requirePermission(ctx, 'roster.import');
  const job = await scopedRosterImports(db, ctx).select(['id', 'file_name']).where('id', '=', importId).executeTakeFirst();
  if (!job) throw notFound('import');
  return { importId, fileName: `${job.file_name.replace(/\.[^.]+$/, '')}-错误报告.xlsx` };
}

export async function writeErrorReport(db: Db, importId: number, locale: Locale, workbook: ExcelJS.stream.xlsx.WorkbookWriter, pause: Pause): Promise<void> {
  const sheet = workbook.addWorksheet(locale === 'en' ? 'Errors' : '错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 8 }, { width: 10 }, { width: 60 }, { width: 30 }];
  const header = sheet.addRow(HEADERS[locale]);
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  header.commit();
  for (let offset = 0; ; offset += PAGE) {
    const errors = await db
      .selectFrom('roster_import_errors')
      .select(['row', 'column', 'code', 'params', 'value'])
      .where('import_id', '=', importId)
      .orderBy('row')
      .orderBy('id')
      .limit(PAGE)
      .offset(offset)
      .execute();
    for (const e of errors) {
      sheet.addRow([e.row, neutralise(e.column ?? ''), neutralise(rowErrorMessage(e, locale)), e.value ? neutralise(e.value) : '']).commit();
    }
    if (errors.length < PAGE) break;
    await pause();
  }
  sheet.commit();
}
