/**
 * A visit record keeps what its answers give the satisfaction figures (questionnaires/answer-tally.ts), so that
 * the figures of a period are sums in SQL instead of every answer read and tallied on each request (at a million
 * records, a 12-month trend of 满意率 spent 7 s tallying):
 *
 * - `sat_rated`, `sat_satisfied`: valid rating answers (1–5) and those of 4 or 5;
 * - `nps_answers`, `nps_promoters`, `nps_detractors`: recommend answers (0–10), of 9–10 and of 0–6;
 * - `sat_dimensions`: JSON {dimension: [sum, count, satisfied]} of the valid rating answers per service dimension.
 *
 * Null on a record without a questionnaire, and on rows written without them (the figures then tally those
 * rows' answers as before). Records that have answers get their tally here, computed with the rules of the day
 * (this file keeps its own copy of them, as a migration must).
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName, Migration } from './helpers.js';

interface Question {
  key: string;
  type: string;
  dimension?: string | null;
}

function tally(questions: Question[], answers: Record<string, unknown>) {
  let rated = 0;
  let satisfied = 0;
  let nps = 0;
  let promoters = 0;
  let detractors = 0;
  const dimensions: Record<string, [number, number, number]> = {};
  for (const q of questions) {
    const v = answers[q.key];
    if (typeof v !== 'number') continue;
    if (q.type === 'rating' && v >= 1 && v <= 5) {
      rated++;
      if (v >= 4) satisfied++;
      if (q.dimension) {
        const d = (dimensions[q.dimension] ??= [0, 0, 0]);
        d[0] += v;
        d[1]++;
        if (v >= 4) d[2]++;
      }
    } else if (q.type === 'nps' && v >= 0 && v <= 10) {
      nps++;
      if (v >= 9) promoters++;
      else if (v <= 6) detractors++;
    }
  }
  return [rated, satisfied, nps, promoters, detractors, JSON.stringify(dimensions)] as const;
}

const BATCH = 2000;

/** Computes and writes the tallies of the records with a questionnaire that have none, in batches by id. */
export async function backfillVisitScores(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const versions = new Map<number, Question[]>();
  for (const v of (await sql<{ id: number; questions: string }>`SELECT id, questions FROM questionnaire_versions`.execute(db)).rows) versions.set(Number(v.id), JSON.parse(v.questions) as Question[]);
  let after = 0;
  for (;;) {
    const rows = (
      await sql<{ id: number; version: number; answers: string }>`SELECT id, questionnaire_version_id AS version, answers FROM visit_records
        WHERE id > ${after} AND questionnaire_version_id IS NOT NULL AND sat_rated IS NULL ORDER BY id LIMIT ${BATCH}`.execute(db)
    ).rows;
    if (!rows.length) return;
    after = Number(rows[rows.length - 1].id);
    const values = rows.map((r) => [Number(r.id), ...tally(versions.get(Number(r.version)) ?? [], JSON.parse(r.answers) as Record<string, unknown>)] as const);
    if (dialect === 'postgres') {
      const list = sql.join(values.map((v) => sql`(${v[0]}::bigint, ${v[1]}::int, ${v[2]}::int, ${v[3]}::int, ${v[4]}::int, ${v[5]}::int, ${v[6]}::text)`));
      await sql`UPDATE visit_records r SET sat_rated = x.a, sat_satisfied = x.b, nps_answers = x.c, nps_promoters = x.d, nps_detractors = x.e, sat_dimensions = x.f
        FROM (VALUES ${list}) AS x(id, a, b, c, d, e, f) WHERE r.id = x.id`.execute(db);
    } else {
      for (const v of values) {
        await sql`UPDATE visit_records SET sat_rated = ${v[1]}, sat_satisfied = ${v[2]}, nps_answers = ${v[3]}, nps_promoters = ${v[4]}, nps_detractors = ${v[5]}, sat_dimensions = ${v[6]} WHERE id = ${v[0]}`.execute(db);
      }
    }
  }
}

export const visitScores: Migration = {
  async up(db, dialect) {
    for (const column of ['sat_rated', 'sat_satisfied', 'nps_answers', 'nps_promoters', 'nps_detractors']) await db.schema.alterTable('visit_records').addColumn(column, 'integer').execute();
    await db.schema.alterTable('visit_records').addColumn('sat_dimensions', 'text').execute();
    await backfillVisitScores(db, dialect);
  },
};
