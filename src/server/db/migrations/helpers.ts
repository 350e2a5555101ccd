/**
 * Column types that differ between SQLite and PostgreSQL, so that one migration serves both.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../database.js';
export type { DialectName };

export interface Migration {
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
}

export function columns(dialect: DialectName) {
  const pg = dialect === 'postgres';
  return {
    /** Adds an auto-incrementing integer primary key named `id`. */
    id<T extends string>(t: CreateTableBuilder<T, any>) {
      return pg
        ? t.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
        : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
    },
    ref: pg ? ('bigint' as const) : ('integer' as const),
    timestamp: pg ? ('timestamptz' as const) : ('text' as const),
    /** 8-byte floating point: PostgreSQL's `real` would keep only 4 bytes (4.38 → 4.380000114…). */
    float: pg ? ('double precision' as const) : ('real' as const),
  };
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
