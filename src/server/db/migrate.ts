/**
 * Forward-only migrations. Each one is listed here in order; names are timestamps so the order is obvious.
 */
import { Migrator, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { foundation } from './migrations/2026_11_27_0001_foundation.js';
import { masterData } from './migrations/2026_11_27_0002_master_data.js';
import type { Migration } from './migrations/helpers.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026_11_27_0001_foundation': foundation,
  '2026_11_27_0002_master_data': masterData,
};

export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      return Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db) => m.up(db, handle.dialect) }]),
      );
    },
  };
  const migrator = new Migrator({ db: handle.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
