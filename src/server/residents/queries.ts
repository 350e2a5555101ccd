/**
 * Reading residents with their masked phones and tags. Phones are never returned in full here:
 * revealing one is its own audited action (reveal-phones.ts).
 */
import type { Resident } from '../../shared/schemas/residents.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import type { ResidentsTable } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { scopedResidents } from '../scope.js';
import { maskPhone } from './phones.js';
import type { Selectable } from 'kysely';

type ResidentRow = Selectable<ResidentsTable>;

/** Shapes resident rows, loading phones and tags for all of them in two queries. */
export async function toResidents(db: Db, rows: ResidentRow[]): Promise<Resident[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [phones, tags] = await Promise.all([
    db.selectFrom('resident_phones').select(['id', 'resident_id', 'number', 'kind']).where('resident_id', 'in', ids).orderBy('position').execute(),
    db
      .selectFrom('resident_tags')
      .innerJoin('tags', 'tags.id', 'resident_tags.tag_id')
      .select(['resident_tags.resident_id', 'tags.name'])
      .where('resident_tags.resident_id', 'in', ids)
      .orderBy('tags.name')
      .execute(),
  ]);
  const phonesOf = groupBy(phones, (p) => p.resident_id);
  const tagsOf = groupBy(tags, (t) => t.resident_id);
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    communityId: r.community_id,
    name: r.name,
    role: r.role,
    phones: (phonesOf.get(r.id) ?? []).map((p) => ({ id: p.id, masked: maskPhone(p.number), kind: p.kind })),
    moveInDate: r.move_in_date,
    moveOutDate: r.move_out_date,
    tags: (tagsOf.get(r.id) ?? []).map((t) => t.name),
    preferredContact: r.preferred_contact as Resident['preferredContact'],
    doNotContact: r.do_not_contact === 1,
    doNotContactReason: r.do_not_contact_reason,
    notes: r.notes,
    erased: r.erased_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function getResidentRow(db: Db, ctx: Ctx, id: number): Promise<ResidentRow> {
  const row = await scopedResidents(db, ctx).selectAll().where('residents.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('resident');
  return row;
}

export async function getResident(db: Db, ctx: Ctx, id: number): Promise<Resident> {
  return (await toResidents(db, [await getResidentRow(db, ctx, id)]))[0];
}

/** One resident as the API shows it: readers of households may read their residents (phones masked). */
export async function readResident(db: Db, ctx: Ctx, id: number): Promise<Resident> {
  requirePermission(ctx, 'households.read');
  return getResident(db, ctx, id);
}

export function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Names in the audit log are shortened to the surname: the log is append-only and cannot be erased. */
export const maskName = (name: string) => (name ? `${[...name][0]}${'*'.repeat(Math.max(1, [...name].length - 1))}` : name);
