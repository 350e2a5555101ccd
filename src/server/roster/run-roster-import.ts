/**
 * The import job, run in-process after the upload has been answered: loads the community's roster once
 * (load-roster.ts), streams the file's rows, finds the header, validates each row, plans (plan-rows.ts) and
 * writes (write-plan.ts) them 1,000 at a time and records progress, row errors and the final counts. Jobs of one
 * community run one after another, so two uploads never race for the same rooms.
 */
import fs from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { cellText, type Cell } from './cells.js';
import { COLUMN_KEYS, HEADER_SEARCH_ROWS, matchHeader, type HeaderMap } from './columns.js';
import { loadRoster } from './load-roster.js';
import { normalizeRow, type RosterRow, type RowError } from './normalize-row.js';
import { planRows, settlePlan } from './plan-rows.js';
import { readRows, type FileLimits, type RosterFileKind, type SheetRow } from './read-file.js';
import { auditRosterImport, RosterWriter } from './write-plan.js';

/**
 * Rows per transaction. A SQLite commit writes every index page the batch dirtied to the write-ahead log (and
 * checkpoints it past 1,000 pages); rows scattered over the name and phone indexes dirty nearly a page each, so
 * 500-row batches spent about 3 s of a 100,000-row import committing, 2,000-row ones 1.2 s. Larger batches cost
 * memory for the rows they hold; progress is recorded every batch.
 */
export const BATCH_ROWS = 1000;

export interface ImportJob {
  id: number;
  ctx: Ctx;
  communityId: number;
  dryRun: boolean;
  path: string;
  kind: RosterFileKind;
}

/** Job-level failures that are not AppErrors: a concurrent writer (write-plan.ts) and a server shutdown. */
const JOB_ERRORS = new Set(['conflict', 'import_interrupted']);

interface Counts {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** Runs import jobs in this process: one queue per community, and a clean stop when the server closes. */
export class ImportRunner {
  private readonly queues = new Map<number, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly limits: FileLimits,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Queues the job behind the community's running one; the promise settles when it has finished (never rejects). */
  enqueue(job: ImportJob): Promise<void> {
    const previous = this.queues.get(job.communityId) ?? Promise.resolve();
    const done = previous.then(() => this.run(job));
    this.queues.set(job.communityId, done);
    void done.then(() => {
      if (this.queues.get(job.communityId) === done) this.queues.delete(job.communityId);
    });
    return done;
  }

  /** Stops reading further rows and waits until every job has recorded how it ended. */
  async close(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.queues.values());
  }

  private async run(job: ImportJob): Promise<void> {
    try {
      await runRosterImport(this.db, job, this.limits, () => this.stopping);
    } catch (err) {
      const own = (err as { code?: string }).code;
      const code = err instanceof AppError ? err.code : own && JOB_ERRORS.has(own) ? own : 'internal_error';
      if (code === 'internal_error') this.log.error({ err, importId: job.id }, 'roster import failed');
      await this.db
        .updateTable('roster_imports')
        .set({ status: 'failed', error_code: code, finished_at: nowIso() })
        .where('id', '=', job.id)
        .execute()
        .catch((e: unknown) => this.log.error({ err: e, importId: job.id }, 'could not record the failed roster import'));
    } finally {
      await fs.promises.rm(job.path, { force: true });
    }
  }
}

export async function runRosterImport(db: Db, job: ImportJob, limits: FileLimits, stopping: () => boolean): Promise<void> {
  const { ctx } = job;
  await db.updateTable('roster_imports').set({ status: 'running' }).where('id', '=', job.id).execute();
  const roster = await loadRoster(db, ctx.companyId, job.communityId);
  const writer = new RosterWriter(db, ctx.companyId, job.communityId);
  let tagsAdded = 0;
  const counts: Counts = { processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
  let batch: RosterRow[] = [];
  let errors: RowError[] = [];
  let sinceFlush = 0;

  const flush = async () => {
    if (batch.length) {
      // A dry run plans the same batches and writes nothing.
      const { plan, result } = planRows(roster, batch);
      tagsAdded += plan.tags.length;
      if (!job.dryRun) await writer.write(plan, roster.tags);
      settlePlan(plan);
      counts.created += result.created;
      counts.updated += result.updated;
      counts.unchanged += result.unchanged;
      counts.failed += result.failed;
      errors.push(...result.errors);
    }
    await saveErrors(db, job.id, errors);
    await db.updateTable('roster_imports').set(counts).where('id', '=', job.id).execute();
    batch = [];
    errors = [];
    sinceFlush = 0;
  };

  let header: HeaderMap | null = null;
  let columns: number[] = [];
  let finished = false;
  try {
    for await (const { row, cells } of readable(readRows(job.path, job.kind))) {
      if (stopping()) throw Object.assign(new Error('server stopping'), { code: 'import_interrupted' });
      if (!header) {
        if (row > HEADER_SEARCH_ROWS) break;
        header = matchHeader(cells.map(cellText));
        if (header) columns = COLUMN_KEYS.map((k) => header![k]).filter((i): i is number => i !== undefined);
        continue;
      }
      if (row > limits.maxRows) throw new AppError('import_too_many_rows', 422, { limit: limits.maxRows });
      if (isBlank(cells, columns)) continue;
      const result = normalizeRow(cells, header, row);
      counts.processed++;
      if (result.ok) {
        batch.push(result.value);
      } else {
        counts.failed++;
        errors.push(...result.errors);
      }
      if (++sinceFlush >= BATCH_ROWS) await flush();
    }
    if (!header) throw new AppError('import_no_header', 422, { rows: HEADER_SEARCH_ROWS });
    await flush();
    finished = true;
  } finally {
    if (!job.dryRun) {
      // Whatever was written is audited, also when the job stopped half-way.
      await auditRosterImport(db, ctx, { importId: job.id, communityId: job.communityId, finished, counts, tagsAdded });
    }
  }
  await db
    .updateTable('roster_imports')
    .set({ ...counts, total: counts.processed, status: 'succeeded', finished_at: nowIso() })
    .where('id', '=', job.id)
    .execute();
}

/** True when every known column of the row is empty (blank separator rows are skipped, not counted). */
function isBlank(cells: readonly Cell[], columns: readonly number[]): boolean {
  for (const i of columns) if (cellText(cells[i] ?? null) !== '') return false;
  return true;
}

/** Any failure inside the parsers means the file is damaged or hostile: a file-level refusal, not a crash. */
async function* readable(rows: AsyncGenerator<SheetRow>): AsyncGenerator<SheetRow> {
  try {
    yield* rows;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('import_unreadable', 422);
  }
}

async function saveErrors(db: Db, importId: number, errors: RowError[]): Promise<void> {
  for (let i = 0; i < errors.length; i += 500) {
    await db
      .insertInto('roster_import_errors')
      .values(
        errors.slice(i, i + 500).map((e) => ({
          import_id: importId,
          row: e.row,
          column: e.column,
          code: e.code,
          params: e.params ? JSON.stringify(e.params) : null,
          value: e.value ?? null,
        })),
      )
      .execute();
  }
}
