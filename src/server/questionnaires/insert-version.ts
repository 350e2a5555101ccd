/**
 * The one writer of questionnaire versions: checks that question keys are distinct and that show-if names an
 * earlier question, then writes the next version. A version never changes once written: records keep pointing
 * at the version they were answered in.
 */
import type { Question } from '../../shared/schemas/questionnaires.js';
import type { Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';

export function assertDistinctKeys(questions: Question[]) {
  const seen = new Set<string>();
  const errors = [];
  for (const [i, q] of questions.entries()) {
    if (seen.has(q.key)) errors.push({ path: `questions.${i}.key`, code: 'duplicate_key', key: 'invalid' });
    seen.add(q.key);
    if (q.showIf && !questions.slice(0, i).some((p) => p.key === q.showIf!.question)) {
      errors.push({ path: `questions.${i}.showIf.question`, code: 'unknown_question', params: { key: q.showIf.question } });
    }
    if ((q.type === 'single' || q.type === 'multiple') && !(q.options?.length)) errors.push({ path: `questions.${i}.options`, code: 'required' });
  }
  if (errors.length) throw new AppError('validation_failed', 422, { count: errors.length }, { errors });
}

export async function insertVersion(db: Db, ctx: Ctx, questionnaireId: number, questions: Question[]) {
  const { max } = await db
    .selectFrom('questionnaire_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('questionnaire_id', '=', questionnaireId)
    .executeTakeFirstOrThrow();
  const version = Number(max ?? 0) + 1;
  await db
    .insertInto('questionnaire_versions')
    .values({ questionnaire_id: questionnaireId, company_id: ctx.companyId, version, questions: JSON.stringify(questions), published_at: nowIso(), published_by: ctx.userId })
    .execute();
  return version;
}
