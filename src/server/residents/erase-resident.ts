/**
 * Erasure on request (PIPL): the resident's personal fields are removed — name, phones, tags, dates,
 * notes — while the row stays as an anonymous member of the household, so history keeps its counts.
 */
import type { Resident } from '../../shared/schemas/residents.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { getResident, getResidentRow } from './queries.js';
import { scopedUpdate } from '../scope.js';

export const ERASED_NAME = '（已删除）';

export async function eraseResident(db: Db, ctx: Ctx, id: number, reason: string): Promise<Resident> {
  requirePermission(ctx, 'residents.erase');
  const row = await getResidentRow(db, ctx, id);
  if (row.erased_at) throw new AppError('resident_erased', 409);
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    await scopedUpdate(trx, ctx, 'residents')
      .set({
        name: ERASED_NAME,
        move_in_date: null,
        move_out_date: row.move_out_date ?? now.slice(0, 10),
        preferred_contact: null,
        do_not_contact: 1,
        do_not_contact_reason: null,
        notes: '',
        erased_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('resident_phones').where('resident_id', '=', id).execute();
    await trx.deleteFrom('resident_tags').where('resident_id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'resident.erase', entityType: 'resident', entityId: id, communityId: row.community_id, after: { reason } });
  });
  return getResident(db, ctx, id);
}
