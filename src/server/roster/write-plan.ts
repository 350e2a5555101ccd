/**
 * Writes what plan-rows.ts planned for one batch, in one transaction with multi-row inserts, and gives the
 * planned refs their new ids; audits the import as a whole. A write refused by a unique constraint means another
 * writer added the same rooms meanwhile: the batch is refused as a whole with the job-level code "conflict".
 *
 * The inserts are compiled once per table and row count, so a batch only supplies their values.
 */
import type { CompiledQuery, Transaction } from 'kysely';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { nowIso } from '../clock.js';
import type { Ctx } from '../context.js';
import { constraintViolation, type Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { householdSortKey } from '../households/room.js';
import type { Phone } from '../residents/phones.js';
import { emptyPlan, type Plan, type ResidentRef, type TagRef } from './plan-rows.js';

type InsertTable = 'buildings' | 'units' | 'households' | 'residents' | 'resident_phones' | 'resident_tags';

/** Columns written per table, in the order their values are listed; RETURNING gives what matches rows back. */
const INSERTS = {
  buildings: { columns: ['company_id', 'community_id', 'name', 'created_at'], returning: ['id', 'name'] },
  units: { columns: ['company_id', 'community_id', 'building_id', 'name', 'created_at'], returning: ['id', 'building_id', 'name'] },
  households: {
    columns: ['company_id', 'community_id', 'building_id', 'unit_id', 'room', 'sort_key', 'area', 'status', 'created_at', 'updated_at'],
    returning: ['id', 'building_id', 'unit_id', 'room'],
  },
  residents: {
    columns: [
      'company_id',
      'community_id',
      'household_id',
      'name',
      'role',
      'move_in_date',
      'move_out_date',
      'preferred_contact',
      'do_not_contact',
      'do_not_contact_reason',
      'notes',
      'erased_at',
      'created_at',
      'updated_at',
    ],
    returning: ['id', 'household_id', 'name'],
  },
  resident_phones: { columns: ['resident_id', 'company_id', 'number', 'kind', 'last4', 'position'], returning: [] },
  resident_tags: { columns: ['resident_id', 'tag_id'], returning: [] },
} satisfies Record<InsertTable, { columns: string[]; returning: string[] }>;

/**
 * Values per statement stay below SQLite's limit of 32,766 bound parameters (PostgreSQL allows 65,535), and
 * rows per statement below a size whose SQL text is still cheap to keep prepared.
 */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_INSERT = 2_000;

/** The writer of one import: its community and the insert statements it has compiled so far. */
export class RosterWriter {
  /** compiled INSERT statements by table and row count */
  private readonly inserts = new Map<string, CompiledQuery>();

  constructor(
    private readonly db: Db,
    private readonly companyId: number,
    private readonly communityId: number,
  ) {}

  /** Writes the plan in one transaction (nothing when it is empty); `tags` is the roster's vocabulary, for tag ids. */
  async write(plan: Plan, tags: ReadonlyMap<string, TagRef>): Promise<void> {
    if (emptyPlan(plan)) return;
    try {
      await this.db.transaction().execute((trx) => this.writeIn(trx, plan, tags));
    } catch (err) {
      if (!constraintViolation(err)) throw err;
      // Another import wrote the same rooms at the same moment; this batch is refused as a whole.
      throw Object.assign(new Error('roster batch conflicts with concurrent changes'), { code: 'conflict' });
    }
  }

  private async writeIn(trx: Transaction<Database>, plan: Plan, tags: ReadonlyMap<string, TagRef>): Promise<void> {
    const now = nowIso();
    const { companyId, communityId } = this;

    const buildings = (await this.insert(trx, 'buildings', plan.buildings, (b) => [companyId, communityId, b.name, now])) as { id: number; name: string }[];
    assignIds(plan.buildings, buildings, (b, r) => b.name === r.name, (r) => r.name, (b) => b.name);

    const units = (await this.insert(trx, 'units', plan.units, (u) => [companyId, communityId, u.building.id, u.name, now])) as {
      id: number;
      building_id: number;
      name: string;
    }[];
    assignIds(
      plan.units,
      units,
      (u, r) => u.building.id === r.building_id && u.name === r.name,
      (r) => `${r.building_id}\u0000${r.name}`,
      (u) => `${u.building.id}\u0000${u.name}`,
    );

    const households = (await this.insert(trx, 'households', plan.households, (h) => [
      companyId,
      communityId,
      h.building.id,
      h.unit?.id ?? null,
      h.room,
      householdSortKey(h.building.name, h.unit?.name ?? null, h.room),
      null,
      'occupied',
      now,
      now,
    ])) as { id: number; building_id: number; unit_id: number | null; room: string }[];
    assignIds(
      plan.households,
      households,
      (h, r) => h.building.id === r.building_id && (h.unit?.id ?? null) === r.unit_id && h.room === r.room,
      (r) => `${r.building_id}\u0000${r.unit_id ?? 0}\u0000${r.room}`,
      (h) => `${h.building.id}\u0000${h.unit?.id ?? 0}\u0000${h.room}`,
    );

    for (const part of chunks(plan.tags, 500)) {
      await trx
        .insertInto('tags')
        .values(part.map((t) => ({ company_id: companyId, name: t.name, created_at: now })))
        .onConflict((oc) => oc.columns(['company_id', 'name']).doNothing())
        .execute();
      const rows = await trx
        .selectFrom('tags')
        .select(['id', 'name'])
        .where('company_id', '=', companyId)
        .where('name', 'in', part.map((t) => t.name))
        .execute();
      const byName = new Map(rows.map((r) => [r.name, r.id]));
      for (const t of part) t.id = byName.get(t.name)!;
    }

    const created = (await this.insert(trx, 'residents', plan.creates, (c) => [
      companyId,
      communityId,
      c.household.id,
      c.ref.name,
      c.ref.role,
      c.ref.moveInDate,
      null,
      null,
      0,
      null,
      c.ref.notes,
      null,
      now,
      now,
    ])) as { id: number; household_id: number; name: string }[];
    assignIds(
      plan.creates.map((c) => c.ref),
      created,
      (ref, r, i) => plan.creates[i].household.id === r.household_id && ref.name === r.name,
      (r) => `${r.household_id}\u0000${r.name}`,
      (ref, i) => `${plan.creates[i].household.id}\u0000${ref.name}`,
    );
    await this.insertPhones(trx, plan.creates);
    await this.insertTags(trx, plan.creates, tags);

    for (const c of plan.changes) {
      const id = c.ref.id!;
      await trx.updateTable('residents').set({ ...c.fields, updated_at: now }).where('id', '=', id).where('company_id', '=', companyId).execute();
      if (c.phones) await trx.deleteFrom('resident_phones').where('resident_id', '=', id).execute();
      if (c.tags) await trx.deleteFrom('resident_tags').where('resident_id', '=', id).execute();
    }
    await this.insertPhones(trx, plan.changes);
    await this.insertTags(trx, plan.changes, tags);
  }

  private async insertPhones(trx: Transaction<Database>, residents: readonly { ref: ResidentRef; phones: readonly Phone[] | null }[]) {
    const rows: { id: number; phone: Phone; position: number }[] = [];
    for (const r of residents) r.phones?.forEach((phone, position) => rows.push({ id: r.ref.id!, phone, position }));
    await this.insert(trx, 'resident_phones', rows, (p) => [p.id, this.companyId, p.phone.number, p.phone.kind, p.phone.last4, p.position]);
  }

  private async insertTags(trx: Transaction<Database>, residents: readonly { ref: ResidentRef; tags: readonly string[] | null }[], tags: ReadonlyMap<string, TagRef>) {
    const rows: [number, number][] = [];
    for (const r of residents) for (const t of r.tags ?? []) rows.push([r.ref.id!, tags.get(t)!.id!]);
    await this.insert(trx, 'resident_tags', rows, (row) => row);
  }

  /**
   * Inserts the items with as few statements as the parameter limit allows; each statement's SQL is compiled
   * by Kysely once per row count and then only receives new values. Returns the RETURNING rows, if any.
   */
  private async insert<T>(trx: Transaction<Database>, table: InsertTable, items: readonly T[], values: (item: T) => unknown[]): Promise<unknown[]> {
    const { columns } = INSERTS[table];
    const size = Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length));
    const out: unknown[] = [];
    for (let start = 0; start < items.length; start += size) {
      const count = Math.min(size, items.length - start);
      const parameters: unknown[] = [];
      for (let i = start; i < start + count; i++) for (const v of values(items[i])) parameters.push(v);
      const { rows } = await trx.executeQuery({ ...this.compiledInsert(table, count), parameters });
      for (const r of rows) out.push(r);
    }
    return out;
  }

  private compiledInsert(table: InsertTable, count: number): CompiledQuery {
    const key = `${table}:${count}`;
    let compiled = this.inserts.get(key);
    if (!compiled) {
      const { columns, returning } = INSERTS[table];
      const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
      const query = this.db.insertInto(table).values(Array.from({ length: count }, () => placeholder) as never);
      compiled = (returning.length ? query.returning(returning as never) : query).compile();
      if (compiled.parameters.length !== count * columns.length) throw new Error(`unexpected parameters in the ${table} insert`);
      this.inserts.set(key, compiled);
    }
    return compiled;
  }
}

export interface ImportAudit {
  importId: number;
  communityId: number;
  /** false when the job stopped half-way */
  finished: boolean;
  counts: { processed: number; created: number; updated: number; unchanged: number; failed: number };
  tagsAdded: number;
}

/** The audit entry of an import that wrote (not a dry run): what it counted, also when it stopped half-way. */
export async function auditRosterImport(db: Db, ctx: Ctx, audit: ImportAudit): Promise<void> {
  await recordAudit(db, actorOf(ctx), {
    action: 'roster.import',
    entityType: 'community',
    entityId: audit.communityId,
    communityId: audit.communityId,
    after: { importId: audit.importId, finished: audit.finished, ...audit.counts, tagsAdded: audit.tagsAdded },
  });
}

/**
 * Gives the inserted refs their ids. RETURNING lists rows in insertion order on both databases, but neither
 * promises it, so the order is checked and a lookup by natural key takes over when it does not hold.
 */
function assignIds<T extends { id: number | null }, R extends { id: number }>(
  items: readonly T[],
  rows: readonly R[],
  same: (item: T, row: R, index: number) => boolean,
  rowKey: (row: R) => string,
  itemKey: (item: T, index: number) => string,
): void {
  if (rows.length === items.length && items.every((item, i) => same(item, rows[i], i))) {
    items.forEach((item, i) => (item.id = rows[i].id));
    return;
  }
  const byKey = new Map(rows.map((r) => [rowKey(r), r.id]));
  items.forEach((item, i) => (item.id = byKey.get(itemKey(item, i))!));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
