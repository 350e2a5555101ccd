/**
 * A company may cap how many rows one export holds (导出上限, `companies.export_max_rows`); null, the default,
 * leaves only the server-wide ceiling `HUIFANG_EXPORT_MAX_ROWS`.
 */
import type { Migration } from './helpers.js';

export const exportCap: Migration = {
  async up(db) {
    await db.schema.alterTable('companies').addColumn('export_max_rows', 'integer').execute();
  },
};
