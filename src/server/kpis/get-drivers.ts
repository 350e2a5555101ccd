/**
 * Key drivers (GET /kpis/drivers): for the caller's scope or one community, which service dimensions move
 * overall satisfaction most, against how well each is done. One grouped query over the period's scored visits
 * sums, per dimension, the dimension's answer x and the overall measure y (n, Σx, Σy, Σx², Σy², Σxy over the
 * visits with both) and the dimension's answers for its score; drivers.ts turns the sums into correlations,
 * shares and quadrants. Whole months read the sums from the monthly rollups, which every record write keeps;
 * otherwise the answers are read from their JSON in the database, so no visit travels to the server.
 * For kpis.read only: a visitor's own view has none of it. docs/kpis.md, "Key drivers".
 */
import { sql, type RawBuilder } from 'kysely';
import type { Locale } from '../../shared/schemas/common.js';
import type { Question } from '../../shared/schemas/questionnaires.js';
import { DRIVER_MIN_SAMPLE, addMonths, monthOf, parsePeriod, type KpiDrivers, type KpiDriversQuery, type Period } from '../../shared/schemas/kpis.js';
import { shanghaiToday } from '../clock.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db, DialectName } from '../db/database.js';
import { analyseDrivers, versionPlan, type DimensionSums, type VersionPlan } from './drivers.js';
import { kpiScope, periodOf } from './get-kpis.js';
import { DRIVER_TEXTS } from './kpi-texts.js';
import type { RecordDimensionMonthsTable } from '../db/schema.js';
import { scopedDimensionMonths, scopedRecordMonths } from '../scope.js';
import { inMonths, recordsOf, rollupMonths, versionQuestions, type Cut } from './queries.js';

/** The period asked for, or the 12 calendar months ending with the current Shanghai month. */
export function driversPeriodOf(text: string | undefined): Period {
  if (text) return periodOf(text);
  const month = monthOf(shanghaiToday());
  return parsePeriod(`custom:${addMonths(month.from, -11)}..${month.to}`) as Period;
}

export async function getKpiDrivers(db: Db, ctx: Ctx, query: KpiDriversQuery, locale: Locale, dialect: DialectName): Promise<KpiDrivers> {
  requirePermission(ctx, 'kpis.read');
  const { communityId } = await kpiScope(db, ctx, { communityId: query.communityId });
  const period = driversPeriodOf(query.period);
  const cut: Cut = { communityId, visitorId: null, groupBy: null };
  const { n, item, dimensions } = await driverSums(db, ctx, cut, period, dialect);
  const analysis = analyseDrivers(dimensions, DRIVER_MIN_SAMPLE);
  return { period, communityId, minSample: DRIVER_MIN_SAMPLE, formula: DRIVER_TEXTS.formula[locale], n, overall: { item, averageScore: n - item }, ...analysis };
}

/** What the analysis needs of a cut and period: the visits with an overall measure, those measured by the overall question, each dimension's sums. */
export interface DriverSums {
  n: number;
  item: number;
  dimensions: DimensionSums[];
}

/**
 * The sums of a cut and period: for whole months from the monthly rollups (record_months, record_dimension_months),
 * unless a scored record of those months keeps no tally; otherwise (or with `source: 'rows'`) from the records.
 * Either way the same sums: test/server/driver-rollups.test.ts compares them for random histories.
 */
export async function driverSums(db: Db, ctx: Ctx, cut: Cut, period: Pick<Period, 'from' | 'to'>, dialect: DialectName, source: 'auto' | 'rows' = 'auto'): Promise<DriverSums> {
  const months = source === 'auto' ? rollupMonths(cut, period) : null;
  const rolled = months ? await rollupSums(db, ctx, cut, months) : null;
  return rolled ?? rowSums(db, ctx, cut, period, dialect);
}

async function rollupSums(db: Db, ctx: Ctx, cut: Cut, months: { from: number; to: number }): Promise<DriverSums | null> {
  const head = await inMonths(scopedRecordMonths(db, ctx), 'record_months', cut, months)
    .select((eb) => [
      eb.fn.sum<number>('record_months.overall_n').as('n'),
      eb.fn.sum<number>('record_months.overall_item').as('item'),
      eb.fn.sum<number>('record_months.untallied').as('untallied'),
    ])
    .executeTakeFirst();
  if (Number(head?.untallied ?? 0) > 0) return null;
  const sum = (c: keyof RecordDimensionMonthsTable) => sql<number>`sum(${sql.ref(`record_dimension_months.${c}`)})`;
  const rows = await inMonths(scopedDimensionMonths(db, ctx), 'record_dimension_months', cut, months)
    .select([
      'record_dimension_months.dimension',
      ...(['drv_n', 'drv_sx', 'drv_sy', 'drv_sxx', 'drv_syy', 'drv_sxy', 'drv_sum', 'drv_count', 'drv_records'] as const).map((c) => sum(c).as(c)),
    ])
    .groupBy('record_dimension_months.dimension')
    .having(sum('drv_asked'), '>', 0)
    .execute();
  const num = (v: unknown) => Number(v ?? 0);
  return {
    n: num(head?.n),
    item: num(head?.item),
    dimensions: rows
      .map((r) => ({
        dimension: r.dimension,
        n: num(r.drv_n),
        sx: num(r.drv_sx),
        sy: num(r.drv_sy),
        sxx: num(r.drv_sxx),
        syy: num(r.drv_syy),
        sxy: num(r.drv_sxy),
        answerSum: num(r.drv_sum),
        answerCount: num(r.drv_count),
        ratedBy: num(r.drv_records),
      }))
      .sort((a, b) => a.dimension.localeCompare(b.dimension, 'zh-CN')),
  };
}

/** The sums counted from the period's scored records, their answers read from the JSON in the database. */
async function rowSums(db: Db, ctx: Ctx, cut: Cut, period: Pick<Period, 'from' | 'to'>, dialect: DialectName): Promise<DriverSums> {
  const scored = () =>
    recordsOf(db, ctx, cut)
      .where('visit_records.outcome', '=', 'completed')
      .where('visit_records.visit_date', '>=', period.from)
      .where('visit_records.visit_date', '<=', period.to)
      .where('visit_records.average_score', 'is not', null)
      .where('visit_records.questionnaire_version_id', 'is not', null);

  const versionIds = (await scored().select('visit_records.questionnaire_version_id as v').distinct().execute()).map((r) => Number(r.v));
  const questions = await versionQuestions(db, ctx, versionIds);
  const plans = new Map([...questions].map(([id, json]) => [id, versionPlan(JSON.parse(json) as Question[])]));
  const dimensionNames = [...new Set([...plans.values()].flatMap((p) => [...p.dimensions.keys()]))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

  if (!plans.size) return { n: 0, item: 0, dimensions: [] };

  const row = await sumsQuery(db, dialect, scored, plans, dimensionNames);
  const num = (k: string) => Number(row?.[k] ?? 0);
  const sums: DimensionSums[] = dimensionNames.map((dimension, i) => ({
    dimension,
    n: num(`n${i}`),
    sx: num(`sx${i}`),
    sy: num(`sy${i}`),
    sxx: num(`sxx${i}`),
    syy: num(`syy${i}`),
    sxy: num(`sxy${i}`),
    answerSum: num(`as${i}`),
    answerCount: num(`ac${i}`),
    ratedBy: num(`rb${i}`),
  }));
  return { n: num('n'), item: num('item'), dimensions: sums };
}

/**
 * The one grouped query. Four levels: the scored visits (their version, answers and mean rating); per visit,
 * each question key's answer read from the JSON once (a number, else null); per visit, each dimension's sum and
 * count of valid answers (1–5) and the overall measure y (by the visit's version: its overall question, else
 * its mean rating); then the sums. Each level is kept from being merged into the next (LIMIT -1 on SQLite,
 * OFFSET 0 on PostgreSQL), so that an expression is computed once per visit and not once per use.
 */
async function sumsQuery(db: Db, dialect: DialectName, scored: () => ReturnType<typeof recordsOf>, plans: Map<number, VersionPlan>, dimensionNames: readonly string[]) {
  const pg = dialect === 'postgres';
  const fence = <Q extends { limit: (n: number) => Q; offset: (n: number) => Q }>(q: Q) => (pg ? q.offset(0) : q.limit(-1));

  // Level 1: the visits. PostgreSQL parses the JSON text once here.
  const visits = fence(
    scored().select([
      'visit_records.questionnaire_version_id as v',
      'visit_records.average_score as s',
      pg ? sql<unknown>`cast(${sql.ref('visit_records.answers')} as jsonb)`.as('j') : 'visit_records.answers as j',
    ]),
  );

  // Level 2: each key's answer when it is a number. Keys are `^[a-z][a-z0-9_]*$` (QuestionKey).
  const keys = [...new Set([...plans.values()].flatMap((p) => [...[...p.dimensions.values()].flat(), ...p.overall]))];
  const column = new Map(keys.map((k, i) => [k, `k${i}`]));
  const numberAt = (key: string): RawBuilder<unknown> => {
    if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`question key ${key}`);
    return pg
      ? sql`case when jsonb_typeof(${sql.ref('r.j')} -> ${sql.lit(key)}) = 'number' then cast(${sql.ref('r.j')} ->> ${sql.lit(key)} as double precision) end`
      : sql`case when json_type(${sql.ref('r.j')}, ${sql.lit(`$.${key}`)}) in ('integer', 'real') then json_extract(${sql.ref('r.j')}, ${sql.lit(`$.${key}`)}) end`;
  };
  const answers = fence(
    db.selectFrom(visits.as('r')).select(['r.v', 'r.s', ...keys.map((k) => numberAt(k).as(column.get(k) ?? k))]),
  );

  // A valid rating answer (1–5) of a key, else null.
  const valid = (key: string) => {
    const ref = sql.ref(`a.${column.get(key) ?? key}`);
    return sql<number | null>`(case when ${ref} between 1 and 5 then ${ref} end)`;
  };
  const sumOf = (ks: readonly string[]) => sql.join(ks.map((k) => sql`coalesce(${valid(k)}, 0)`), sql` + `);
  const countOf = (ks: readonly string[]) => sql.join(ks.map((k) => sql`(case when ${valid(k)} is null then 0 else 1 end)`), sql` + `);
  const byVersion = (each: (plan: VersionPlan) => RawBuilder<unknown> | null, otherwise: RawBuilder<unknown>) => {
    const branches = [...plans].map(([id, plan]) => [id, each(plan)] as const).filter((b): b is readonly [number, RawBuilder<unknown>] => b[1] !== null);
    if (!branches.length) return otherwise;
    return sql`(case ${sql.ref('a.v')} ${sql.join(
      branches.map(([id, expr]) => sql`when ${sql.lit(id)} then ${expr}`),
      sql` `,
    )} else ${otherwise} end)`;
  };

  // Level 3: per visit, each dimension's answer sum and count, and y with where it came from.
  const zero = sql`0`;
  const perVisit = fence(
    db.selectFrom(answers.as('a')).select([
      ...dimensionNames.flatMap((d, i) => [
        byVersion((p) => (p.dimensions.has(d) ? sumOf(p.dimensions.get(d) ?? []) : null), zero).as(`as${i}`),
        byVersion((p) => (p.dimensions.has(d) ? countOf(p.dimensions.get(d) ?? []) : null), zero).as(`ac${i}`),
      ]),
      byVersion((p) => (p.overall.length ? sql`(${sumOf(p.overall)}) * 1.0 / nullif(${countOf(p.overall)}, 0)` : null), sql`${sql.ref('a.s')}`).as('y'),
      byVersion((p) => (p.overall.length ? sql`1` : null), zero).as('item'),
    ]),
  );

  // Level 4: the sums. x is the visit's mean answer of the dimension (one question: the answer).
  const x = (i: number) => sql`(${sql.ref(`p.as${i}`)} * 1.0 / nullif(${sql.ref(`p.ac${i}`)}, 0))`;
  const y = sql.ref('p.y');
  const f = (expr: RawBuilder<unknown>, alias: string) => sql<number | null>`${expr}`.as(alias);
  return db
    .selectFrom(perVisit.as('p'))
    .select([
      f(sql`count(${y})`, 'n'),
      f(sql`sum(case when ${y} is not null then ${sql.ref('p.item')} else 0 end)`, 'item'),
      ...dimensionNames.flatMap((_, i) => [
        f(sql`count(${x(i)} * ${y})`, `n${i}`),
        f(sql`sum(${x(i)} + 0 * ${y})`, `sx${i}`),
        f(sql`sum(${y} + 0 * ${x(i)})`, `sy${i}`),
        f(sql`sum(${x(i)} * ${x(i)} + 0 * ${y})`, `sxx${i}`),
        f(sql`sum(${y} * ${y} + 0 * ${x(i)})`, `syy${i}`),
        f(sql`sum(${x(i)} * ${y})`, `sxy${i}`),
        f(sql`sum(${sql.ref(`p.as${i}`)})`, `as${i}`),
        f(sql`sum(${sql.ref(`p.ac${i}`)})`, `ac${i}`),
        f(sql`sum(case when ${sql.ref(`p.ac${i}`)} > 0 then 1 else 0 end)`, `rb${i}`),
      ]),
    ])
    .executeTakeFirst() as Promise<Record<string, unknown> | undefined>;
}
