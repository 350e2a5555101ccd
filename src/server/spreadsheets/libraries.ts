/**
 * The spreadsheet libraries, loaded the first time an export, the import template or a roster import needs
 * them: exceljs (with its zip and stream stack, about 30 MB and a large share of the start time), yauzl,
 * csv-parse and iconv-lite. Nothing else in src/server imports them as values (test/unit/structure.test.ts
 * checks it), so a restart never pays for them.
 */
import type ExcelJSModule from 'exceljs';
import type * as CsvParse from 'csv-parse';
import type IconvModule from 'iconv-lite';
import type YauzlModule from 'yauzl';
import { lazy } from '../lazy.js';

export type ExcelJS = typeof ExcelJSModule;

export const loadExcelJS = lazy(async () => (await import('exceljs')).default);
export const loadYauzl = lazy(async () => (await import('yauzl')).default as typeof YauzlModule);
export const loadCsvParse = lazy(async (): Promise<typeof CsvParse.parse> => (await import('csv-parse')).parse);
export const loadIconv = lazy(async () => (await import('iconv-lite')).default as typeof IconvModule);
