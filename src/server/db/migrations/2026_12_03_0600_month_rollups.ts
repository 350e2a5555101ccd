/**
 * Monthly rollups of the visit records, the visit tasks and the issues, kept by the database itself, so that a
 * month's KPI figures read a few thousand rollup rows instead of every record, task and issue of the month (a
 * company-wide month took about 1 s of SQL at a million records on SQLite, most of it in the records' distinct
 * households and dimension tallies and the tasks' status counts).
 *
 * One row per company, month, community and building (months counted as year × 12 + month − 1, by the visit
 * date, the task's due date, the issue's deadlines and raising in Shanghai time; the community as recorded on
 * the row, the building the household had when the row was written — attribution at the time of the event;
 * building 0 for an issue without a household):
 * - `record_months`: completed visits, distinct households with a completed visit, and the satisfaction tally
 *   of the completed visits with a valid rating (those with an `average_score` and a questionnaire version) that
 *   keep their tally (visit_records.sat_*); `untallied` counts those that do not, so a reader knows when the
 *   rollup cannot answer alone.
 * - `record_dimension_months`: the same visits' per-dimension sums, counts, satisfied answers and records
 *   (from `sat_dimensions`), and the key drivers' sums per dimension: n, Σx, Σy, Σx², Σy², Σxy over the visits
 *   with both x (the mean answer of the dimension's questions other than the overall one) and y (the overall
 *   measure, `sat_overall`), the dimension's driver answers, and how many visits were asked it.
 *
 * Records keep two more columns for this: `sat_overall` (y: the overall question's mean valid answer, else the
 * mean rating) and `sat_overall_item` (1 when y is the overall question's), and each `sat_dimensions` entry
 * gains the driver answers' sum and count and whether the dimension is a driver of the visit's questionnaire;
 * every questionnaire record's tally is written again here. A record counts as `untallied` until it keeps all
 * of them.
 * - `task_months`: tasks by status, with the sum of their failed attempts.
 * - `issue_resolve_months`: issues by kind whose resolution was due in the month (withdrawn ones left out): how
 *   many, confirmed solved, resolved by the deadline.
 * - `issue_reply_months`: issues by reply mode whose reply was due in the month (withdrawn ones left out): how
 *   many, replied by the deadline.
 * - `issue_raised_months`: issues raised in the month by kind, adoption ('' for none) and whether withdrawn.
 * - `household_counts` (not by month): the households on the roster per company, community and building, so
 *   that the KPIs' denominators do not count 200,000 rows on every request.
 *
 * Row triggers add a written row's contribution, subtract a deleted row's, and on an update that touches a
 * counted column subtract the old row's and add the new row's, on both databases: every writer keeps the rollups
 * exact without knowing of them. A household counts once in a month: a completed visit adds it when the
 * household has no other completed visit that month, and removing one takes it away when none is left. On
 * PostgreSQL the transaction-scoped advisory lock on the household id (the one the coverage rollup takes)
 * serialises two concurrent writes of one household's visits, so that each sees the other's. Rows that fall to
 * zero stay (they sum to nothing). `test/server/month-rollups.test.ts` checks the rollups against the raw rows
 * for random histories.
 */
import { sql, type Kysely } from 'kysely';
import { columns, notNull, type DialectName, type Migration } from './helpers.js';

const MONTH: Record<DialectName, (col: string) => string> = {
  sqlite: (col) => `(CAST(substr(${col}, 1, 4) AS INTEGER) * 12 + CAST(substr(${col}, 6, 2) AS INTEGER) - 1)`,
  postgres: (col) => `(EXTRACT(YEAR FROM ${col})::int * 12 + EXTRACT(MONTH FROM ${col})::int - 1)`,
};

/** The same-month condition on another record `r` of row `x`'s date, readable from visit_records_household_idx. */
const SAME_MONTH: Record<DialectName, (x: string) => string> = {
  sqlite: (x) => `r.visit_date >= substr(${x}.visit_date, 1, 7) || '-01' AND r.visit_date <= substr(${x}.visit_date, 1, 7) || '-31'`,
  postgres: (x) => `r.visit_date >= date_trunc('month', ${x}.visit_date)::date AND r.visit_date < (date_trunc('month', ${x}.visit_date) + interval '1 month')::date`,
};

const RECORD_SUMS = ['completed', 'households', 'sat_records', 'sat_rated', 'sat_satisfied', 'nps_answers', 'nps_promoters', 'nps_detractors', 'untallied', 'overall_n', 'overall_item'] as const;
const DIMENSION_SUMS = ['dim_sum', 'dim_count', 'dim_satisfied', 'dim_records', 'drv_n', 'drv_sx', 'drv_sy', 'drv_sxx', 'drv_syy', 'drv_sxy', 'drv_sum', 'drv_count', 'drv_records', 'drv_asked'] as const;
const FLOAT_SUMS = new Set<string>(['dim_sum', 'drv_sx', 'drv_sy', 'drv_sxx', 'drv_syy', 'drv_sxy', 'drv_sum']);
const TASK_SUMS = ['n', 'attempts'] as const;

const upsert = (table: string, key: readonly string[], sums: readonly string[]) =>
  `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${sums.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`;
const RECORD_KEY = ['company_id', 'month', 'community_id', 'building_id'];
const DIMENSION_KEY = [...RECORD_KEY, 'dimension'];
const TASK_KEY = [...RECORD_KEY, 'status'];

const scored = (x: string) => `${x}.average_score IS NOT NULL AND ${x}.questionnaire_version_id IS NOT NULL`;
const kept = (x: string) => `${scored(x)} AND ${x}.sat_rated IS NOT NULL AND ${x}.sat_overall_item IS NOT NULL`;
const when = (cond: string, value: string) => `CASE WHEN ${cond} THEN ${value} ELSE 0 END`;
const yes = (cond: string) => when(cond, '1');

/** The entries `j` of record `x`'s sat_dimensions, and element i of an entry (0 when an older entry lacks it). */
const EACH: Record<DialectName, (x: string) => string> = {
  postgres: (x) => `jsonb_each(${x}.sat_dimensions::jsonb) j`,
  sqlite: (x) => `json_each(${x}.sat_dimensions) j`,
};
const AT: Record<DialectName, (i: number) => string> = {
  postgres: (i) => `coalesce((j.value->>${i})::${i === 0 || i === 3 ? 'double precision' : 'int'}, 0)`,
  sqlite: (i) => `coalesce(json_extract(j.value, '$[${i}]'), 0)`,
};

/**
 * What entry j of record x adds to record_dimension_months, in DIMENSION_SUMS order: the dimension's tally, and
 * for the key drivers the sums over x (the visit's mean answer of the dimension's questions other than the
 * overall one) and y (the visit's overall measure, sat_overall) when the visit has both, with the dimension's
 * answers and whether the visit was asked it.
 */
function dimensionValues(dialect: DialectName, x: string): string[] {
  const at = AT[dialect];
  const xv = `(CASE WHEN ${at(4)} > 0 THEN ${at(3)} * 1.0 / ${at(4)} END)`;
  const y = `${x}.sat_overall`;
  const pair = `${at(4)} > 0 AND ${y} IS NOT NULL`;
  return [at(0), at(1), at(2), yes(`${at(1)} > 0`), yes(pair), when(pair, xv), when(pair, y), when(pair, `${xv} * ${xv}`), when(pair, `${y} * ${y}`), when(pair, `${xv} * ${y}`), at(3), at(4), yes(`${at(4)} > 0`), at(5)];
}

/** The statement that adds (s = 1) or subtracts (s = -1) completed record `x`'s contribution to record_months. */
function recordStatement(dialect: DialectName, x: string, s: string, guard: string): string {
  const others = `SELECT 1 FROM visit_records r WHERE r.household_id = ${x}.household_id AND r.outcome = 'completed' AND ${SAME_MONTH[dialect](x)} AND r.id <> ${x}.id`;
  return `INSERT INTO record_months (${[...RECORD_KEY, ...RECORD_SUMS].join(', ')})
    SELECT ${x}.company_id, ${MONTH[dialect](`${x}.visit_date`)}, ${x}.community_id, h.building_id, ${s},
      ${s} * ${when(`NOT EXISTS (${others})`, '1')},
      ${s} * ${when(`${kept(x)} AND ${x}.sat_rated > 0`, '1')},
      ${s} * ${when(kept(x), `${x}.sat_rated`)},
      ${s} * ${when(kept(x), `coalesce(${x}.sat_satisfied, 0)`)},
      ${s} * ${when(kept(x), `coalesce(${x}.nps_answers, 0)`)},
      ${s} * ${when(kept(x), `coalesce(${x}.nps_promoters, 0)`)},
      ${s} * ${when(kept(x), `coalesce(${x}.nps_detractors, 0)`)},
      ${s} * ${when(`${scored(x)} AND NOT (${kept(x)})`, '1')},
      ${s} * ${when(`${kept(x)} AND ${x}.sat_overall IS NOT NULL`, '1')},
      ${s} * ${when(`${kept(x)} AND ${x}.sat_overall IS NOT NULL AND ${x}.sat_overall_item = 1`, '1')}
    FROM households h WHERE h.id = ${x}.household_id AND ${guard}
    ${upsert('record_months', RECORD_KEY, RECORD_SUMS)}`;
}

/** The statement that adds or subtracts completed record `x`'s dimension tallies. */
function dimensionStatement(dialect: DialectName, x: string, s: string, guard: string): string {
  return `INSERT INTO record_dimension_months (${[...DIMENSION_KEY, ...DIMENSION_SUMS].join(', ')})
    SELECT ${x}.company_id, ${MONTH[dialect](`${x}.visit_date`)}, ${x}.community_id, h.building_id, j.key, ${dimensionValues(dialect, x).map((v) => `${s} * ${v}`).join(', ')}
    FROM households h, ${EACH[dialect](x)} WHERE h.id = ${x}.household_id AND ${kept(x)} AND ${guard}
    ${upsert('record_dimension_months', DIMENSION_KEY, DIMENSION_SUMS)}`;
}

/** The statement that adds or subtracts task `x`'s count and attempts. */
function taskStatement(dialect: DialectName, x: string, s: string): string {
  return `INSERT INTO task_months (${[...TASK_KEY, ...TASK_SUMS].join(', ')})
    SELECT ${x}.company_id, ${MONTH[dialect](`${x}.due_date`)}, ${x}.community_id, h.building_id, ${x}.status, ${s}, ${s} * ${x}.attempt_count
    FROM households h WHERE h.id = ${x}.household_id
    ${upsert('task_months', TASK_KEY, TASK_SUMS)}`;
}

/** The Shanghai month of an instant (timestamps are ISO text on SQLite, timestamptz on PostgreSQL). */
const INSTANT_MONTH: Record<DialectName, (col: string) => string> = {
  sqlite: (col) => `(CAST(strftime('%Y', ${col}, '+8 hours') AS INTEGER) * 12 + CAST(strftime('%m', ${col}, '+8 hours') AS INTEGER) - 1)`,
  postgres: (col) => `(EXTRACT(YEAR FROM ${col} AT TIME ZONE 'Asia/Shanghai')::int * 12 + EXTRACT(MONTH FROM ${col} AT TIME ZONE 'Asia/Shanghai')::int - 1)`,
};
const ISSUE_BUILDING = (x: string) => `coalesce((SELECT building_id FROM households WHERE id = ${x}.household_id), 0)`;
const RESOLVE_KEY = [...RECORD_KEY, 'kind'];
const RESOLVE_SUMS = ['due', 'confirmed', 'on_time'] as const;
const REPLY_KEY = [...RECORD_KEY, 'reply_mode'];
const REPLY_SUMS = ['due', 'on_time'] as const;
const RAISED_KEY = [...RECORD_KEY, 'kind', 'adoption', 'withdrawn'];
const RAISED_SUMS = ['n'] as const;

/** The statements that add (s = 1) or subtract (s = -1) issue `x`'s contributions to the three issue rollups. */
function issueStatements(dialect: DialectName, x: string, s: string): string[] {
  const head = (cols: readonly string[]) => `${x}.company_id, ${cols[0]}, ${x}.community_id, ${ISSUE_BUILDING(x)}`;
  const m = INSTANT_MONTH[dialect];
  return [
    `INSERT INTO issue_resolve_months (${[...RESOLVE_KEY, ...RESOLVE_SUMS].join(', ')})
     SELECT ${head([m(`${x}.resolve_due_at`)])}, ${x}.kind, ${s}, ${s} * ${yes(`${x}.closure = 'confirmed'`)},
       ${s} * ${yes(`${x}.resolved_at IS NOT NULL AND ${x}.resolved_at <= ${x}.resolve_due_at`)}
     WHERE ${x}.status <> 'withdrawn' AND ${x}.resolve_due_at IS NOT NULL
     ${upsert('issue_resolve_months', RESOLVE_KEY, RESOLVE_SUMS)}`,
    `INSERT INTO issue_reply_months (${[...REPLY_KEY, ...REPLY_SUMS].join(', ')})
     SELECT ${head([m(`${x}.reply_due_at`)])}, ${x}.reply_mode, ${s}, ${s} * ${yes(`${x}.replied_at IS NOT NULL AND ${x}.replied_at <= ${x}.reply_due_at`)}
     WHERE ${x}.status <> 'withdrawn' AND ${x}.reply_due_at IS NOT NULL
     ${upsert('issue_reply_months', REPLY_KEY, REPLY_SUMS)}`,
    `INSERT INTO issue_raised_months (${[...RAISED_KEY, ...RAISED_SUMS].join(', ')})
     SELECT ${head([m(`${x}.raised_at`)])}, ${x}.kind, coalesce(${x}.adoption, ''), ${yes(`${x}.status = 'withdrawn'`)}, ${s}
     WHERE ${x}.raised_at IS NOT NULL
     ${upsert('issue_raised_months', RAISED_KEY, RAISED_SUMS)}`,
  ];
}

/** The columns whose change moves a record's, a task's or an issue's contribution. */
const RECORD_COLUMNS = ['outcome', 'visit_date', 'household_id', 'community_id', 'company_id', 'average_score', 'questionnaire_version_id', 'sat_rated', 'sat_satisfied', 'nps_answers', 'nps_promoters', 'nps_detractors', 'sat_dimensions', 'sat_overall', 'sat_overall_item'];
const TASK_COLUMNS = ['status', 'due_date', 'attempt_count', 'household_id', 'community_id', 'company_id'];
const ISSUE_COLUMNS = ['company_id', 'community_id', 'household_id', 'kind', 'status', 'closure', 'resolved_at', 'resolve_due_at', 'reply_due_at', 'replied_at', 'reply_mode', 'adoption', 'raised_at'];

/** The statement that adds or subtracts household `x` to the roster counts. */
const householdStatement = (x: string, s: string) =>
  `INSERT INTO household_counts (company_id, community_id, building_id, n) VALUES (${x}.company_id, ${x}.community_id, ${x}.building_id, ${s})
   ON CONFLICT (company_id, community_id, building_id) DO UPDATE SET n = household_counts.n + excluded.n`;
const HOUSEHOLD_COLUMNS = ['company_id', 'community_id', 'building_id'];

/** The triggers' names, for a bulk loader that sets them aside (and calls rebuildMonthRollups after). */
export const MONTH_ROLLUP_TRIGGERS = [
  ['households', 'households_counts_insert'],
  ['households', 'households_counts_delete'],
  ['households', 'households_counts_update'],
  ['visit_records', 'visit_records_months_insert'],
  ['visit_records', 'visit_records_months_delete'],
  ['visit_records', 'visit_records_months_update'],
  ['visit_tasks', 'visit_tasks_months_insert'],
  ['visit_tasks', 'visit_tasks_months_delete'],
  ['visit_tasks', 'visit_tasks_months_update'],
  ['issues', 'issues_months_insert'],
  ['issues', 'issues_months_delete'],
  ['issues', 'issues_months_update'],
] as const;

/** The statements that create the triggers. */
export function monthRollupTriggers(dialect: DialectName): string[] {
  if (dialect === 'postgres') {
    const changed = (cols: string[]) => cols.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');
    return [
      `CREATE OR REPLACE FUNCTION record_months_apply(x visit_records, s int) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         IF x.outcome IS DISTINCT FROM 'completed' THEN RETURN; END IF;
         PERFORM pg_advisory_xact_lock(x.household_id);
         ${recordStatement(dialect, 'x', 's', 'true')};
         ${dimensionStatement(dialect, 'x', 's', 'true')};
       END $$`,
      `CREATE OR REPLACE FUNCTION visit_records_months() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN PERFORM record_months_apply(OLD, -1); END IF;
         IF TG_OP <> 'DELETE' THEN PERFORM record_months_apply(NEW, 1); END IF;
         RETURN NULL;
       END $$`,
      `CREATE OR REPLACE FUNCTION task_months_apply(x visit_tasks, s int) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         ${taskStatement(dialect, 'x', 's')};
       END $$`,
      `CREATE OR REPLACE FUNCTION visit_tasks_months() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN PERFORM task_months_apply(OLD, -1); END IF;
         IF TG_OP <> 'DELETE' THEN PERFORM task_months_apply(NEW, 1); END IF;
         RETURN NULL;
       END $$`,
      `CREATE OR REPLACE FUNCTION issue_months_apply(x issues, s int) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         ${issueStatements(dialect, 'x', 's').join(';\n')};
       END $$`,
      `CREATE OR REPLACE FUNCTION issues_months() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN PERFORM issue_months_apply(OLD, -1); END IF;
         IF TG_OP <> 'DELETE' THEN PERFORM issue_months_apply(NEW, 1); END IF;
         RETURN NULL;
       END $$`,
      `CREATE OR REPLACE FUNCTION household_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN ${householdStatement('OLD', '-1')}; END IF;
         IF TG_OP <> 'DELETE' THEN ${householdStatement('NEW', '1')}; END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER households_counts_insert AFTER INSERT ON households FOR EACH ROW EXECUTE FUNCTION household_counts_apply()`,
      `CREATE TRIGGER households_counts_delete AFTER DELETE ON households FOR EACH ROW EXECUTE FUNCTION household_counts_apply()`,
      `CREATE TRIGGER households_counts_update AFTER UPDATE ON households FOR EACH ROW WHEN (${changed(HOUSEHOLD_COLUMNS)}) EXECUTE FUNCTION household_counts_apply()`,
      `CREATE TRIGGER visit_records_months_insert AFTER INSERT ON visit_records FOR EACH ROW WHEN (NEW.outcome = 'completed') EXECUTE FUNCTION visit_records_months()`,
      `CREATE TRIGGER visit_records_months_delete AFTER DELETE ON visit_records FOR EACH ROW WHEN (OLD.outcome = 'completed') EXECUTE FUNCTION visit_records_months()`,
      `CREATE TRIGGER visit_records_months_update AFTER UPDATE ON visit_records FOR EACH ROW
       WHEN ((OLD.outcome = 'completed' OR NEW.outcome = 'completed') AND (${changed(RECORD_COLUMNS)})) EXECUTE FUNCTION visit_records_months()`,
      `CREATE TRIGGER visit_tasks_months_insert AFTER INSERT ON visit_tasks FOR EACH ROW EXECUTE FUNCTION visit_tasks_months()`,
      `CREATE TRIGGER visit_tasks_months_delete AFTER DELETE ON visit_tasks FOR EACH ROW EXECUTE FUNCTION visit_tasks_months()`,
      `CREATE TRIGGER visit_tasks_months_update AFTER UPDATE ON visit_tasks FOR EACH ROW WHEN (${changed(TASK_COLUMNS)}) EXECUTE FUNCTION visit_tasks_months()`,
      `CREATE TRIGGER issues_months_insert AFTER INSERT ON issues FOR EACH ROW EXECUTE FUNCTION issues_months()`,
      `CREATE TRIGGER issues_months_delete AFTER DELETE ON issues FOR EACH ROW EXECUTE FUNCTION issues_months()`,
      `CREATE TRIGGER issues_months_update AFTER UPDATE ON issues FOR EACH ROW WHEN (${changed(ISSUE_COLUMNS)}) EXECUTE FUNCTION issues_months()`,
    ];
  }
  // SQLite has no functions: each trigger repeats the statements, each guarded by whether its row counts.
  const changed = (cols: string[]) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  const issues = (x: string, s: string) => issueStatements(dialect, x, s).map((st) => `${st};`).join(' ');
  const records = (x: string, s: string) => `${recordStatement(dialect, x, s, `${x}.outcome = 'completed'`)}; ${dimensionStatement(dialect, x, s, `${x}.outcome = 'completed'`)};`;
  return [
    `CREATE TRIGGER households_counts_insert AFTER INSERT ON households BEGIN ${householdStatement('NEW', '1')}; END`,
    `CREATE TRIGGER households_counts_delete AFTER DELETE ON households BEGIN ${householdStatement('OLD', '-1')}; END`,
    `CREATE TRIGGER households_counts_update AFTER UPDATE OF ${HOUSEHOLD_COLUMNS.join(', ')} ON households WHEN ${changed(HOUSEHOLD_COLUMNS)}
     BEGIN ${householdStatement('OLD', '-1')}; ${householdStatement('NEW', '1')}; END`,
    `CREATE TRIGGER visit_records_months_insert AFTER INSERT ON visit_records WHEN NEW.outcome = 'completed' BEGIN ${records('NEW', '1')} END`,
    `CREATE TRIGGER visit_records_months_delete AFTER DELETE ON visit_records WHEN OLD.outcome = 'completed' BEGIN ${records('OLD', '-1')} END`,
    `CREATE TRIGGER visit_records_months_update AFTER UPDATE OF ${RECORD_COLUMNS.join(', ')} ON visit_records
     WHEN (OLD.outcome = 'completed' OR NEW.outcome = 'completed') AND (${changed(RECORD_COLUMNS)})
     BEGIN ${records('OLD', '-1')} ${records('NEW', '1')} END`,
    `CREATE TRIGGER visit_tasks_months_insert AFTER INSERT ON visit_tasks BEGIN ${taskStatement(dialect, 'NEW', '1')}; END`,
    `CREATE TRIGGER visit_tasks_months_delete AFTER DELETE ON visit_tasks BEGIN ${taskStatement(dialect, 'OLD', '-1')}; END`,
    `CREATE TRIGGER visit_tasks_months_update AFTER UPDATE OF ${TASK_COLUMNS.join(', ')} ON visit_tasks WHEN ${changed(TASK_COLUMNS)}
     BEGIN ${taskStatement(dialect, 'OLD', '-1')}; ${taskStatement(dialect, 'NEW', '1')}; END`,
    `CREATE TRIGGER issues_months_insert AFTER INSERT ON issues BEGIN ${issues('NEW', '1')} END`,
    `CREATE TRIGGER issues_months_delete AFTER DELETE ON issues BEGIN ${issues('OLD', '-1')} END`,
    `CREATE TRIGGER issues_months_update AFTER UPDATE OF ${ISSUE_COLUMNS.join(', ')} ON issues WHEN ${changed(ISSUE_COLUMNS)}
     BEGIN ${issues('OLD', '-1')} ${issues('NEW', '1')} END`,
  ];
}

/** The rollup tables, for a test or a loader that empties them. */
export const ROLLUP_TABLES = ['household_counts', 'record_months', 'record_dimension_months', 'task_months', 'issue_resolve_months', 'issue_reply_months', 'issue_raised_months'] as const;

/** Fills the rollups from the rows (after the triggers were set aside for a bulk load, or at first). */
export async function rebuildMonthRollups(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const month = (col: string) => MONTH[dialect](col);
  const sumWhen = (cond: string, value: string) => `sum(${when(cond, value)})`;
  for (const table of ROLLUP_TABLES) await sql.raw(`DELETE FROM ${table}`).execute(db);
  await sql
    .raw(
      `INSERT INTO household_counts (company_id, community_id, building_id, n)
       SELECT company_id, community_id, building_id, count(*) FROM households GROUP BY company_id, community_id, building_id`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO record_months (${[...RECORD_KEY, ...RECORD_SUMS].join(', ')})
       SELECT x.company_id, ${month('x.visit_date')}, x.community_id, h.building_id, count(*), count(DISTINCT x.household_id),
         ${sumWhen(`${kept('x')} AND x.sat_rated > 0`, '1')}, ${sumWhen(kept('x'), 'x.sat_rated')}, ${sumWhen(kept('x'), 'coalesce(x.sat_satisfied, 0)')},
         ${sumWhen(kept('x'), 'coalesce(x.nps_answers, 0)')}, ${sumWhen(kept('x'), 'coalesce(x.nps_promoters, 0)')}, ${sumWhen(kept('x'), 'coalesce(x.nps_detractors, 0)')},
         ${sumWhen(`${scored('x')} AND NOT (${kept('x')})`, '1')}, ${sumWhen(`${kept('x')} AND x.sat_overall IS NOT NULL`, '1')},
         ${sumWhen(`${kept('x')} AND x.sat_overall IS NOT NULL AND x.sat_overall_item = 1`, '1')}
       FROM visit_records x JOIN households h ON h.id = x.household_id
       WHERE x.outcome = 'completed'
       GROUP BY x.company_id, ${month('x.visit_date')}, x.community_id, h.building_id`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO record_dimension_months (${[...DIMENSION_KEY, ...DIMENSION_SUMS].join(', ')})
       SELECT x.company_id, ${month('x.visit_date')}, x.community_id, h.building_id, j.key, ${dimensionValues(dialect, 'x').map((v) => `sum(${v})`).join(', ')}
       FROM visit_records x JOIN households h ON h.id = x.household_id, ${EACH[dialect]('x')}
       WHERE x.outcome = 'completed' AND ${kept('x')}
       GROUP BY x.company_id, ${month('x.visit_date')}, x.community_id, h.building_id, j.key`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO task_months (${[...TASK_KEY, ...TASK_SUMS].join(', ')})
       SELECT x.company_id, ${month('x.due_date')}, x.community_id, h.building_id, x.status, count(*), sum(x.attempt_count)
       FROM visit_tasks x JOIN households h ON h.id = x.household_id
       GROUP BY x.company_id, ${month('x.due_date')}, x.community_id, h.building_id, x.status`,
    )
    .execute(db);
  const im = INSTANT_MONTH[dialect];
  const issueHead = (col: string) => `x.company_id, ${im(col)}, x.community_id, coalesce(h.building_id, 0)`;
  const issueFrom = 'FROM issues x LEFT JOIN households h ON h.id = x.household_id';
  await sql
    .raw(
      `INSERT INTO issue_resolve_months (${[...RESOLVE_KEY, ...RESOLVE_SUMS].join(', ')})
       SELECT ${issueHead('x.resolve_due_at')}, x.kind, count(*), ${sumWhen("x.closure = 'confirmed'", '1')}, ${sumWhen('x.resolved_at IS NOT NULL AND x.resolved_at <= x.resolve_due_at', '1')}
       ${issueFrom} WHERE x.status <> 'withdrawn' AND x.resolve_due_at IS NOT NULL
       GROUP BY ${issueHead('x.resolve_due_at')}, x.kind`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO issue_reply_months (${[...REPLY_KEY, ...REPLY_SUMS].join(', ')})
       SELECT ${issueHead('x.reply_due_at')}, x.reply_mode, count(*), ${sumWhen('x.replied_at IS NOT NULL AND x.replied_at <= x.reply_due_at', '1')}
       ${issueFrom} WHERE x.status <> 'withdrawn' AND x.reply_due_at IS NOT NULL
       GROUP BY ${issueHead('x.reply_due_at')}, x.reply_mode`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO issue_raised_months (${[...RAISED_KEY, ...RAISED_SUMS].join(', ')})
       SELECT ${issueHead('x.raised_at')}, x.kind, coalesce(x.adoption, ''), ${yes("x.status = 'withdrawn'")}, count(*)
       ${issueFrom} WHERE x.raised_at IS NOT NULL
       GROUP BY ${issueHead('x.raised_at')}, x.kind, coalesce(x.adoption, ''), ${yes("x.status = 'withdrawn'")}`,
    )
    .execute(db);
}


interface Question {
  key: string;
  type: string;
  dimension?: string | null;
}

/**
 * A record's tally columns, with the rules of the day (questionnaires/answer-tally.ts; a migration keeps its own
 * copy): the satisfaction tally, each asked dimension's [sum, count, satisfied, driverSum, driverCount, driver]
 * and the key drivers' overall measure (the overall question's mean valid answer, else the mean rating as the
 * record's average_score rounds it).
 */
function tally(questions: readonly Question[], answers: Record<string, unknown>) {
  const overallDimensions = new Set(['总体', '整体', 'overall']);
  const isOverall = (q: Question) => q.type === 'rating' && (q.key === 'overall' || (!!q.dimension && overallDimensions.has(q.dimension.trim().toLowerCase())));
  let [rated, satisfied, nps, promoters, detractors] = [0, 0, 0, 0, 0];
  const dimensions: Record<string, number[]> = {};
  const overall: number[] = [];
  const ratings: number[] = [];
  let hasOverall = false;
  for (const q of questions) {
    const v = answers[q.key];
    const valid = typeof v === 'number';
    if (q.type === 'rating') {
      const isItem = isOverall(q);
      if (isItem) hasOverall = true;
      if (valid) ratings.push(v);
      const d = q.dimension ? (dimensions[q.dimension] ??= [0, 0, 0, 0, 0, 0]) : null;
      if (d && !isItem) d[5] = 1;
      if (!valid || v < 1 || v > 5) continue;
      rated++;
      if (v >= 4) satisfied++;
      if (isItem) overall.push(v);
      if (!d) continue;
      d[0] += v;
      d[1]++;
      if (v >= 4) d[2]++;
      if (!isItem) {
        d[3] += v;
        d[4]++;
      }
    } else if (q.type === 'nps' && valid && v >= 0 && v <= 10) {
      nps++;
      if (v >= 9) promoters++;
      else if (v <= 6) detractors++;
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const y = hasOverall ? (overall.length ? mean(overall) : null) : ratings.length ? Math.round(mean(ratings) * 100) / 100 : null;
  return [rated, satisfied, nps, promoters, detractors, JSON.stringify(dimensions), y, hasOverall ? 1 : 0] as const;
}

const BATCH = 2000;

/** Writes every questionnaire record's tally columns (all of them, so older tallies gain the drivers' part), in batches by id. */
export async function backfillRecordTallies(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const versions = new Map<number, Question[]>();
  for (const v of (await sql<{ id: number; questions: string }>`SELECT id, questions FROM questionnaire_versions`.execute(db)).rows) versions.set(Number(v.id), JSON.parse(v.questions) as Question[]);
  let after = 0;
  for (;;) {
    const rows = (
      await sql<{ id: number; version: number; answers: string }>`SELECT id, questionnaire_version_id AS version, answers FROM visit_records
        WHERE id > ${after} AND questionnaire_version_id IS NOT NULL ORDER BY id LIMIT ${BATCH}`.execute(db)
    ).rows;
    if (!rows.length) return;
    after = Number(rows[rows.length - 1].id);
    const values = rows.map((r) => [Number(r.id), ...tally(versions.get(Number(r.version)) ?? [], JSON.parse(r.answers) as Record<string, unknown>)] as const);
    if (dialect === 'postgres') {
      const list = sql.join(values.map((v) => sql`(${v[0]}::bigint, ${v[1]}::int, ${v[2]}::int, ${v[3]}::int, ${v[4]}::int, ${v[5]}::int, ${v[6]}::text, ${v[7]}::double precision, ${v[8]}::int)`));
      await sql`UPDATE visit_records r SET sat_rated = x.a, sat_satisfied = x.b, nps_answers = x.c, nps_promoters = x.d, nps_detractors = x.e, sat_dimensions = x.f, sat_overall = x.g, sat_overall_item = x.h
        FROM (VALUES ${list}) AS x(id, a, b, c, d, e, f, g, h) WHERE r.id = x.id`.execute(db);
    } else {
      for (const v of values) {
        await sql`UPDATE visit_records SET sat_rated = ${v[1]}, sat_satisfied = ${v[2]}, nps_answers = ${v[3]}, nps_promoters = ${v[4]}, nps_detractors = ${v[5]}, sat_dimensions = ${v[6]},
          sat_overall = ${v[7]}, sat_overall_item = ${v[8]} WHERE id = ${v[0]}`.execute(db);
      }
    }
  }
}

export const monthRollups: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema.alterTable('visit_records').addColumn('sat_overall', c.float).execute();
    await db.schema.alterTable('visit_records').addColumn('sat_overall_item', 'integer').execute();
    await backfillRecordTallies(db, dialect);
    const key = (t: string, extra: (b: any) => any = (b) => b) =>
      extra(db.schema.createTable(t).addColumn('company_id', c.ref, notNull).addColumn('month', 'integer', notNull).addColumn('community_id', c.ref, notNull).addColumn('building_id', c.ref, notNull));
    await db.schema
      .createTable('household_counts')
      .addColumn('company_id', c.ref, notNull)
      .addColumn('community_id', c.ref, notNull)
      .addColumn('building_id', c.ref, notNull)
      .addColumn('n', 'integer', notNull)
      .addPrimaryKeyConstraint('household_counts_pk', ['company_id', 'community_id', 'building_id'])
      .execute();
    let records = key('record_months');
    for (const col of RECORD_SUMS) records = records.addColumn(col, 'integer', notNull);
    await records.addPrimaryKeyConstraint('record_months_pk', RECORD_KEY).execute();
    let dims = key('record_dimension_months').addColumn('dimension', 'text', notNull);
    for (const col of DIMENSION_SUMS) dims = dims.addColumn(col, FLOAT_SUMS.has(col) ? c.float : 'integer', notNull);
    await dims.addPrimaryKeyConstraint('record_dimension_months_pk', DIMENSION_KEY).execute();
    let tasks = key('task_months').addColumn('status', 'text', notNull);
    for (const col of TASK_SUMS) tasks = tasks.addColumn(col, 'integer', notNull);
    await tasks.addPrimaryKeyConstraint('task_months_pk', TASK_KEY).execute();
    let resolve = key('issue_resolve_months').addColumn('kind', 'text', notNull);
    for (const col of RESOLVE_SUMS) resolve = resolve.addColumn(col, 'integer', notNull);
    await resolve.addPrimaryKeyConstraint('issue_resolve_months_pk', RESOLVE_KEY).execute();
    let reply = key('issue_reply_months').addColumn('reply_mode', 'text', notNull);
    for (const col of REPLY_SUMS) reply = reply.addColumn(col, 'integer', notNull);
    await reply.addPrimaryKeyConstraint('issue_reply_months_pk', REPLY_KEY).execute();
    const raised = key('issue_raised_months').addColumn('kind', 'text', notNull).addColumn('adoption', 'text', notNull).addColumn('withdrawn', 'integer', notNull).addColumn('n', 'integer', notNull);
    await raised.addPrimaryKeyConstraint('issue_raised_months_pk', RAISED_KEY).execute();
    for (const statement of monthRollupTriggers(dialect)) await sql.raw(statement).execute(db);
    await rebuildMonthRollups(db, dialect);
  },
};
