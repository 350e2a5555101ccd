/** Reading visit records with their items, attachments and corrections, and whether the caller may correct them; the supervisor's filters. */
import type { Page } from '../../shared/schemas/common.js';
import type { Answers } from '../../shared/schemas/questionnaires.js';
import type { RecordListQuery, VisitRecord } from '../../shared/schemas/visits.js';
import { can, requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { boundedCount, COUNT_BOUND, cut, inOrderOf, keysetPage, readCursor, type SortKey } from '../db/paging.js';
import { notFound } from '../http/errors.js';
import { formatRoomLabel } from '../households/room.js';
import { groupBy } from '../residents/queries.js';
import { inCompany, scopedRecords } from '../scope.js';
import { canCorrectRecord } from './visit-rules.js';

function selectRecords(db: Db, ctx: Ctx) {
  requirePermission(ctx, 'visits.read', 'visits.work', 'visits.manage');
  let q = scopedRecords(db, ctx);
  // Visitors read their own records; reading everyone's in scope needs visits.read.
  if (!can(ctx, 'visits.read') && !can(ctx, 'visits.manage')) q = q.where('visit_records.visitor_id', '=', ctx.userId);
  return q;
}

function withColumns(q: ReturnType<typeof scopedRecords>) {
  return q
    .innerJoin('households', 'households.id', 'visit_records.household_id')
    .innerJoin('buildings', 'buildings.id', 'households.building_id')
    .leftJoin('units', 'units.id', 'households.unit_id')
    .leftJoin('residents', 'residents.id', 'visit_records.resident_id')
    .innerJoin('users', 'users.id', 'visit_records.visitor_id')
    .selectAll('visit_records')
    .select(['buildings.name as building_name', 'units.name as unit_name', 'households.room', 'residents.name as resident_name', 'users.display_name as visitor_name']);
}
type RecordRow = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

async function toRecords(db: Db, ctx: Ctx, rows: RecordRow[]): Promise<VisitRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [items, attachments, corrections] = await Promise.all([
    db
      .selectFrom('visit_record_items as i')
      .leftJoin('issues', 'issues.record_item_id', 'i.id')
      .select(['i.id', 'i.record_id', 'i.kind', 'i.category', 'i.description', 'issues.id as issue_id', 'issues.status as issue_status'])
      .where('i.record_id', 'in', ids)
      .orderBy('i.id')
      .execute(),
    db.selectFrom('attachments').select(['id', 'record_id', 'file_name', 'content_type', 'size', 'created_at']).where('record_id', 'in', ids).orderBy('id').execute(),
    db
      .selectFrom('visit_record_corrections')
      .leftJoin('users', 'users.id', 'visit_record_corrections.user_id')
      .select(['visit_record_corrections.record_id', 'visit_record_corrections.at', 'visit_record_corrections.reason', 'visit_record_corrections.fields', 'users.display_name'])
      .where('record_id', 'in', ids)
      .orderBy('visit_record_corrections.id')
      .execute(),
  ]);
  const itemsOf = groupBy(items, (i) => i.record_id);
  const attachmentsOf = groupBy(attachments, (a) => a.record_id);
  const correctionsOf = groupBy(corrections, (c) => c.record_id);
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    communityId: r.community_id,
    householdId: r.household_id,
    householdLabel: formatRoomLabel({ building: r.building_name, unit: r.unit_name, room: r.room }),
    residentId: r.resident_id,
    residentName: r.resident_name,
    visitorId: r.visitor_id,
    visitorName: r.visitor_name,
    method: r.method,
    reason: r.reason,
    outcome: r.outcome,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    visitDate: r.visit_date,
    backdated: r.backdated === 1,
    spokenTo: r.spoken_to,
    questionnaireVersionId: r.questionnaire_version_id,
    answers: JSON.parse(r.answers) as Answers,
    averageScore: r.average_score,
    opinions: r.opinions,
    suggestions: r.suggestions,
    improvementMeasures: r.improvement_measures,
    items: (itemsOf.get(r.id) ?? []).map((i) => ({
      id: i.id,
      kind: i.kind as VisitRecord['items'][number]['kind'],
      category: i.category,
      description: i.description,
      issueId: i.issue_id,
      issueStatus: i.issue_status,
    })),
    attachments: (attachmentsOf.get(r.id) ?? []).map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, size: a.size, createdAt: a.created_at })),
    corrections: (correctionsOf.get(r.id) ?? []).map((c) => ({ at: c.at, userName: c.display_name, reason: c.reason, fields: JSON.parse(c.fields) as string[] })),
    createdAt: r.created_at,
    canCorrect: canCorrectRecord(ctx, { visitorId: r.visitor_id }),
  }));
}

export function filteredRecords(db: Db, ctx: Ctx, f: Omit<RecordListQuery, 'limit' | 'offset'>) {
  let q = selectRecords(db, ctx);
  if (f.communityId) q = q.where('visit_records.community_id', '=', f.communityId);
  if (f.visitorId) q = q.where('visit_records.visitor_id', '=', f.visitorId);
  if (f.householdId) q = q.where('visit_records.household_id', '=', f.householdId);
  if (f.method) q = q.where('visit_records.method', '=', f.method);
  if (f.reason) q = q.where('visit_records.reason', '=', f.reason);
  if (f.buildingId) q = q.where('visit_records.household_id', 'in', inCompany(db, ctx, 'households as hb').select('hb.id').where('hb.building_id', '=', f.buildingId));
  if (f.outcome) q = q.where('visit_records.outcome', '=', f.outcome);
  if (f.from) q = q.where('visit_records.visit_date', '>=', f.from);
  if (f.to) q = q.where('visit_records.visit_date', '<=', f.to);
  if (f.minScore !== undefined) q = q.where('visit_records.average_score', '>=', f.minScore);
  if (f.maxScore !== undefined) q = q.where('visit_records.average_score', '<=', f.maxScore);
  if (f.hasItems === 'true') q = q.where('visit_records.item_count', '>', 0);
  if (f.hasItems === 'false') q = q.where('visit_records.item_count', '=', 0);
  return q;
}

/** Newest visit first; the index visit_records_company_date_idx (or _community_) reads them in this order. */
const RECORD_ORDER: SortKey[] = [
  { ref: 'visit_records.visit_date', dir: 'desc' },
  { ref: 'visit_records.id', dir: 'desc' },
];

/**
 * A page of records: the page's ids from visit_records alone (scope, filters, order, limit), then the display
 * joins for those ids only; the total is counted over the same base query, up to `countBound`.
 */
export async function listRecords(db: Db, ctx: Ctx, f: RecordListQuery, countBound = COUNT_BOUND): Promise<Page<VisitRecord>> {
  const from = readCursor('records', ['date', 'int'], f);
  const q = filteredRecords(db, ctx, f);
  const [count, found] = await Promise.all([
    boundedCount(db, q, countBound),
    keysetPage(q.select(['visit_records.id', 'visit_records.visit_date']), RECORD_ORDER, from, f.limit + 1, f.offset).execute(),
  ]);
  const { rows: page, nextCursor } = cut('records', found, f.limit, (r) => [r.visit_date, r.id]);
  const pageIds = page.map((r) => r.id);
  const rows = pageIds.length ? await withColumns(scopedRecords(db, ctx)).where('visit_records.id', 'in', pageIds).execute() : [];
  return { items: await toRecords(db, ctx, inOrderOf(pageIds, rows)), ...count, nextCursor };
}

export async function getRecord(db: Db, ctx: Ctx, id: number): Promise<VisitRecord> {
  const row = await withColumns(selectRecords(db, ctx)).where('visit_records.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('record');
  return (await toRecords(db, ctx, [row]))[0];
}
