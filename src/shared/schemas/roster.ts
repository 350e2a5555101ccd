/** The roster import job (住户名册导入), polled by the console while it runs. */
import { z } from 'zod';
import { Id, Timestamp } from './common.js';

export const RosterImportStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export const RosterImportError = z.object({ row: z.number().int(), column: z.string().nullable(), code: z.string(), message: z.string() });
export const RosterImport = z
  .object({
    id: Id,
    communityId: Id,
    status: RosterImportStatus,
    dryRun: z.boolean(),
    fileName: z.string(),
    total: z.number().int(),
    processed: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    /** set when the whole file was refused */
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    errors: z.array(RosterImportError).meta({ description: 'Row errors, first 200; the full list is in the xlsx error report' }),
    createdAt: Timestamp,
    finishedAt: Timestamp.nullable(),
  })
  .meta({ id: 'RosterImport' });
export type RosterImport = z.infer<typeof RosterImport>;
