/**
 * What tells the themes of free text (文本分析) that a month's texts changed, kept by the database itself: the
 * fingerprint that kpis/theme-index.ts checks on every GET /kpis/themes for each of the six months it shows.
 * It was read from the indexes (a count and the newest id of the month's records and issues), which at a million
 * records a year is 85,000 index entries a month, about 150 ms for six months on PostgreSQL; it is now a sum over
 * at most 32 rows a month.
 *
 * `theme_text_months` holds, per company, month (year × 12 + month − 1: the visit date, an issue's raising in
 * Shanghai time) and shard (the row id mod 32, so that concurrent submissions do not wait for one row's lock on
 * PostgreSQL), for the rows that have a text (a record with opinions or suggestions, an issue of a kind whose
 * description is read, with one): how many (`n`), the sum of their ids (`id_sum`), and how many writes touched
 * them (`writes`, only ever growing). A row added or removed changes `n`; a removed row and an added one change
 * `id_sum` (ids only grow, so the new one is larger); a text edited in place (a correction, an erasure) changes
 * `writes`. Row triggers keep it on both databases; a bulk loader that sets them aside calls `rebuildTextMonths`,
 * which recounts `n` and `id_sum` and moves `writes` on, so no earlier fingerprint comes back.
 */
import { sql, type Kysely } from 'kysely';
import { columns, notNull, type DialectName, type Migration } from './helpers.js';

const SHARDS = 32;

/** The month index of a date column and of an instant in Shanghai time, as migration 2026_12_03_0600_month_rollups writes them (a migration carries its own copy). */
const MONTH: Record<DialectName, (col: string) => string> = {
  sqlite: (col) => `(CAST(substr(${col}, 1, 4) AS INTEGER) * 12 + CAST(substr(${col}, 6, 2) AS INTEGER) - 1)`,
  postgres: (col) => `(EXTRACT(YEAR FROM ${col})::int * 12 + EXTRACT(MONTH FROM ${col})::int - 1)`,
};
const INSTANT_MONTH: Record<DialectName, (col: string) => string> = {
  sqlite: (col) => `(CAST(strftime('%Y', ${col}, '+8 hours') AS INTEGER) * 12 + CAST(strftime('%m', ${col}, '+8 hours') AS INTEGER) - 1)`,
  postgres: (col) => `(EXTRACT(YEAR FROM ${col} AT TIME ZONE 'Asia/Shanghai')::int * 12 + EXTRACT(MONTH FROM ${col} AT TIME ZONE 'Asia/Shanghai')::int - 1)`,
};

/** The issue kinds whose descriptions are themes' texts (kpis/queries.ts THEME_ISSUE_KINDS; test/server/text-months.test.ts fails if the two differ). */
const ISSUE_KINDS = "('problem', 'complaint', 'suggestion', 'need')";
const recordHasText = (x: string) => `(${x}.opinions <> '' OR ${x}.suggestions <> '')`;
const issueHasText = (x: string) => `(${x}.kind IN ${ISSUE_KINDS} AND ${x}.description <> '' AND ${x}.raised_at IS NOT NULL)`;

const RECORD_COLUMNS = ['company_id', 'visit_date', 'opinions', 'suggestions', 'community_id'];
const ISSUE_COLUMNS = ['company_id', 'kind', 'raised_at', 'description', 'community_id'];

/** Adds (s = 1) or takes away (s = -1) row `x` of a table; every call counts as a write. */
function apply(dialect: DialectName, table: 'visit_records' | 'issues', x: string, s: string): string {
  const month = table === 'visit_records' ? MONTH[dialect](`${x}.visit_date`) : INSTANT_MONTH[dialect](`${x}.raised_at`);
  const has = table === 'visit_records' ? recordHasText(x) : issueHasText(x);
  return `INSERT INTO theme_text_months (company_id, month, shard, n, id_sum, writes)
    SELECT ${x}.company_id, ${month}, ${x}.id % ${SHARDS}, ${s}, ${s} * ${x}.id, 1 WHERE ${has}
    ON CONFLICT (company_id, month, shard) DO UPDATE SET n = theme_text_months.n + excluded.n,
      id_sum = theme_text_months.id_sum + excluded.id_sum, writes = theme_text_months.writes + 1`;
}

/** The triggers' names, for a bulk loader that sets them aside (and calls rebuildTextMonths after). */
export const TEXT_MONTH_TRIGGERS = [
  ['visit_records', 'visit_records_texts_insert'],
  ['visit_records', 'visit_records_texts_delete'],
  ['visit_records', 'visit_records_texts_update'],
  ['issues', 'issues_texts_insert'],
  ['issues', 'issues_texts_delete'],
  ['issues', 'issues_texts_update'],
] as const;

/** The statements that create the triggers. */
export function textMonthTriggers(dialect: DialectName): string[] {
  const tables = [
    ['visit_records', 'visit_records_texts', recordHasText, RECORD_COLUMNS],
    ['issues', 'issues_texts', issueHasText, ISSUE_COLUMNS],
  ] as const;
  if (dialect === 'postgres') {
    return tables.flatMap(([table, name, has, cols]) => [
      `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN ${apply(dialect, table, 'OLD', '-1')}; END IF;
         IF TG_OP <> 'DELETE' THEN ${apply(dialect, table, 'NEW', '1')}; END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${table} FOR EACH ROW WHEN ${has('NEW')} EXECUTE FUNCTION ${name}()`,
      `CREATE TRIGGER ${name}_delete AFTER DELETE ON ${table} FOR EACH ROW WHEN ${has('OLD')} EXECUTE FUNCTION ${name}()`,
      `CREATE TRIGGER ${name}_update AFTER UPDATE ON ${table} FOR EACH ROW
       WHEN ((${has('OLD')} OR ${has('NEW')}) AND (${cols.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})) EXECUTE FUNCTION ${name}()`,
    ]);
  }
  return tables.flatMap(([table, name, has, cols]) => [
    `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${table} WHEN ${has('NEW')} BEGIN ${apply(dialect, table, 'NEW', '1')}; END`,
    `CREATE TRIGGER ${name}_delete AFTER DELETE ON ${table} WHEN ${has('OLD')} BEGIN ${apply(dialect, table, 'OLD', '-1')}; END`,
    `CREATE TRIGGER ${name}_update AFTER UPDATE OF ${cols.join(', ')} ON ${table}
     WHEN (${has('OLD')} OR ${has('NEW')}) AND (${cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')})
     BEGIN ${apply(dialect, table, 'OLD', '-1')}; ${apply(dialect, table, 'NEW', '1')}; END`,
  ]);
}

/** Recounts the rows' n and id_sum from the rows (after the triggers were set aside for a bulk load, or at first); every row's writes moves on. */
export async function rebuildTextMonths(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await sql`UPDATE theme_text_months SET n = 0, id_sum = 0, writes = writes + 1`.execute(db);
  const upsert = `ON CONFLICT (company_id, month, shard) DO UPDATE SET n = theme_text_months.n + excluded.n, id_sum = theme_text_months.id_sum + excluded.id_sum`;
  for (const [month, from, has] of [
    [MONTH[dialect]('x.visit_date'), 'visit_records x', recordHasText('x')],
    [INSTANT_MONTH[dialect]('x.raised_at'), 'issues x', issueHasText('x')],
  ]) {
    await sql
      .raw(
        `INSERT INTO theme_text_months (company_id, month, shard, n, id_sum, writes)
         SELECT x.company_id, ${month}, x.id % ${SHARDS}, count(*), sum(x.id), 1 FROM ${from} WHERE ${has}
         GROUP BY x.company_id, ${month}, x.id % ${SHARDS}
         ${upsert}`,
      )
      .execute(db);
  }
}

export const textMonths: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema
      .createTable('theme_text_months')
      .addColumn('company_id', c.ref, notNull)
      .addColumn('month', 'integer', notNull)
      .addColumn('shard', 'integer', notNull)
      .addColumn('n', 'integer', notNull)
      .addColumn('id_sum', c.ref, notNull)
      .addColumn('writes', c.ref, notNull)
      .addPrimaryKeyConstraint('theme_text_months_pk', ['company_id', 'month', 'shard'])
      .execute();
    await rebuildTextMonths(db, dialect);
    for (const statement of textMonthTriggers(dialect)) await sql.raw(statement).execute(db);
  },
};
