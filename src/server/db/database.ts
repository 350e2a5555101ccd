/**
 * Opens the database: embedded SQLite (better-sqlite3, WAL) by default, PostgreSQL when a URL is given.
 * Both speak through one Kysely instance; `Db` is what every query receives.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import { PG_POOL_SIZE } from '../config.js';
import { startCheckpointer } from './checkpointer.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** The raw SQLite connection, for online backups; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const DATE_OID = 1082;
// Counts and identity columns are bigint; our ids stay far below 2^53.
// Only the driver of the configured dialect is loaded (a SQLite server never loads pg, nor PostgreSQL better-sqlite3).
const require = createRequire(import.meta.url);
let pgDriver: typeof pg | undefined;
function loadPg(): typeof pg {
  if (pgDriver) return pgDriver;
  const driver = require('pg') as typeof pg;
  // Counts and identity columns are bigint; our ids stay far below 2^53.
  driver.types.setTypeParser(INT8_OID, (v) => Number(v));
  // Timestamps travel as ISO 8601 UTC strings on both dialects.
  driver.types.setTypeParser(TIMESTAMPTZ_OID, (v) => new Date(v).toISOString());
  driver.types.setTypeParser(TIMESTAMP_OID, (v) => new Date(`${v}Z`).toISOString());
  // Calendar dates (move-in, holidays) stay 'YYYY-MM-DD' strings, never shifted by a time zone.
  driver.types.setTypeParser(DATE_OID, (v) => v);
  return (pgDriver = driver);
}

export interface OpenOptions {
  databaseUrl?: string;
  /** SQLite file path, or ':memory:' */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate themselves in one schema each). */
  pgSchema?: string;
  poolSize?: number;
}

export function openDatabase(opts: OpenOptions): DatabaseHandle {
  if (opts.databaseUrl) {
    const pool = new (loadPg().Pool)({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? PG_POOL_SIZE,
      options: opts.pgSchema ? `-c search_path=${opts.pgSchema}` : undefined,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new (require('better-sqlite3') as typeof SQLite)(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const checkpointer = file === ':memory:' ? undefined : startCheckpointer(sqlite, file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/** SQL texts run as named prepared statements on PostgreSQL, with their names (see compiled-query.ts). */
const namedStatements = new Map<string, string>();

/** Marks the SQL of a query compiled once (compiled-query.ts) to run as a named prepared statement on PostgreSQL. */
export function preparedOnPostgres(sqlText: string): void {
  if (!namedStatements.has(sqlText)) namedStatements.set(sqlText, `huifang_${namedStatements.size + 1}`);
}

const namedClients = new WeakSet<pg.PoolClient>();

/**
 * A pool whose clients run the SQL marked by `preparedOnPostgres` as named prepared statements: PostgreSQL parses
 * and plans it once per connection instead of on every call. Other SQL (built per call, its text varies) runs
 * unnamed as before, so the number of statements a connection keeps stays bounded by the compiled queries.
 */
function withNamedStatements(pool: pg.Pool) {
  return {
    async connect() {
      const client = await pool.connect();
      if (!namedClients.has(client)) {
        namedClients.add(client);
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as { query: unknown }).query = (text: unknown, values?: unknown) => {
          const name = typeof text === 'string' ? namedStatements.get(text) : undefined;
          return name ? query({ name, text, values }) : query(text, values);
        };
      }
      return client;
    },
    end: () => pool.end(),
  };
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query anew; on SQLite preparing costs more than running a small query, so
 * prepared statements are kept per SQL text (least recently used dropped first).
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/** True when the error is a unique or foreign-key constraint violation on either dialect. */
export function constraintViolation(err: unknown): 'unique' | 'foreign_key' | null {
  const e = err as { code?: string };
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === '23505') {
    return 'unique';
  }
  if (e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || e?.code === '23503') return 'foreign_key';
  return null;
}
