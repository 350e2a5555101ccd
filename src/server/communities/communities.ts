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
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError, invalidReference, notFound } from '../http/errors.js';
import { inCompany, scopedCommunities, scopedDelete, scopedInsert, scopedUpdate, scopedUsers } from '../scope.js';

/** Communities with their household count and current (not moved out, not erased) resident count. */
function selectCommunities(db: Db, ctx: Ctx) {
  return scopedCommunities(db, ctx).select((eb) => [
    'communities.id',
    'communities.name',
    'communities.code',
    'communities.type',
    'communities.address',
    'communities.status',
    'communities.supervisor_id',
    'communities.created_at',
    'communities.updated_at',
    inCompany(db, ctx, 'households')
      .select(eb.fn.countAll<number>().as('n'))
      .where('households.community_id', '=', eb.ref('communities.id'))
      .as('household_count'),
    inCompany(db, ctx, 'residents')
      .select(eb.fn.countAll<number>().as('n'))
      .where('residents.community_id', '=', eb.ref('communities.id'))
      .where('residents.move_out_date', 'is', null)
      .where('residents.erased_at', 'is', null)
      .as('resident_count'),
  ]);
}
type CommunityListRow = Awaited<ReturnType<ReturnType<typeof selectCommunities>['execute']>>[number];

const toCommunity = (r: CommunityListRow): Community => ({
  id: r.id,
  name: r.name,
  code: r.code,
  type: r.type,
  address: r.address,
  status: r.status,
  supervisorId: r.supervisor_id,
  householdCount: Number(r.household_count ?? 0),
  residentCount: Number(r.resident_count ?? 0),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The responsible supervisor must be an account the caller can see. */
async function assertSupervisor(db: Db, ctx: Ctx, supervisorId: number | null | undefined) {
  if (supervisorId == null) return;
  const found = await scopedUsers(db, ctx).select('users.id').where('users.id', '=', supervisorId).executeTakeFirst();
  if (!found) throw invalidReference('user', 'supervisorId');
}

export async function listCommunities(db: Db, ctx: Ctx, query: CommunityListQuery): Promise<Page<Community>> {
  requirePermission(ctx, 'communities.read');
  let q = scopedCommunities(db, ctx);
  if (query.q) q = q.where((eb) => eb.or([eb('name', 'like', `%${query.q}%`), eb('code', 'like', `%${query.q}%`)]));
  if (query.type) q = q.where('type', '=', query.type);
  if (query.status) q = q.where('status', '=', query.status);
  const [{ total }, page] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q.select('communities.id').orderBy('name').orderBy('id').limit(query.limit).offset(query.offset).execute(),
  ]);
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await selectCommunities(db, ctx).where('communities.id', 'in', ids).orderBy('name').orderBy('id').execute() : [];
  return { items: rows.map(toCommunity), total: Number(total) };
}

export async function getCommunity(db: Db, ctx: Ctx, id: number): Promise<Community> {
  requirePermission(ctx, 'communities.read');
  const row = await selectCommunities(db, ctx).where('communities.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('community');
  return toCommunity(row);
}

export async function createCommunity(db: Db, ctx: Ctx, input: CreateCommunityBody): Promise<Community> {
  requirePermission(ctx, 'communities.manage');
  await assertSupervisor(db, ctx, input.supervisorId);
  const now = nowIso();
  try {
    const id = await db.transaction().execute(async (trx) => {
      const row = await scopedInsert(trx, ctx, 'communities', {
        company_id: ctx.companyId,
        name: input.name,
        code: input.code,
        type: input.type,
        address: input.address ?? '',
        status: 'active',
        supervisor_id: input.supervisorId ?? null,
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
        after: { name: row.name, code: row.code, type: row.type, address: row.address, supervisorId: row.supervisor_id },
      });
      return row.id;
    });
    return getCommunity(db, ctx, id);
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('code_taken', 409, { code: input.code });
    throw err;
  }
}

export async function updateCommunity(db: Db, ctx: Ctx, id: number, input: UpdateCommunityBody): Promise<Community> {
  requirePermission(ctx, 'communities.manage');
  const before = await getCommunity(db, ctx, id);
  if (input.supervisorId !== undefined) await assertSupervisor(db, ctx, input.supervisorId);
  const after = {
    name: input.name ?? before.name,
    type: input.type ?? before.type,
    address: input.address ?? before.address,
    status: input.status ?? before.status,
    supervisorId: input.supervisorId !== undefined ? input.supervisorId : before.supervisorId,
  };
  const diff = changes(
    { name: before.name, type: before.type, address: before.address, status: before.status, supervisorId: before.supervisorId },
    after,
  );
  if (!diff.changed) return before;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'communities')
      .set({ name: after.name, type: after.type, address: after.address, status: after.status, supervisor_id: after.supervisorId, updated_at: nowIso() })
      .where('id', '=', id)
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
  if (community.householdCount > 0) throw new AppError('community_has_households', 409, { count: community.householdCount });
  await db.transaction().execute(async (trx) => {
    await scopedDelete(trx, ctx, 'communities').where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), {
      action: 'community.delete',
      entityType: 'community',
      entityId: id,
      communityId: id,
      before: { name: community.name, code: community.code },
    });
  });
}
