/** Renames a template, changes its description or archives it. */
import type { Questionnaire, UpdateQuestionnaireBody } from '../../shared/schemas/questionnaires.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedUpdate } from '../scope.js';
import { getQuestionnaire } from './queries.js';

export async function updateQuestionnaire(db: Db, ctx: Ctx, id: number, input: UpdateQuestionnaireBody): Promise<Questionnaire> {
  requirePermission(ctx, 'questionnaires.manage');
  const before = await getQuestionnaire(db, ctx, id);
  if (before.scope !== 'community' && !ctx.allCommunities) throw new AppError('questionnaire_company_wide', 403);
  const after = { name: input.name ?? before.name, description: input.description ?? before.description, status: input.status ?? before.status };
  const diff = changes({ name: before.name, description: before.description, status: before.status }, after);
  if (!diff.changed) return before;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'questionnaires').set({ ...after, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'questionnaire.update', entityType: 'questionnaire', entityId: id, communityId: before.communityId, ...diff });
  });
  return getQuestionnaire(db, ctx, id);
}
