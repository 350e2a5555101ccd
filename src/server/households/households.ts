/**
 * Creating, changing and merging households. A household is one room: building + unit + room, unique in
 * its community; buildings and units are created on first use.
 */
import type { CreateHouseholdBody, Household, UpdateHouseholdBody } from '../../shared/schemas/households.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { scopedCommunities, scopedDelete, scopedHouseholds, scopedInsert, scopedUpdate } from '../scope.js';
import { getHousehold } from './queries.js';
import { cleanBuilding, cleanRoom, cleanUnit, formatRoomLabel, householdSortKey } from './room.js';

/** The building's id, created when the community has none of that name yet. */
export async function buildingId(db: Db, companyId: number, communityId: number, name: string): Promise<number> {
  const found = await db.selectFrom('buildings').select('id').where('community_id', '=', communityId).where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const { id } = await db
    .insertInto('buildings')
    .values({ company_id: companyId, community_id: communityId, name, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function unitId(db: Db, companyId: number, communityId: number, building: number, name: string): Promise<number> {
  const found = await db.selectFrom('units').select('id').where('building_id', '=', building).where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const { id } = await db
    .insertInto('units')
    .values({ company_id: companyId, community_id: communityId, building_id: building, name, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function createHousehold(db: Db, ctx: Ctx, communityId: number, input: CreateHouseholdBody): Promise<Household> {
  requirePermission(ctx, 'households.manage');
  const community = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', '=', communityId).executeTakeFirst();
  if (!community) throw notFound('community');
  const address = { building: cleanBuilding(input.building), unit: input.unit ? cleanUnit(input.unit) : null, room: cleanRoom(input.room) };
  const label = formatRoomLabel(address);
  try {
    const id = await db.transaction().execute(async (trx) => {
      const b = await buildingId(trx, ctx.companyId, communityId, address.building);
      const u = address.unit ? await unitId(trx, ctx.companyId, communityId, b, address.unit) : null;
      const now = nowIso();
      const { id } = await scopedInsert(trx, ctx, 'households', {
        company_id: ctx.companyId,
        community_id: communityId,
        building_id: b,
        unit_id: u,
        room: address.room,
        sort_key: householdSortKey(address.building, address.unit, address.room),
        area: input.area ?? null,
        status: input.status,
        created_at: now,
        updated_at: now,
      })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actorOf(ctx), { action: 'household.create', entityType: 'household', entityId: id, communityId, after: { label, area: input.area ?? null, status: input.status } });
      return id;
    });
    return getHousehold(db, ctx, id);
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('household_exists', 409, { label });
    throw err;
  }
}

export async function updateHousehold(db: Db, ctx: Ctx, id: number, input: UpdateHouseholdBody): Promise<Household> {
  requirePermission(ctx, 'households.manage');
  const before = await getHousehold(db, ctx, id);
  const after = { area: input.area !== undefined ? input.area : before.area, status: input.status ?? before.status };
  const diff = changes({ area: before.area, status: before.status }, after);
  if (!diff.changed) return before;
  await db.transaction().execute(async (trx) => {
    await scopedUpdate(trx, ctx, 'households').set({ ...after, updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'household.update', entityType: 'household', entityId: id, communityId: before.communityId, ...diff });
  });
  return getHousehold(db, ctx, id);
}

/** Folds a duplicate household of the same community into this one: its residents move, it disappears. */
export async function mergeHouseholds(db: Db, ctx: Ctx, id: number, duplicateId: number): Promise<Household> {
  requirePermission(ctx, 'households.manage');
  const target = await getHousehold(db, ctx, id);
  const duplicate = await scopedHouseholds(db, ctx).select(['households.id', 'households.community_id']).where('households.id', '=', duplicateId).executeTakeFirst();
  if (!duplicate) throw notFound('household');
  if (duplicate.id === target.id || duplicate.community_id !== target.communityId) throw new AppError('merge_invalid', 422);
  await db.transaction().execute(async (trx) => {
    const moved = await scopedUpdate(trx, ctx, 'residents').set({ household_id: target.id, updated_at: nowIso() }).where('household_id', '=', duplicate.id).executeTakeFirst();
    await scopedDelete(trx, ctx, 'households').where('id', '=', duplicate.id).execute();
    await recordAudit(trx, actorOf(ctx), {
      action: 'household.merge',
      entityType: 'household',
      entityId: target.id,
      communityId: target.communityId,
      after: { mergedHouseholdId: duplicate.id, movedResidents: Number(moved.numUpdatedRows) },
    });
  });
  return getHousehold(db, ctx, id);
}
