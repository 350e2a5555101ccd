/**
 * The satisfaction tally of a cut and range, per group: the completed visits with a valid rating (those with an
 * `average_score` and a questionnaire version). Records that keep their tally (visit_records.sat_*, written with
 * the record) are summed in SQL, their dimensions read from the small `sat_dimensions` only when dimension figures
 * are asked; records written without it (older rows, rows inserted by hand) have their answers tallied here, by
 * the same definition (questionnaires/answer-tally.ts). Either way the figures are the same.
 */
import { sql } from 'kysely';
import type { Answers, Question } from '../../shared/schemas/questionnaires.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { addDimensions, emptyTally, tallyAnswers, type SatisfactionTally } from './formulas.js';
import { recordGroup, scoredRecords, versionQuestions, type Cut, type Range } from './queries.js';

type Group = string | number | null;
const num = (v: unknown) => Number(v ?? 0);

export async function satisfactionTallies(db: Db, ctx: Ctx, cut: Cut, range: Pick<Range, 'from' | 'to'>, withDimensions: boolean): Promise<Map<Group, SatisfactionTally>> {
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

  const out = new Map<Group, SatisfactionTally>();
  const of = (g: Group) => {
    let t = out.get(g);
    if (!t) out.set(g, (t = emptyTally()));
    return t;
  };
  const groupOf = (r: object): Group => ((r as { g?: Group }).g ?? null);
  for (const r of sums) {
    const t = of(groupOf(r));
    t.records += num(r.records);
    t.valid += num(r.rated);
    t.satisfied += num(r.satisfied);
    t.npsAnswers += num(r.nps);
    t.promoters += num(r.promoters);
    t.detractors += num(r.detractors);
  }
  for (const r of dimensions) addDimensions(of(groupOf(r)), JSON.parse(String(r.dims)) as Record<string, [number, number, number]>);
  if (untallied.length) {
    const questions = await versionQuestions(db, ctx, [...new Set(untallied.map((r) => r.questionnaire_version_id as number))]);
    const parsed = new Map([...questions].map(([id, json]) => [id, JSON.parse(json) as Question[]]));
    for (const r of untallied) {
      const qs = parsed.get(r.questionnaire_version_id as number);
      if (qs) tallyAnswers(of(groupOf(r)), qs, JSON.parse(r.answers) as Answers);
    }
  }
  return out;
}
