/**
 * Folds a duplicate resident of the same household into this one: phones and tags are united, fields the
 * kept record lacks are taken from the duplicate, and the duplicate disappears.
 */
import type { Resident } from '../../shared/schemas/residents.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { getResident, getResidentRow } from './queries.js';
import { scopedDelete, scopedUpdate } from '../scope.js';

export async function mergeResidents(db: Db, ctx: Ctx, id: number, duplicateId: number): Promise<Resident> {
  requirePermission(ctx, 'households.manage');
  const keep = await getResidentRow(db, ctx, id);
  const dup = await getResidentRow(db, ctx, duplicateId);
  if (keep.id === dup.id || keep.household_id !== dup.household_id || keep.erased_at || dup.erased_at) throw new AppError('merge_invalid', 422);
  await db.transaction().execute(async (trx) => {
    const phones = await trx.selectFrom('resident_phones').select(['resident_id', 'number']).where('resident_id', 'in', [keep.id, dup.id]).execute();
    const kept = new Set(phones.filter((p) => p.resident_id === keep.id).map((p) => p.number));
    const position = kept.size;
    const moving = phones.filter((p) => p.resident_id === dup.id && !kept.has(p.number)).map((p) => p.number);
    for (const [i, number] of moving.entries()) {
      await trx.updateTable('resident_phones').set({ resident_id: keep.id, position: position + i }).where('resident_id', '=', dup.id).where('number', '=', number).execute();
    }
    await trx
      .insertInto('resident_tags')
      .columns(['resident_id', 'tag_id'])
      .expression((eb) =>
        eb
          .selectFrom('resident_tags')
          .select([eb.val(keep.id).as('resident_id'), 'tag_id'])
          .where('resident_id', '=', dup.id)
          .where('tag_id', 'not in', eb.selectFrom('resident_tags').select('tag_id').where('resident_id', '=', keep.id)),
      )
      .execute();
    await scopedUpdate(trx, ctx, 'residents')
      .set({
        move_in_date: keep.move_in_date ?? dup.move_in_date,
        preferred_contact: keep.preferred_contact ?? dup.preferred_contact,
        notes: [keep.notes, dup.notes].filter(Boolean).join('\n'),
        updated_at: nowIso(),
      })
      .where('id', '=', keep.id)
      .execute();
    await scopedDelete(trx, ctx, 'residents').where('id', '=', dup.id).execute();
    await recordAudit(trx, actorOf(ctx), {
      action: 'resident.merge',
      entityType: 'resident',
      entityId: keep.id,
      communityId: keep.community_id,
      after: { mergedResidentId: dup.id, movedPhones: moving.length },
    });
  });
  return getResident(db, ctx, id);
}
