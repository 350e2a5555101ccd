/** Creates a questionnaire template with its first version; community staff make templates for their communities. */
import type { CreateQuestionnaireBody, Questionnaire } from '../../shared/schemas/questionnaires.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { AppError, invalidReference } from '../http/errors.js';
import { scopedCommunities, scopedInsert } from '../scope.js';
import { assertDistinctKeys, insertVersion } from './insert-version.js';
import { getQuestionnaire } from './queries.js';

export async function createQuestionnaire(db: Db, ctx: Ctx, input: CreateQuestionnaireBody): Promise<Questionnaire> {
  requirePermission(ctx, 'questionnaires.manage');
  assertDistinctKeys(input.questions);
  const scope = input.scope;
  let communityId: number | null = null;
  if (scope === 'community') {
    if (!input.communityId) throw invalidReference('community', 'communityId');
    const c = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', '=', input.communityId).executeTakeFirst();
    if (!c) throw invalidReference('community', 'communityId');
    communityId = c.id;
  } else if (!ctx.allCommunities) {
    // Company-wide templates are for company-wide staff; community staff make templates for their communities.
    throw new AppError('questionnaire_company_wide', 403);
  }
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await scopedInsert(trx, ctx, 'questionnaires', {
      company_id: ctx.companyId,
      name: input.name,
      description: input.description,
      scope,
      community_id: communityId,
      property_type: scope === 'propertyType' ? (input.propertyType ?? 'residential') : null,
      status: 'active',
      builtin: 0,
      created_at: now,
      updated_at: now,
    })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertVersion(trx, ctx, id, input.questions);
    await recordAudit(trx, actorOf(ctx), { action: 'questionnaire.create', entityType: 'questionnaire', entityId: id, communityId, after: { name: input.name, scope, questions: input.questions.length } });
    return id;
  });
  return getQuestionnaire(db, ctx, id);
}
