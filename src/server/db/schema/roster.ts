/** Table types of roster import jobs and their row errors. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export interface RosterImportsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  user_id: number;
  status: ImportStatus;
  dry_run: number;
  file_name: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** set when the whole file was refused (too large, unreadable, no header) */
  error_code: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface RosterImportErrorsTable {
  id: Generated<number>;
  import_id: number;
  row: number;
  column: string | null;
  code: string;
  /** JSON object of message parameters */
  params: string | null;
  value: string | null;
}
