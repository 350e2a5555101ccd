/** A user changes their own display name or language. */
import type { UpdateProfileBody } from '../../shared/schemas/auth.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { ownUser, scopedUpdate } from '../scope.js';

export async function updateProfile(db: Db, ctx: Ctx, input: UpdateProfileBody): Promise<void> {
  const before = await ownUser(db, ctx).select(['display_name as displayName', 'locale']).executeTakeFirstOrThrow();
  const after = { displayName: input.displayName ?? before.displayName, locale: input.locale ?? before.locale };
  const diff = changes(before, after);
  if (!diff.changed) return;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'users')
      .set({ display_name: after.displayName, locale: after.locale, updated_at: nowIso() })
      .where('id', '=', ctx.userId)
      .execute();
    await recordAudit(trx, actorOf(ctx), { action: 'user.profile_update', entityType: 'user', entityId: ctx.userId, ...diff });
  });
}
