/** A company's own settings that are not a domain's: the export cap (导出上限). */
import { z } from 'zod';

/** An Excel sheet holds 1,048,576 rows; the title block and header take a few. */
export const SHEET_ROWS = 1_048_000;

export const ExportSettingsBody = z
  .strictObject({
    maxRows: z.number().int().min(1).max(SHEET_ROWS).nullable().meta({ description: 'Rows one export of the company may hold at most; null: no company cap (only the server ceiling)' }),
  })
  .meta({ id: 'ExportSettingsBody' });
export type ExportSettingsBody = z.infer<typeof ExportSettingsBody>;

export const ExportSettings = z
  .object({
    maxRows: z.number().int().nullable().meta({ description: 'The company cap; null: none' }),
    serverMaxRows: z.number().int().meta({ description: 'The server-wide ceiling (HUIFANG_EXPORT_MAX_ROWS), which no company cap can raise' }),
  })
  .meta({ id: 'ExportSettings' });
export type ExportSettings = z.infer<typeof ExportSettings>;
