/**
 * Names the object of each audit entry in words — 用户「张三」 rather than 用户 #1 — as it is called now: a
 * user's display name, a community's or role's name, a household's room, a visit by its household and date,
 * an issue by its number, category and first words. Residents are named as the audit log writes them,
 * surname and asterisks, so reading the log never shows a full name. An object that no longer exists (a
 * deleted role or calendar override, a holiday notice) is named from the entry itself when the entry recorded
 * a name, a date or a year.
 * One query per entity type on the page, each limited to the caller's company (`inCompany`).
 */
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { formatRoomLabel } from '../households/room.js';
import { maskName } from '../residents/queries.js';
import { inCompany } from '../scope.js';

export interface NamedEntry {
  entity_type: string | null;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

const key = (type: string, id: number) => `${type}:${id}`;
const DESCRIPTION_CHARS = 20;

type Lookup = (db: Db, ctx: Ctx, ids: number[]) => Promise<{ id: number; name: string | null }[]>;

const room = (r: { community: string; building: string; unit: string | null; room: string }) => `${r.community} ${formatRoomLabel(r)}`;

const LOOKUPS: Record<string, Lookup> = {
  user: (db, ctx, ids) => inCompany(db, ctx, 'users').select(['id', 'display_name as name']).where('id', 'in', ids).execute(),
  role: (db, ctx, ids) => inCompany(db, ctx, 'roles').select(['id', 'name']).where('id', 'in', ids).execute(),
  community: (db, ctx, ids) => inCompany(db, ctx, 'communities').select(['id', 'name']).where('id', 'in', ids).execute(),
  department: (db, ctx, ids) => inCompany(db, ctx, 'departments').select(['id', 'name']).where('id', 'in', ids).execute(),
  tag: (db, ctx, ids) => inCompany(db, ctx, 'tags').select(['id', 'name']).where('id', 'in', ids).execute(),
  staff: (db, ctx, ids) => inCompany(db, ctx, 'staff').select(['id', 'name']).where('id', 'in', ids).execute(),
  questionnaire: (db, ctx, ids) => inCompany(db, ctx, 'questionnaires').select(['id', 'name']).where('id', 'in', ids).execute(),
  measure: (db, ctx, ids) => inCompany(db, ctx, 'improvement_measures').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  category: (db, ctx, ids) => db.selectFrom('issue_categories').select(['id', 'name']).where('company_id', '=', ctx.companyId).where('id', 'in', ids).execute(),
  company: (db, ctx, ids) => db.selectFrom('companies').select(['id', 'name']).where('id', '=', ctx.companyId).where('id', 'in', ids).execute(),
  override: (db, ctx, ids) => db.selectFrom('calendar_overrides').select(['id', 'date as name']).where('company_id', '=', ctx.companyId).where('id', 'in', ids).execute(),
  api_token: (db, ctx, ids) =>
    db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id').select(['api_tokens.id', 'api_tokens.name']).where('users.company_id', '=', ctx.companyId).where('api_tokens.id', 'in', ids).execute(),
  resident: async (db, ctx, ids) =>
    (await inCompany(db, ctx, 'residents').select(['id', 'name', 'erased_at']).where('id', 'in', ids).execute()).map((r) => ({
      id: r.id,
      name: r.erased_at || !r.name ? null : maskName(r.name),
    })),
  household: async (db, ctx, ids) =>
    (
      await inCompany(db, ctx, 'households as h')
        .innerJoin('communities as c', 'c.id', 'h.community_id')
        .innerJoin('buildings as b', 'b.id', 'h.building_id')
        .leftJoin('units as u', 'u.id', 'h.unit_id')
        .select(['h.id', 'c.name as community', 'b.name as building', 'u.name as unit', 'h.room'])
        .where('h.id', 'in', ids)
        .execute()
    ).map((r) => ({ id: r.id, name: room(r) })),
  task: async (db, ctx, ids) =>
    (
      await inCompany(db, ctx, 'visit_tasks as t')
        .innerJoin('households as h', 'h.id', 't.household_id')
        .innerJoin('communities as c', 'c.id', 't.community_id')
        .innerJoin('buildings as b', 'b.id', 'h.building_id')
        .leftJoin('units as u', 'u.id', 'h.unit_id')
        .select(['t.id', 't.due_date', 'c.name as community', 'b.name as building', 'u.name as unit', 'h.room'])
        .where('t.id', 'in', ids)
        .execute()
    ).map((r) => ({ id: r.id, name: `${room(r)} ${r.due_date}` })),
  record: async (db, ctx, ids) =>
    (
      await inCompany(db, ctx, 'visit_records as v')
        .innerJoin('households as h', 'h.id', 'v.household_id')
        .innerJoin('communities as c', 'c.id', 'v.community_id')
        .innerJoin('buildings as b', 'b.id', 'h.building_id')
        .leftJoin('units as u', 'u.id', 'h.unit_id')
        .select(['v.id', 'v.visit_date', 'c.name as community', 'b.name as building', 'u.name as unit', 'h.room'])
        .where('v.id', 'in', ids)
        .execute()
    ).map((r) => ({ id: r.id, name: `${room(r)} ${r.visit_date}` })),
  issue: async (db, ctx, ids) =>
    (
      await inCompany(db, ctx, 'issues as i')
        .innerJoin('issue_categories as cat', 'cat.id', 'i.category_id')
        .select(['i.id', 'cat.name as category', 'i.description'])
        .where('i.id', 'in', ids)
        .execute()
    ).map((r) => {
      const words = [...r.description];
      return { id: r.id, name: `#${r.id} ${r.category}：${words.slice(0, DESCRIPTION_CHARS).join('')}${words.length > DESCRIPTION_CHARS ? '…' : ''}` };
    }),
};

/** The name the entry itself recorded for its object, for objects that are gone. */
function recordedName(entry: NamedEntry): string | null {
  for (const json of [entry.after, entry.before]) {
    if (!json) continue;
    const data = JSON.parse(json) as Record<string, unknown>;
    for (const field of ['name', 'title', 'displayName', 'date', 'year']) {
      const value = data[field];
      if ((typeof value === 'string' && value) || typeof value === 'number') return String(value);
    }
  }
  return null;
}

/** `type:id` → the object's name, for the entries of one page. */
export async function entityNames(db: Db, ctx: Ctx, entries: NamedEntry[]): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<number>>();
  for (const e of entries) {
    if (!e.entity_type || !e.entity_id || !/^\d{1,15}$/.test(e.entity_id) || !LOOKUPS[e.entity_type]) continue;
    const ids = idsByType.get(e.entity_type) ?? new Set<number>();
    ids.add(Number(e.entity_id));
    idsByType.set(e.entity_type, ids);
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      for (const row of await LOOKUPS[type](db, ctx, [...ids])) if (row.name) names.set(key(type, row.id), row.name);
    }),
  );
  for (const e of entries) {
    if (!e.entity_type || !e.entity_id) continue;
    const k = `${e.entity_type}:${e.entity_id}`;
    if (!names.has(k) && e.entity_type !== 'resident') {
      const recorded = recordedName(e);
      if (recorded) names.set(k, recorded);
    }
  }
  return names;
}
