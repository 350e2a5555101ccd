/**
 * The themes of free text (文本分析) kept per month, so that the first GET /kpis/themes after a start does not
 * segment six months of texts (a company of a million visits a year has ~85,000 texts a month, about a second
 * of segmenting each) before it answers.
 *
 * `theme_month_counts` holds, per company, month (`YYYY-MM`) and community, how many non-empty texts the month
 * has and how many of them name each theme (JSON {term: count}), with the lexicon version and the fingerprint of
 * the month's rows (kpis/queries.ts freeTextsFingerprint) they were counted with. A row with community 0 heads
 * each month, so that a month without texts is known too. Rows whose lexicon or fingerprint no longer match are
 * stale: the month is segmented again and its rows replaced (kpis/theme-index.ts).
 */
import { columns, notNull, type Migration } from './helpers.js';

export const themeCounts: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema
      .createTable('theme_month_counts')
      .addColumn('company_id', c.ref, notNull)
      .addColumn('month', 'text', notNull)
      .addColumn('community_id', c.ref, notNull)
      .addColumn('lexicon', 'text', notNull)
      .addColumn('fingerprint', 'text', notNull)
      .addColumn('texts', 'integer', notNull)
      .addColumn('terms', 'text', notNull)
      .addPrimaryKeyConstraint('theme_month_counts_pk', ['company_id', 'month', 'community_id'])
      .execute();
  },
};
