/**
 * The 回访记录表 reads records in keyset batches ordered by community, date and id. SQLite's index on
 * (community_id, visit_date) already ends in the rowid, so it serves that order; PostgreSQL's does not, and
 * every batch then sorted all the rows after the cursor (a company-wide month: 43 batches × up to 85,000
 * rows). This index gives PostgreSQL the whole order, so each batch reads only its own rows.
 */
import { sql } from 'kysely';
import type { Migration } from './helpers.js';

export const recordExportIndex: Migration = {
  async up(db, dialect) {
    if (dialect !== 'postgres') return;
    await sql`CREATE INDEX visit_records_export_idx ON visit_records (community_id, visit_date, id)`.execute(db);
  },
};
