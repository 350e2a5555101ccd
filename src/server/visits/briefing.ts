/**
 * What a visitor should know before a visit: the task with its questionnaire, the household's residents (phones masked), their tags,
 * the last visits with their scores, the household's issues still open (raised in a visit or directly),
 * and what the community has complained about in the last 30 days, so the visitor knows what to ask.
 */
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { getHousehold } from '../households/queries.js';
import { OPEN_ISSUE_STATUSES } from '../../shared/schemas/issues.js';
import { getTaskDetail } from './task-queries.js';
import { shanghaiToday } from '../clock.js';
import { addDays, shanghaiDate, startOfDateIso } from '../../shared/shanghai.js';
import { scopedIssues, scopedRecords } from '../scope.js';

export async function taskBriefing(db: Db, ctx: Ctx, taskId: number) {
  requirePermission(ctx, 'visits.work', 'visits.manage');
  const task = await getTaskDetail(db, ctx, taskId);
  const household = await getHousehold(db, ctx, task.householdId);
  const since = addDays(shanghaiToday(), -30);
  const [lastVisits, openItems, complaints] = await Promise.all([
    scopedRecords(db, ctx)
      .innerJoin('users', 'users.id', 'visit_records.visitor_id')
      .select(['visit_records.id', 'visit_records.visit_date', 'visit_records.method', 'visit_records.outcome', 'visit_records.average_score', 'users.display_name'])
      .where('visit_records.household_id', '=', household.id)
      .orderBy('visit_records.visit_date', 'desc')
      .limit(5)
      .execute(),
    scopedIssues(db, ctx)
      .innerJoin('issue_categories as c', 'c.id', 'issues.category_id')
      .select(['issues.id', 'issues.kind', 'c.name as category', 'issues.description', 'issues.raised_at', 'issues.status'])
      .where('issues.household_id', '=', household.id)
      .where('issues.status', 'in', [...OPEN_ISSUE_STATUSES, 'resolved'])
      .where('issues.kind', '!=', 'praise')
      .orderBy('issues.raised_at', 'desc')
      .limit(20)
      .execute(),
    scopedIssues(db, ctx)
      .innerJoin('issue_categories as c', 'c.id', 'issues.category_id')
      .select(['c.name as category', (eb) => eb.fn.countAll<number>().as('n')])
      .where('issues.community_id', '=', household.communityId)
      .where('issues.kind', 'in', ['problem', 'complaint'])
      .where('issues.raised_at', '>=', startOfDateIso(since))
      .groupBy('c.name')
      .orderBy('n', 'desc')
      .execute(),
  ]);
  const current = household.residents.filter((r) => !r.moveOutDate && !r.erased);
  return {
    task,
    household: { id: household.id, label: household.label, tags: [...new Set(current.flatMap((r) => r.tags))] },
    residents: current.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      phones: r.phones,
      tags: r.tags,
      doNotContact: r.doNotContact,
      doNotContactReason: r.doNotContactReason,
      preferredContact: r.preferredContact,
    })),
    lastVisits: lastVisits.map((v) => ({ id: v.id, visitDate: v.visit_date, method: v.method as never, outcome: v.outcome as never, averageScore: v.average_score, visitorName: v.display_name })),
    openItems: openItems.map((i) => ({ id: i.id, kind: i.kind as never, category: i.category, description: i.description, raisedOn: shanghaiDate(i.raised_at), status: i.status as never })),
    communityComplaints: complaints.map((c) => ({ category: c.category, count: Number(c.n) })),
  };
}
