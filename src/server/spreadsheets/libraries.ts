/**
 * The spreadsheet libraries, loaded the first time an export, the import template or a roster import needs
 * them: exceljs (with its zip and stream stack, about 30 MB and a large share of the start time), yauzl,
 * csv-parse and iconv-lite. Nothing else in src/server imports them as values (test/unit/structure.test.ts
 * and test/process/startup-modules.test.ts check it), so a restart never pays for them.
 */
import type ExcelJSModule from 'exceljs';
import type * as CsvParse from 'csv-parse';
import type IconvModule from 'iconv-lite';
import type YauzlModule from 'yauzl';

export type ExcelJS = typeof ExcelJSModule;

/** One promise per library; a failed load is retried by the next caller. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    }));
}

export const loadExcelJS = lazy(async () => (await import('exceljs')).default);
export const loadYauzl = lazy(async () => (await import('yauzl')).default as typeof YauzlModule);
export const loadCsvParse = lazy(async (): Promise<typeof CsvParse.parse> => (await import('csv-parse')).parse);
export const loadIconv = lazy(async () => (await import('iconv-lite')).default as typeof IconvModule);
