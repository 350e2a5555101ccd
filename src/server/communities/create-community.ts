/** Creates a community; a creator who is not company-wide gets it in their scope. */
import type { Community, CreateCommunityBody } from '../../shared/schemas/communities.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedInsert } from '../scope.js';
import { assertSupervisor, getCommunity } from './queries.js';

export async function createCommunity(db: Db, ctx: Ctx, input: CreateCommunityBody): Promise<Community> {
  requirePermission(ctx, 'communities.manage');
  await assertSupervisor(db, ctx, input.supervisorId);
  const now = nowIso();
  try {
    const id = await db.transaction().execute(async (trx) => {
      const row = await scopedInsert(trx, ctx, 'communities', {
        company_id: ctx.companyId,
        name: input.name,
        code: input.code,
        type: input.type,
        address: input.address ?? '',
        status: 'active',
        supervisor_id: input.supervisorId ?? null,
        created_at: now,
        updated_at: now,
      })
        .returningAll()
        .executeTakeFirstOrThrow();
      // A creator who is not company-wide gets the new community in their scope, or they could not see it.
      if (!ctx.allCommunities) await trx.insertInto('user_communities').values({ user_id: ctx.userId, community_id: row.id }).execute();
      await recordAudit(trx, actorOf(ctx), {
        action: 'community.create',
        entityType: 'community',
        entityId: row.id,
        communityId: row.id,
        after: { name: row.name, code: row.code, type: row.type, address: row.address, supervisorId: row.supervisor_id },
      });
      return row.id;
    });
    return getCommunity(db, ctx, id);
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('code_taken', 409, { code: input.code });
    throw err;
  }
}
