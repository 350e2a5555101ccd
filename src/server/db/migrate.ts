/**
 * Forward-only migrations. Each one is listed here in order; names are timestamps so the order is obvious.
 */
import { Migrator, sql, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { foundation } from './migrations/2026_11_27_0001_foundation.js';
import { masterData } from './migrations/2026_11_27_0002_master_data.js';
import { visits } from './migrations/2026_11_27_0003_visits.js';
import { issues } from './migrations/2026_11_27_0004_issues.js';
import { calendarNotices } from './migrations/2026_12_01_0005_calendar_notices.js';
import { issueClosure } from './migrations/2026_12_01_0006_issue_closure.js';
import { issueExport } from './migrations/2026_12_02_0001_issue_export.js';
import { listIndexes } from './migrations/2026_12_02_0002_list_indexes.js';
import { exportCap } from './migrations/2026_12_02_0101_export_cap.js';
import { recordExportIndex } from './migrations/2026_12_02_0102_record_export_index.js';
import { taskDueBasis } from './migrations/2026_12_02_0201_task_due_basis.js';
import { kpis } from './migrations/2026_12_03_0100_kpis.js';
import { textThemes } from './migrations/2026_12_03_0200_text_themes.js';
import { improvementMeasures } from './migrations/2026_12_03_0300_improvement_measures.js';
import { householdCoverage } from './migrations/2026_12_03_0400_household_coverage.js';
import { visitScores } from './migrations/2026_12_03_0500_visit_scores.js';
import { monthRollups } from './migrations/2026_12_03_0600_month_rollups.js';
import { themeCounts } from './migrations/2026_12_03_0700_theme_counts.js';
import { textMonths } from './migrations/2026_12_04_0100_text_months.js';
import type { Migration } from './migrations/helpers.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026_11_27_0001_foundation': foundation,
  '2026_11_27_0002_master_data': masterData,
  '2026_11_27_0003_visits': visits,
  '2026_11_27_0004_issues': issues,
  '2026_12_01_0005_calendar_notices': calendarNotices,
  '2026_12_01_0006_issue_closure': issueClosure,
  '2026_12_02_0001_issue_export': issueExport,
  '2026_12_02_0002_list_indexes': listIndexes,
  '2026_12_02_0101_export_cap': exportCap,
  '2026_12_02_0102_record_export_index': recordExportIndex,
  '2026_12_02_0201_task_due_basis': taskDueBasis,
  '2026_12_03_0100_kpis': kpis,
  '2026_12_03_0200_text_themes': textThemes,
  '2026_12_03_0300_improvement_measures': improvementMeasures,
  '2026_12_03_0400_household_coverage': householdCoverage,
  '2026_12_03_0500_visit_scores': visitScores,
  '2026_12_03_0600_month_rollups': monthRollups,
  '2026_12_03_0700_theme_counts': themeCounts,
  '2026_12_04_0100_text_months': textMonths,
};

export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      return Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db) => m.up(db, handle.dialect) }]),
      );
    },
  };
  // On PostgreSQL the bookkeeping tables live in the schema the connection works in (search_path), so
  // several schemas in one database migrate independently.
  const migrationTableSchema =
    handle.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db)).rows[0].schema : undefined;
  const migrator = new Migrator({ db: handle.db, provider, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
