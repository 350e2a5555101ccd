/** Ends the caller's session. */
import { actorOf, recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/database.js';
import type { Principal } from './principal.js';

export async function logout(db: Db, principal: Principal): Promise<void> {
  if (!principal.sessionId) return;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', principal.sessionId!).execute();
    await recordAudit(trx, actorOf(principal.ctx), { action: 'auth.logout', entityType: 'user', entityId: principal.ctx.userId });
  });
}
