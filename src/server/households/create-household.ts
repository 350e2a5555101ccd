/**
 * Creates a household: one room, building + unit + room, unique in its community; buildings and units are
 * created on first use.
 */
import type { CreateHouseholdBody, Household } from '../../shared/schemas/households.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { scopedCommunities, scopedInsert } from '../scope.js';
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

async function unitId(db: Db, companyId: number, communityId: number, building: number, name: string): Promise<number> {
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
