/**
 * Shared steps of the resident use cases: normalising phones (422 with the field when one is invalid),
 * resolving tags against the company vocabulary, and replacing a resident's phones and tags.
 */
import type { Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { parsePhone, type Phone } from './phones.js';
import { scopedInsert, scopedTags } from '../scope.js';

export function normalisePhones(raw: readonly string[]): Phone[] {
  const phones: Phone[] = [];
  const errors = [];
  for (const [i, value] of raw.entries()) {
    const phone = parsePhone(value);
    if (!phone) errors.push({ path: `phones.${i}`, code: 'phone_invalid', params: { value } });
    else if (!phones.some((p) => p.number === phone.number)) phones.push(phone);
  }
  if (errors.length) throw new AppError('validation_failed', 422, { count: errors.length }, { errors });
  return phones;
}

export async function replacePhones(db: Db, ctx: Ctx, residentId: number, phones: Phone[]): Promise<void> {
  await db.deleteFrom('resident_phones').where('resident_id', '=', residentId).execute();
  if (phones.length === 0) return;
  await db
    .insertInto('resident_phones')
    .values(phones.map((p, position) => ({ resident_id: residentId, company_id: ctx.companyId, number: p.number, kind: p.kind, last4: p.last4, position })))
    .execute();
}

/** Tag ids for the names, adding unknown names to the company's vocabulary. */
async function ensureTags(db: Db, ctx: Ctx, names: readonly string[]): Promise<number[]> {
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (unique.length === 0) return [];
  const existing = await scopedTags(db, ctx).select(['tags.id', 'tags.name']).where('tags.name', 'in', unique).execute();
  const missing = unique.filter((n) => !existing.some((t) => t.name === n));
  if (missing.length) {
    const created = await scopedInsert(db, ctx, 'tags', missing.map((name) => ({ company_id: ctx.companyId, name, created_at: nowIso() })))
      .returning(['id', 'name'])
      .execute();
    existing.push(...created);
  }
  return existing.map((t) => t.id);
}

export async function replaceTags(db: Db, ctx: Ctx, residentId: number, names: readonly string[]): Promise<void> {
  const tagIds = await ensureTags(db, ctx, names);
  await db.deleteFrom('resident_tags').where('resident_id', '=', residentId).execute();
  if (tagIds.length) await db.insertInto('resident_tags').values(tagIds.map((tag_id) => ({ resident_id: residentId, tag_id }))).execute();
}
