/** Table types of companies: the tenant every other row belongs to. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export interface CompaniesTable {
  id: Generated<number>;
  name: string;
  /** JSON IssueSettings; null means the defaults of issues/defaults.ts */
  issue_settings: Generated<string | null>;
  /** rows one export may hold at most (导出上限); null: only the server's HUIFANG_EXPORT_MAX_ROWS */
  export_max_rows: Generated<number | null>;
  /** JSON KpiTargets; null means the defaults of kpis/targets.ts */
  kpi_targets: Generated<string | null>;
  /** JSON stored ThemeWords (extra words, stop words, synonyms, version); null means the bundled dictionary of kpis/theme-dictionary.ts */
  theme_words: Generated<string | null>;
  created_at: string;
}

/** The themes of a month's free texts per community, counted once (migration 2026_12_03_0700_theme_counts). */
export interface ThemeMonthCountsTable {
  company_id: number;
  /** YYYY-MM */
  month: string;
  /** 0: the month's header row */
  community_id: number;
  lexicon: string;
  fingerprint: string;
  texts: number;
  /** JSON {term: texts naming it} */
  terms: string;
}

/** What changes when a month's free texts change, kept by triggers (migration 2026_12_04_0100_text_months). */
export interface ThemeTextMonthsTable {
  company_id: number;
  /** year × 12 + month − 1 */
  month: number;
  /** the row id mod 32 */
  shard: number;
  n: number;
  id_sum: number;
  /** only ever grows */
  writes: number;
}
