/**
 * A user with the contact permission reveals one resident's phone numbers by an explicit action.
 * Every reveal is written to the audit log (who, whose, when, from where) — never the numbers themselves.
 */
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { formatPhone } from './phones.js';
import { getResidentRow } from './queries.js';

export async function revealPhones(db: Db, ctx: Ctx, residentId: number) {
  requirePermission(ctx, 'residents.contact');
  const resident = await getResidentRow(db, ctx, residentId);
  if (resident.erased_at) throw new AppError('resident_erased', 409);
  const phones = await db.selectFrom('resident_phones').select(['id', 'number', 'kind']).where('resident_id', '=', residentId).orderBy('position').execute();
  await recordAudit(db, actorOf(ctx), {
    action: 'resident.reveal_phone',
    entityType: 'resident',
    entityId: residentId,
    communityId: resident.community_id,
    after: { count: phones.length },
  });
  return { phones: phones.map((p) => ({ id: p.id, number: formatPhone(p.number), kind: p.kind })) };
}
