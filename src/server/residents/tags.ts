/** The company's tag vocabulary (独居老人, 行动不便, 重点关注, 曾投诉, …). */
import type { Page } from '../../shared/schemas/common.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedInsert, scopedTags } from '../scope.js';

export async function listTags(db: Db, ctx: Ctx): Promise<Page<{ id: number; name: string; residentCount: number }>> {
  requirePermission(ctx, 'households.read');
  const rows = await scopedTags(db, ctx)
    .select((eb) => [
      'tags.id',
      'tags.name',
      eb.selectFrom('resident_tags').select(eb.fn.countAll<number>().as('n')).whereRef('resident_tags.tag_id', '=', 'tags.id').as('resident_count'),
    ])
    .orderBy('tags.name')
    .execute();
  const items = rows.map((r) => ({ id: r.id, name: r.name, residentCount: Number(r.resident_count ?? 0) }));
  return { items, total: items.length, totalKind: 'exact', nextCursor: null };
}

export async function createTag(db: Db, ctx: Ctx, name: string) {
  requirePermission(ctx, 'households.manage');
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await scopedInsert(trx, ctx, 'tags', { company_id: ctx.companyId, name, created_at: nowIso() }).returning(['id', 'name']).executeTakeFirstOrThrow();
      await recordAudit(trx, actorOf(ctx), { action: 'tag.create', entityType: 'tag', entityId: row.id, after: { name } });
      return { ...row, residentCount: 0 };
    });
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('name_taken', 409, { name });
    throw err;
  }
}
