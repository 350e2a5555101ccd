/**
 * The writes of recording a visit (record-visit.ts), compiled once (db/compiled-query.ts) since every submission
 * runs them: the record, its items, and the task's new status. Each writes within the caller's scope, as the
 * scope.ts writers do. On PostgreSQL a record that raises nothing is written by one statement (`writeRecordAlone`).
 */
import { sql, type Insertable } from 'kysely';
import { auditRow, type AuditActor, type AuditInput } from '../audit/record-audit.js';
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
  'sat_rated',
  'sat_satisfied',
  'nps_answers',
  'nps_promoters',
  'nps_detractors',
  'sat_dimensions',
  'sat_overall',
  'sat_overall_item',
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

const AUDIT_COLUMNS = ['community_id', 'at', 'actor_id', 'actor_name', 'action', 'entity_type', 'ip', 'before', 'after'] as const;

const recordAlone = compiledQuery<Placeholders, { id: number }>((db, p, shape) => {
  const company = scopeSlots(p, 'company');
  return db
    .with('r', (qc) =>
      scopedInsert(qc as unknown as Db, company, 'visit_records', { company_id: p.companyId, ...Object.fromEntries(RECORD_COLUMNS.map((c) => [c, p[c]])) } as Insertable<VisitRecordsTable>).returning('id'),
    )
    .with('t', (qc) => scopedUpdate(qc as unknown as Db, scopeSlots(p, shape), 'visit_tasks').set({ status: p.status, updated_at: p.updatedAt }).where('id', '=', p.taskId))
    .with('a', (qc) =>
      scopedInsert(qc as unknown as Db, company, 'audit_log', {
        company_id: p.companyId,
        ...Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, p[`audit_${c}`]])),
        entity_id: sql<string>`(select id::text from r)`,
      } as never),
    )
    .selectFrom('r')
    .select('r.id');
});

/**
 * PostgreSQL only: the record, the task's new status and the audit entry (whose object is the record) as one
 * statement of three data-modifying CTEs, atomic as any statement, so no transaction and one round trip instead of
 * five. For a record with no items, attachments, refusal or confirmation, whose writes are only these.
 */
export async function writeRecordAlone(db: Db, ctx: Ctx, row: NewRecord, status: string, updatedAt: string, actor: AuditActor, audit: AuditInput): Promise<number> {
  const args: Record<string, unknown> = { ...scopeArgs(ctx), taskId: row.task_id, status, updatedAt };
  for (const c of RECORD_COLUMNS) args[c] = row[c] ?? null;
  const entry = auditRow(actor, audit);
  for (const c of AUDIT_COLUMNS) args[`audit_${c}`] = entry[c];
  return (await recordAlone(db, scopeShape(ctx), args as Placeholders)).rows[0].id;
}
