/**
 * Communities (小区/项目): the unit every account is scoped by. This is the minimal list the accounts
 * need; buildings, households and residents hang off it.
 */
import type { Page } from '../../shared/schemas/common.js';
import type {
  Community,
  CommunityListQuery,
  CreateCommunityBody,
  UpdateCommunityBody,
} from '../../shared/schemas/communities.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { constraintViolation, nowIso, type Db } from '../db/database.js';
import type { CommunityRow } from '../db/schema.js';
import { AppError, notFound } from '../http/errors.js';
import { scopedCommunities } from '../scope.js';

const toCommunity = (r: CommunityRow): Community => ({
  id: r.id,
  name: r.name,
  code: r.code,
  type: r.type,
  address: r.address,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listCommunities(db: Db, ctx: Ctx, query: CommunityListQuery): Promise<Page<Community>> {
  requirePermission(ctx, 'communities.read');
  let q = scopedCommunities(db, ctx);
  if (query.q) q = q.where((eb) => eb.or([eb('name', 'like', `%${query.q}%`), eb('code', 'like', `%${query.q}%`)]));
  if (query.type) q = q.where('type', '=', query.type);
  if (query.status) q = q.where('status', '=', query.status);
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q.selectAll().orderBy('name').orderBy('id').limit(query.limit).offset(query.offset).execute(),
  ]);
  return { items: rows.map(toCommunity), total: Number(total) };
}

export async function getCommunity(db: Db, ctx: Ctx, id: number): Promise<Community> {
  requirePermission(ctx, 'communities.read');
  const row = await scopedCommunities(db, ctx).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('community');
  return toCommunity(row);
}

export async function createCommunity(db: Db, ctx: Ctx, input: CreateCommunityBody): Promise<Community> {
  requirePermission(ctx, 'communities.manage');
  const now = nowIso();
  try {
    const row = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('communities')
        .values({
          company_id: ctx.companyId,
          name: input.name,
          code: input.code,
          type: input.type,
          address: input.address ?? '',
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // A creator who is not company-wide gets the new community in their scope, or they could not see it.
      if (!ctx.allCommunities) await trx.insertInto('user_communities').values({ user_id: ctx.userId, community_id: row.id }).execute();
      await recordAudit(trx, actorOf(ctx), {
        action: 'community.create',
        entityType: 'community',
        entityId: row.id,
        communityId: row.id,
        after: { name: row.name, code: row.code, type: row.type, address: row.address },
      });
      return row;
    });
    return toCommunity(row);
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('code_taken', 409, { code: input.code });
    throw err;
  }
}

export async function updateCommunity(db: Db, ctx: Ctx, id: number, input: UpdateCommunityBody): Promise<Community> {
  requirePermission(ctx, 'communities.manage');
  const before = await getCommunity(db, ctx, id);
  const after = {
    name: input.name ?? before.name,
    type: input.type ?? before.type,
    address: input.address ?? before.address,
    status: input.status ?? before.status,
  };
  const diff = changes({ name: before.name, type: before.type, address: before.address, status: before.status }, after);
  if (!diff.changed) return before;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('communities')
      .set({ ...after, updated_at: nowIso() })
      .where('id', '=', id)
      .where('company_id', '=', ctx.companyId)
      .execute();
    await recordAudit(trx, actorOf(ctx), { action: 'community.update', entityType: 'community', entityId: id, communityId: id, ...diff });
  });
  return getCommunity(db, ctx, id);
}

/** Deletes a community nobody is assigned to; one in use must be archived instead. */
export async function deleteCommunity(db: Db, ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, 'communities.manage');
  const community = await getCommunity(db, ctx, id);
  const { n } = await db
    .selectFrom('user_communities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', id)
    .executeTakeFirstOrThrow();
  if (Number(n) > 0) throw new AppError('community_in_use', 409, { count: Number(n) });
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('communities').where('id', '=', id).where('company_id', '=', ctx.companyId).execute();
    await recordAudit(trx, actorOf(ctx), {
      action: 'community.delete',
      entityType: 'community',
      entityId: id,
      communityId: id,
      before: { name: community.name, code: community.code },
    });
  });
}
