/**
 * What needs a manager's attention in a period (GET /kpis/attention): problems, complaints and needs raised by
 * category and by department (attributed as the resolution figures are), how many are still open and overdue
 * now, and the completed visits whose mean rating was under 3, lowest first, to visit back (重点回访).
 * For kpis.read only: a visitor's own view has none of it.
 */
import { sql } from 'kysely';
import type { Locale } from '../../shared/schemas/common.js';
import { OPEN_ISSUE_STATUSES } from '../../shared/schemas/issues.js';
import { LOW_SATISFACTION_BELOW, type IssueTally, type KpiAttention, type KpiAttentionQuery } from '../../shared/schemas/kpis.js';
import { nowIso } from '../clock.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { formatRoomLabel } from '../households/room.js';
import { inCompany } from '../scope.js';
import { NO_GROUP, kpiScope, periodOf, toRange } from './get-kpis.js';
import { RESOLUTION_KINDS, issuesOf, recordsOf } from './queries.js';

const LIST_LIMIT = 50;
const NO_DEPARTMENT: Record<Locale, string> = { 'zh-CN': '未分派部门', en: 'No department' };

export async function getKpiAttention(db: Db, ctx: Ctx, query: KpiAttentionQuery, locale: Locale): Promise<KpiAttention> {
  requirePermission(ctx, 'kpis.read');
  const { communityId } = await kpiScope(db, ctx, { communityId: query.communityId });
  const parsed = periodOf(query.period);
  const range = toRange(parsed);
  const cut = { communityId, visitorId: null, groupBy: null };
  const now = nowIso();

  const raised = issuesOf(db, ctx, cut)
    .where('issues.kind', 'in', [...RESOLUTION_KINDS])
    .where('issues.status', '!=', 'withdrawn')
    .where('issues.raised_at', '>=', range.fromIso)
    .where('issues.raised_at', '<', range.toIso);
  const open = sql<number>`sum(case when ${sql.ref('issues.status')} in (${sql.join(OPEN_ISSUE_STATUSES)}) then 1 else 0 end)`;
  const overdue = sql<number>`sum(case when ${sql.ref('issues.status')} in (${sql.join(OPEN_ISSUE_STATUSES)}) and ${sql.ref('issues.resolve_due_at')} < ${now} then 1 else 0 end)`;
  const department = sql<number | null>`coalesce(${sql.ref('issues.resolved_department_id')}, ${sql.ref('issues.department_id')})`;

  const low = recordsOf(db, ctx, cut)
    .where('visit_records.outcome', '=', 'completed')
    .where('visit_records.visit_date', '>=', range.from)
    .where('visit_records.visit_date', '<=', range.to)
    .where('visit_records.average_score', '<', LOW_SATISFACTION_BELOW);

  const [categories, departments, lowRows, lowCount] = await Promise.all([
    raised
      .innerJoin('issue_categories', 'issue_categories.id', 'issues.category_id')
      .select((eb) => ['issues.category_id as id', 'issue_categories.name', eb.fn.countAll<number>().as('raised'), open.as('open'), overdue.as('overdue')])
      .groupBy(['issues.category_id', 'issue_categories.name'])
      .execute(),
    raised.select((eb) => [department.as('id'), eb.fn.countAll<number>().as('raised'), open.as('open'), overdue.as('overdue')]).groupBy(department).execute(),
    low
      .innerJoin('households', 'households.id', 'visit_records.household_id')
      .innerJoin('buildings', 'buildings.id', 'households.building_id')
      .leftJoin('units', 'units.id', 'households.unit_id')
      .innerJoin('communities', 'communities.id', 'visit_records.community_id')
      .innerJoin('users', 'users.id', 'visit_records.visitor_id')
      .select([
        'visit_records.id',
        'visit_records.household_id',
        'visit_records.community_id',
        'communities.name as community_name',
        'visit_records.visit_date',
        'visit_records.average_score',
        'users.display_name as visitor_name',
        'buildings.name as building_name',
        'units.name as unit_name',
        'households.room',
      ])
      .orderBy('visit_records.average_score', 'asc')
      .orderBy('visit_records.visit_date', 'desc')
      .orderBy('visit_records.id', 'desc')
      .limit(LIST_LIMIT)
      .execute(),
    low.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);

  const departmentIds = departments.map((d) => d.id).filter((id): id is number => id !== null);
  const names = departmentIds.length
    ? new Map((await inCompany(db, ctx, 'departments').select(['departments.id', 'departments.name']).where('departments.id', 'in', departmentIds).execute()).map((d) => [d.id, d.name]))
    : new Map<number, string>();
  const tally = (r: { raised: unknown; open: unknown; overdue: unknown }) => ({ raised: Number(r.raised), open: Number(r.open ?? 0), overdue: Number(r.overdue ?? 0) });
  const byRaised = (a: IssueTally, b: IssueTally) => b.raised - a.raised || a.name.localeCompare(b.name, 'zh-CN');

  return {
    period: parsed,
    communityId,
    byCategory: categories.map((c) => ({ id: String(c.id), name: c.name, ...tally(c) })).sort(byRaised),
    byDepartment: departments.map((d) => ({ id: d.id === null ? NO_GROUP : String(d.id), name: d.id === null ? NO_DEPARTMENT[locale] : (names.get(Number(d.id)) ?? String(d.id)), ...tally(d) })).sort(byRaised),
    lowSatisfaction: lowRows.map((r) => ({
      recordId: Number(r.id),
      householdId: Number(r.household_id),
      householdLabel: formatRoomLabel({ building: r.building_name, unit: r.unit_name, room: r.room }),
      communityId: Number(r.community_id),
      communityName: r.community_name,
      visitDate: String(r.visit_date),
      visitorName: r.visitor_name,
      averageScore: Number(r.average_score),
    })),
    lowSatisfactionTotal: Number(lowCount?.n ?? 0),
  };
}
