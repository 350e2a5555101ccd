/**
 * Changing a resident, and moving one out. Personal values reach the audit log only masked
 * (surname, 138****5678): the log is append-only and outlives an erasure.
 */
import type { Resident, UpdateResidentBody } from '../../shared/schemas/residents.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { maskPhone } from './phones.js';
import { getResident, getResidentRow, maskName } from './queries.js';
import { normalisePhones, replacePhones, replaceTags } from './write-helpers.js';
import { scopedUpdate } from '../scope.js';

export async function updateResident(db: Db, ctx: Ctx, id: number, input: UpdateResidentBody): Promise<Resident> {
  requirePermission(ctx, 'households.manage');
  const row = await getResidentRow(db, ctx, id);
  if (row.erased_at) throw new AppError('resident_erased', 409);
  const before = await getResident(db, ctx, id);
  const phones = input.phones ? normalisePhones(input.phones) : null;
  const after = {
    name: input.name ?? before.name,
    role: input.role ?? before.role,
    moveInDate: input.moveInDate !== undefined ? input.moveInDate : before.moveInDate,
    preferredContact: input.preferredContact !== undefined ? input.preferredContact : before.preferredContact,
    doNotContact: input.doNotContact ?? before.doNotContact,
    doNotContactReason: input.doNotContactReason !== undefined ? input.doNotContactReason : before.doNotContactReason,
    notes: input.notes ?? before.notes,
    tags: input.tags ? [...new Set(input.tags)].sort() : before.tags,
    phones: phones ? phones.map((p) => maskPhone(p.number)) : before.phones.map((p) => p.masked),
  };
  const diff = changes({ ...before, tags: before.tags, phones: before.phones.map((p) => p.masked) }, after);
  const phonesChanged = phones !== null;
  if (!diff.changed && !phonesChanged) return before;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'residents')
      .set({
        name: after.name,
        role: after.role,
        move_in_date: after.moveInDate,
        preferred_contact: after.preferredContact,
        do_not_contact: after.doNotContact ? 1 : 0,
        do_not_contact_reason: after.doNotContactReason,
        notes: after.notes,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    if (phones) await replacePhones(trx, ctx, id, phones);
    if (input.tags) await replaceTags(trx, ctx, id, input.tags);
    const mask = (o: Record<string, unknown>) => ('name' in o ? { ...o, name: maskName(String(o.name)) } : o);
    await recordAudit(trx, actorOf(ctx), {
      action: 'resident.update',
      entityType: 'resident',
      entityId: id,
      communityId: row.community_id,
      before: mask(diff.before),
      after: mask(diff.after),
    });
  });
  return getResident(db, ctx, id);
}

export async function moveOutResident(db: Db, ctx: Ctx, id: number, moveOutDate: string): Promise<Resident> {
  requirePermission(ctx, 'households.manage');
  const row = await getResidentRow(db, ctx, id);
  if (row.erased_at) throw new AppError('resident_erased', 409);
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'residents').set({ move_out_date: moveOutDate, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), {
      action: 'resident.move_out',
      entityType: 'resident',
      entityId: id,
      communityId: row.community_id,
      before: { moveOutDate: row.move_out_date },
      after: { moveOutDate },
    });
  });
  return getResident(db, ctx, id);
}
