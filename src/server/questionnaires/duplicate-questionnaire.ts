/** Starts a new template from an existing one's latest version. */
import type { Questionnaire } from '../../shared/schemas/questionnaires.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { createQuestionnaire } from './create-questionnaire.js';
import { getQuestionnaire } from './queries.js';

/** Starts a new template from an existing one's latest version (a community copy for community staff). */
export async function duplicateQuestionnaire(db: Db, ctx: Ctx, id: number, name: string): Promise<Questionnaire> {
  const source = await getQuestionnaire(db, ctx, id);
  const communityId = ctx.allCommunities ? source.communityId : (source.communityId ?? ctx.communityIds[0] ?? null);
  return createQuestionnaire(db, ctx, {
    name,
    description: source.description,
    scope: communityId ? 'community' : source.scope,
    communityId,
    propertyType: source.propertyType,
    questions: source.latestVersion?.questions ?? [],
  });
}
