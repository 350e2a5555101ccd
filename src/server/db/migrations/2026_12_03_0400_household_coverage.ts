/**
 * The rolling 12-month coverage (回访覆盖率, "every household visited at least once in 12 months") as a rollup
 * that the database keeps itself, so that the figure is one range count instead of a distinct count over a year
 * of visit records (3 s company-wide at a million records on SQLite).
 *
 * `household_coverage` holds, per household, the runs of months m for which it had a completed visit in the
 * 12 months ending with m: a visit in month v covers the windows ending in v … v + 11, so the months of a
 * household's completed visits, merged where the next one falls within 12 months of the one before, give
 * disjoint runs [from_month, to_month] (months counted as year × 12 + month − 1). The households covered in the
 * window ending with month m are then the rows with from_month ≤ m ≤ to_month, one per household.
 *
 * Triggers on `visit_records` recompute a household's runs from its records whenever a completed visit of it
 * is written, deleted, or changes its outcome, date or household, on both databases: every writer (a
 * submission, a correction, an import, the demo seeder, a test that inserts rows) keeps the rollup exact
 * without knowing of it. A household's community and building are read from the household when it is
 * recomputed. On PostgreSQL a transaction-scoped advisory lock on the household id serialises two concurrent
 * recomputations of one household (each then reads the other's committed record).
 * `test/server/coverage-rollup.test.ts` checks the rollup against the raw rows for random histories.
 */
import { sql, type Kysely } from 'kysely';
import { columns, notNull, type DialectName, type Migration } from './helpers.js';

const sqliteMonth = (col: string) => `(CAST(substr(${col}, 1, 4) AS INTEGER) * 12 + CAST(substr(${col}, 6, 2) AS INTEGER) - 1)`;
const pgMonth = (col: string) => `(EXTRACT(YEAR FROM ${col})::int * 12 + EXTRACT(MONTH FROM ${col})::int - 1)`;

/**
 * The runs of the households whose ids `households` selects (a subquery or a single id), as the rows to insert:
 * gaps and islands over each household's distinct visit months.
 */
function runsOf(dialect: DialectName, householdFilter: string): string {
  const month = dialect === 'postgres' ? pgMonth('visit_date') : sqliteMonth('visit_date');
  return `SELECT hh.company_id, hh.community_id, hh.building_id, g.household_id, min(g.v), max(g.v) + 11
    FROM (
      SELECT household_id, v, SUM(is_first) OVER (PARTITION BY household_id ORDER BY v ROWS UNBOUNDED PRECEDING) AS run_no
      FROM (
        SELECT household_id, v, CASE WHEN v - LAG(v) OVER (PARTITION BY household_id ORDER BY v) <= 12 THEN 0 ELSE 1 END AS is_first
        FROM (SELECT DISTINCT household_id, ${month} AS v FROM visit_records WHERE outcome = 'completed' AND ${householdFilter}) m
      ) s
    ) g
    JOIN households hh ON hh.id = g.household_id
    GROUP BY hh.company_id, hh.community_id, hh.building_id, g.household_id, g.run_no`;
}

const INSERT = 'INSERT INTO household_coverage (company_id, community_id, building_id, household_id, from_month, to_month)';

/** Fills the rollup from the visit records (after the triggers were set aside for a bulk load, or at first). */
export async function rebuildHouseholdCoverage(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await sql.raw('DELETE FROM household_coverage').execute(db);
  await sql.raw(`${INSERT} ${runsOf(dialect, '1 = 1')}`).execute(db);
}

/** The triggers' names, for a bulk loader that sets them aside (and calls rebuildHouseholdCoverage after). */
export const COVERAGE_TRIGGERS = ['visit_records_coverage_insert', 'visit_records_coverage_delete', 'visit_records_coverage_update'] as const;

/** The statements that create the triggers. */
export function coverageTriggers(dialect: DialectName): string[] {
  if (dialect === 'postgres') {
    return [
      `CREATE OR REPLACE FUNCTION household_coverage_refresh(h bigint) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_advisory_xact_lock(h);
         DELETE FROM household_coverage WHERE household_id = h;
         ${INSERT} ${runsOf(dialect, 'household_id = h')};
       END $$`,
      `CREATE OR REPLACE FUNCTION visit_records_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN PERFORM household_coverage_refresh(OLD.household_id); END IF;
         IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.household_id <> OLD.household_id) THEN PERFORM household_coverage_refresh(NEW.household_id); END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER visit_records_coverage_insert AFTER INSERT ON visit_records FOR EACH ROW WHEN (NEW.outcome = 'completed') EXECUTE FUNCTION visit_records_coverage()`,
      `CREATE TRIGGER visit_records_coverage_delete AFTER DELETE ON visit_records FOR EACH ROW WHEN (OLD.outcome = 'completed') EXECUTE FUNCTION visit_records_coverage()`,
      `CREATE TRIGGER visit_records_coverage_update AFTER UPDATE ON visit_records FOR EACH ROW
       WHEN ((OLD.outcome = 'completed' OR NEW.outcome = 'completed')
         AND (OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD.visit_date IS DISTINCT FROM NEW.visit_date OR OLD.household_id IS DISTINCT FROM NEW.household_id))
       EXECUTE FUNCTION visit_records_coverage()`,
    ];
  }
  // SQLite has no functions and no CTEs inside triggers: each trigger repeats the recomputation.
  const refresh = (h: string) => `DELETE FROM household_coverage WHERE household_id = ${h}; ${INSERT} ${runsOf(dialect, `household_id = ${h}`)};`;
  return [
    `CREATE TRIGGER visit_records_coverage_insert AFTER INSERT ON visit_records WHEN NEW.outcome = 'completed' BEGIN ${refresh('NEW.household_id')} END`,
    `CREATE TRIGGER visit_records_coverage_delete AFTER DELETE ON visit_records WHEN OLD.outcome = 'completed' BEGIN ${refresh('OLD.household_id')} END`,
    `CREATE TRIGGER visit_records_coverage_update AFTER UPDATE OF outcome, visit_date, household_id ON visit_records
     WHEN (OLD.outcome = 'completed' OR NEW.outcome = 'completed')
       AND (OLD.outcome IS NOT NEW.outcome OR OLD.visit_date IS NOT NEW.visit_date OR OLD.household_id IS NOT NEW.household_id)
     BEGIN ${refresh('OLD.household_id')} ${refresh('NEW.household_id')} END`,
  ];
}

export const householdCoverage: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema
      .createTable('household_coverage')
      .addColumn('company_id', c.ref, notNull)
      .addColumn('community_id', c.ref, notNull)
      .addColumn('building_id', c.ref, notNull)
      .addColumn('household_id', c.ref, (col) => col.notNull().references('households.id').onDelete('cascade'))
      .addColumn('from_month', 'integer', notNull)
      .addColumn('to_month', 'integer', notNull)
      .addPrimaryKeyConstraint('household_coverage_pk', ['household_id', 'from_month'])
      .execute();
    // The covered households of a month: the runs that have not ended by it, with what they are counted by.
    await sql.raw('CREATE INDEX household_coverage_company_idx ON household_coverage (company_id, to_month, from_month, community_id, building_id)').execute(db);
    for (const statement of coverageTriggers(dialect)) await sql.raw(statement).execute(db);
    await rebuildHouseholdCoverage(db, dialect);
  },
};
