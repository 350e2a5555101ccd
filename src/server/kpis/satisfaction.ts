/**
 * The satisfaction tally of a cut and range, per group: the completed visits with a valid rating (those with an
 * `average_score` and a questionnaire version). Records that keep their tally (visit_records.sat_*, written with
 * the record) are summed in SQL, their dimensions read from the small `sat_dimensions` only when dimension figures
 * are asked; records written without it (older rows, rows inserted by hand) have their answers tallied here, by
 * the same definition (questionnaires/answer-tally.ts). Either way the figures are the same. For whole months
 * (queries.ts rollupMonths) the kept tallies are read from the monthly rollups instead, unless some of the
 * months' records have none: then the records are read.
 */
import { sql } from 'kysely';
import type { Answers, Question } from '../../shared/schemas/questionnaires.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { addDimensions, emptyTally, tallyAnswers, type SatisfactionTally } from './formulas.js';
import { scopedDimensionMonths, scopedRecordMonths } from '../scope.js';
import { inMonths, monthGroup, recordGroup, rollupMonths, scoredRecords, versionQuestions, type Cut, type Range } from './queries.js';

type Group = string | number | null;
const num = (v: unknown) => Number(v ?? 0);

export async function satisfactionTallies(db: Db, ctx: Ctx, cut: Cut, range: Pick<Range, 'from' | 'to'>, withDimensions: boolean): Promise<Map<Group, SatisfactionTally>> {
  const months = rollupMonths(cut, range);
  const rolled = months ? await rollupTallies(db, ctx, cut, months, withDimensions) : null;
  if (rolled) return rolled;
  const group = recordGroup(cut);
  const kept = scoredRecords(db, ctx, cut, range).where('visit_records.sat_rated', 'is not', null);
  const [sums, dimensions, untallied] = await Promise.all([
    kept
      .select((eb) => [
        sql<number>`sum(case when ${sql.ref('visit_records.sat_rated')} > 0 then 1 else 0 end)`.as('records'),
        eb.fn.sum<number>('visit_records.sat_rated').as('rated'),
        eb.fn.sum<number>('visit_records.sat_satisfied').as('satisfied'),
        eb.fn.sum<number>('visit_records.nps_answers').as('nps'),
        eb.fn.sum<number>('visit_records.nps_promoters').as('promoters'),
        eb.fn.sum<number>('visit_records.nps_detractors').as('detractors'),
      ])
      .$if(group !== null, (s) => s.select(group!.as('g')).groupBy(group!))
      .execute(),
    withDimensions
      ? kept
          .select('visit_records.sat_dimensions as dims')
          .$if(group !== null, (s) => s.select(group!.as('g')))
          .where('visit_records.sat_dimensions', '!=', '{}')
          .execute()
      : Promise.resolve([]),
    scoredRecords(db, ctx, cut, range)
      .where('visit_records.sat_rated', 'is', null)
      .select(['visit_records.questionnaire_version_id', 'visit_records.answers'])
      .$if(group !== null, (s) => s.select(group!.as('g')))
      .execute(),
  ]);

  const { out, of } = talliesByGroup();
  for (const r of sums) addSums(of(r), r);
  for (const r of dimensions) addDimensions(of(r), JSON.parse(String(r.dims)) as Record<string, [number, number, number]>);
  if (untallied.length) {
    const questions = await versionQuestions(db, ctx, [...new Set(untallied.map((r) => r.questionnaire_version_id as number))]);
    const parsed = new Map([...questions].map(([id, json]) => [id, JSON.parse(json) as Question[]]));
    for (const r of untallied) {
      const qs = parsed.get(r.questionnaire_version_id as number);
      if (qs) tallyAnswers(of(r), qs, JSON.parse(r.answers) as Answers);
    }
  }
  return out;
}

/** The tallies of whole months from record_months and record_dimension_months; null when a record in them keeps none. */
async function rollupTallies(db: Db, ctx: Ctx, cut: Cut, months: { from: number; to: number }, withDimensions: boolean): Promise<Map<Group, SatisfactionTally> | null> {
  const rq = inMonths(scopedRecordMonths(db, ctx), 'record_months', cut, months);
  const rg = monthGroup('record_months', cut);
  const sums = await rq
    .select((eb) => [
      eb.fn.sum<number>('record_months.sat_records').as('records'),
      eb.fn.sum<number>('record_months.sat_rated').as('rated'),
      eb.fn.sum<number>('record_months.sat_satisfied').as('satisfied'),
      eb.fn.sum<number>('record_months.nps_answers').as('nps'),
      eb.fn.sum<number>('record_months.nps_promoters').as('promoters'),
      eb.fn.sum<number>('record_months.nps_detractors').as('detractors'),
      eb.fn.sum<number>('record_months.untallied').as('untallied'),
    ])
    .$if(rg !== null, (s) => s.select(rg!.as('g')).groupBy(rg!))
    .execute();
  if (sums.some((r) => num(r.untallied) > 0)) return null;

  const { out, of } = talliesByGroup();
  // Months whose visits had no rating add no group (as the records would not).
  for (const r of sums) if (num(r.records) > 0 || num(r.rated) > 0) addSums(of(r), r);
  if (withDimensions) {
    const dq = inMonths(scopedDimensionMonths(db, ctx), 'record_dimension_months', cut, months);
    const dg = monthGroup('record_dimension_months', cut);
    const dims = await dq
      .select((eb) => [
        'record_dimension_months.dimension',
        eb.fn.sum<number>('record_dimension_months.dim_sum').as('sum'),
        eb.fn.sum<number>('record_dimension_months.dim_count').as('count'),
        eb.fn.sum<number>('record_dimension_months.dim_satisfied').as('satisfied'),
        eb.fn.sum<number>('record_dimension_months.dim_records').as('records'),
      ])
      .groupBy('record_dimension_months.dimension')
      .$if(dg !== null, (s) => s.select(dg!.as('g')).groupBy(dg!))
      .execute();
    for (const r of dims) {
      if (num(r.records) === 0) continue;
      of(r).dimensions.set(r.dimension, { sum: num(r.sum), count: num(r.count), satisfied: num(r.satisfied), records: num(r.records) });
    }
  }
  return out;
}

/** The tallies per group (a row's `g`, null without groupBy), each made on first use. */
function talliesByGroup() {
  const out = new Map<Group, SatisfactionTally>();
  const of = (r: object): SatisfactionTally => {
    const g = (r as { g?: Group }).g ?? null;
    let t = out.get(g);
    if (!t) out.set(g, (t = emptyTally()));
    return t;
  };
  return { out, of };
}

/** Adds a row of summed tally columns (from the records or from record_months) to a tally. */
function addSums(t: SatisfactionTally, r: { records: unknown; rated: unknown; satisfied: unknown; nps: unknown; promoters: unknown; detractors: unknown }) {
  t.records += num(r.records);
  t.valid += num(r.rated);
  t.satisfied += num(r.satisfied);
  t.npsAnswers += num(r.nps);
  t.promoters += num(r.promoters);
  t.detractors += num(r.detractors);
}
