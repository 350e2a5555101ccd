/**
 * Text analysis (issue 12, 文本分析): the company's additions to the bundled property-domain dictionary.
 *
 * - `companies.theme_words`: JSON ThemeWords stored (kpis/theme-words.ts): extra words, extra stop words and
 *   synonyms merged into one theme, with a version that the segmentation cache keys on; null means the bundled
 *   dictionary (kpis/theme-dictionary.ts) alone.
 *
 * The texts are read with the indexes the KPIs already have: visit records by `(company, visit_date)`, issues by
 * `(company, kind, raised_at)`.
 */
import type { Migration } from './helpers.js';

export const textThemes: Migration = {
  async up(db) {
    await db.schema.alterTable('companies').addColumn('theme_words', 'text').execute();
  },
};
