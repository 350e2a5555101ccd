/** Publishes a new version of a template; earlier versions stay as they were. */
import type { Question, Questionnaire } from '../../shared/schemas/questionnaires.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedUpdate } from '../scope.js';
import { assertDistinctKeys, insertVersion } from './insert-version.js';
import { getQuestionnaire } from './queries.js';

export async function publishQuestionnaire(db: Db, ctx: Ctx, id: number, questions: Question[]): Promise<Questionnaire> {
  requirePermission(ctx, 'questionnaires.manage');
  const q = await getQuestionnaire(db, ctx, id);
  if (q.scope !== 'community' && !ctx.allCommunities) throw new AppError('questionnaire_company_wide', 403);
  assertDistinctKeys(questions);
  await db.transaction().execute(async (trx) => {
    const version = await insertVersion(trx, ctx, id, questions);
    await scopedUpdate(trx, ctx, 'questionnaires').set({ updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'questionnaire.publish', entityType: 'questionnaire', entityId: id, communityId: q.communityId, after: { version, questions: questions.length } });
  });
  return getQuestionnaire(db, ctx, id);
}
