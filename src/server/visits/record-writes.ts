/**
 * The writes of recording a visit (record-visit.ts), compiled once (db/compiled-query.ts) since every submission
 * runs them: the record, its items, and the task's new status. Each writes within the caller's scope, as the
 * scope.ts writers do.
 */
import type { Insertable } from 'kysely';
import type { Ctx } from '../context.js';
import { compiledQuery, scopeArgs, scopeShape, scopeSlots } from '../db/compiled-query.js';
import type { Db } from '../db/database.js';
import type { VisitRecordItemsTable, VisitRecordsTable } from '../db/schema.js';
import { scopedInsert, scopedUpdate } from '../scope.js';

export type NewRecord = Omit<Insertable<VisitRecordsTable>, 'company_id'>;
export type NewItem = Omit<Insertable<VisitRecordItemsTable>, 'company_id' | 'record_id'>;

const RECORD_COLUMNS = [
  'community_id',
  'task_id',
  'household_id',
  'resident_id',
  'visitor_id',
  'method',
  'reason',
  'outcome',
  'started_at',
  'ended_at',
  'visit_date',
  'backdated',
  'spoken_to',
  'questionnaire_version_id',
  'answers',
  'average_score',
  'opinions',
  'suggestions',
  'improvement_measures',
  'item_count',
  'idempotency_key',
  'created_at',
] as const satisfies readonly (keyof NewRecord)[];

const ITEM_COLUMNS = ['community_id', 'household_id', 'kind', 'category', 'description', 'raised_on'] as const satisfies readonly (keyof NewItem)[];

type Placeholders = Record<string, never>;

const recordInsert = compiledQuery<Placeholders, { id: number }>((db, p) =>
  scopedInsert(db, scopeSlots(p, 'company'), 'visit_records', { company_id: p.companyId, ...Object.fromEntries(RECORD_COLUMNS.map((c) => [c, p[c]])) } as Insertable<VisitRecordsTable>).returning('id'),
);

/** Inserts the record in the caller's company; its id. */
export async function insertRecord(trx: Db, ctx: Ctx, row: NewRecord): Promise<number> {
  const args: Record<string, unknown> = { companyId: ctx.companyId };
  for (const c of RECORD_COLUMNS) args[c] = row[c] ?? null;
  return (await recordInsert(trx, 'record', args as Placeholders)).rows[0].id;
}

const itemsInsert = compiledQuery<Placeholders, { id: number }>((db, p, shape) => {
  const count = Number(shape.split(':')[1]);
  const rows = Array.from({ length: count }, (_, n) => ({
    record_id: p.recordId,
    company_id: p.companyId,
    ...Object.fromEntries(ITEM_COLUMNS.map((c) => [c, p[`${c}${n}`]])),
  })) as Insertable<VisitRecordItemsTable>[];
  return db.insertInto('visit_record_items').values(rows).returning('id');
});

/** Inserts the items of a record in one statement; their ids, in order. */
export async function insertItems(trx: Db, ctx: Ctx, recordId: number, items: readonly NewItem[]): Promise<number[]> {
  if (!items.length) return [];
  const args: Record<string, unknown> = { companyId: ctx.companyId, recordId };
  items.forEach((item, n) => {
    for (const c of ITEM_COLUMNS) args[`${c}${n}`] = item[c];
  });
  return (await itemsInsert(trx, `items:${items.length}`, args as Placeholders)).rows.map((r) => r.id);
}

const taskUpdate = compiledQuery<Placeholders, never>((db, p, shape) =>
  scopedUpdate(db, scopeSlots(p, shape), 'visit_tasks').set({ status: p.status, updated_at: p.updatedAt }).where('id', '=', p.id),
);

/** Sets the task's status after its visit. */
export async function setTaskStatus(trx: Db, ctx: Ctx, taskId: number, status: string, updatedAt: string): Promise<void> {
  await taskUpdate(trx, scopeShape(ctx), { ...scopeArgs(ctx), id: taskId, status, updatedAt } as unknown as Placeholders);
}
