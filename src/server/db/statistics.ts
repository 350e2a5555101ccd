/**
 * Keeps the query planner's statistics current, so that lists over a million visits keep choosing their indexes.
 *
 * SQLite gathers them with ANALYZE; the server does it at start and every hour (`PRAGMA optimize`, which
 * analyzes only the tables whose size has changed enough to matter, reading a bounded sample of each index).
 * The per-value histograms of `sqlite_stat4` are dropped afterwards and only the per-index row estimates of
 * `sqlite_stat1` are kept: with histograms present, SQLite re-plans every statement whose parameter meets an
 * indexed column (`company_id = ?` is in nearly all of ours) on each run, which costs more than running most of
 * them, and our indexes need no histogram to be chosen — every tenant's lists lead with the company.
 *
 * PostgreSQL's autovacuum keeps its statistics itself; `thorough` (benchmarks after a bulk seed) analyzes the
 * tables of the current schema at once.
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.js';

export interface RefreshOptions {
  /** Read every row (ANALYZE) instead of sampling the tables that changed (PRAGMA optimize). */
  thorough?: boolean;
}

export async function refreshStatistics(handle: DatabaseHandle, opts: RefreshOptions = {}): Promise<void> {
  if (handle.dialect === 'postgres') {
    if (!opts.thorough) return;
    const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`.execute(handle.db);
    if (tables.rows.length) await sql`ANALYZE ${sql.join(tables.rows.map((t) => sql.id(t.name)))}`.execute(handle.db);
    return;
  }
  const sqlite = handle.sqlite!;
  // 0x10002: consider every table, analyzing those never analyzed or grown or shrunk tenfold since.
  sqlite.exec(opts.thorough ? 'ANALYZE' : 'PRAGMA optimize = 0x10002');
  const histograms = sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat4'`).get();
  // ANALYZE sqlite_schema makes the open connection reload the statistics it has just been given.
  if (histograms) sqlite.exec('DELETE FROM sqlite_stat4; ANALYZE sqlite_schema');
}
