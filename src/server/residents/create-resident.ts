/** A supervisor adds a resident (owner, tenant or merchant) to a household. */
import type { CreateResidentBody, Resident } from '../../shared/schemas/residents.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { scopedHouseholds, scopedInsert } from '../scope.js';
import { maskPhone } from './phones.js';
import { getResident, maskName } from './queries.js';
import { normalisePhones, replacePhones, replaceTags } from './write-helpers.js';

export async function createResident(db: Db, ctx: Ctx, householdId: number, input: CreateResidentBody): Promise<Resident> {
  requirePermission(ctx, 'households.manage');
  const household = await scopedHouseholds(db, ctx).select(['households.id', 'households.community_id']).where('households.id', '=', householdId).executeTakeFirst();
  if (!household) throw notFound('household');
  const phones = normalisePhones(input.phones);
  const id = await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const { id } = await scopedInsert(trx, ctx, 'residents', {
      company_id: ctx.companyId,
      community_id: household.community_id,
      household_id: household.id,
      name: input.name,
      role: input.role,
      move_in_date: input.moveInDate ?? null,
      move_out_date: null,
      preferred_contact: input.preferredContact ?? null,
      do_not_contact: input.doNotContact ? 1 : 0,
      do_not_contact_reason: input.doNotContactReason ?? null,
      notes: input.notes,
      erased_at: null,
      created_at: now,
      updated_at: now,
    })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replacePhones(trx, ctx, id, phones);
    await replaceTags(trx, ctx, id, input.tags);
    await recordAudit(trx, actorOf(ctx), {
      action: 'resident.create',
      entityType: 'resident',
      entityId: id,
      communityId: household.community_id,
      after: { householdId: household.id, name: maskName(input.name), role: input.role, phones: phones.map((p) => maskPhone(p.number)), tags: input.tags },
    });
    return id;
  });
  return getResident(db, ctx, id);
}
