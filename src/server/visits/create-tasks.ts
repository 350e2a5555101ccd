/**
 * Creating visit tasks: one for a household, or many at once for households chosen by filter, spread
 * evenly among the chosen visitors (each new task goes to whoever then has the fewest open tasks).
 * Households that already have an open task are skipped.
 */
import type { BulkCreateTasksBody, CreateTaskBody, VisitTask } from '../../shared/schemas/visits.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso, shanghaiToday } from '../clock.js';
import { type Db } from '../db/database.js';
import { invalidReference, notFound } from '../http/errors.js';
import { inCompany, scopedCommunities, scopedHouseholds, scopedQuestionnaires, scopedResidents } from '../scope.js';
import { assertAssignees } from '../users/assignees.js';
import { insertTasks, type NewTask } from './insert-tasks.js';
import { getTask } from './task-queries.js';
import { OPEN_STATUSES } from './task-status.js';
import { addDays } from '../../shared/shanghai.js';

async function assertQuestionnaire(db: Db, ctx: Ctx, id: number | null | undefined) {
  if (id == null) return;
  const found = await scopedQuestionnaires(db, ctx).select('id').where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
  if (!found) throw invalidReference('questionnaire', 'questionnaireId');
}

export async function createTask(db: Db, ctx: Ctx, input: CreateTaskBody): Promise<VisitTask> {
  requirePermission(ctx, 'visits.manage');
  const household = await scopedHouseholds(db, ctx).select(['households.id', 'households.community_id']).where('households.id', '=', input.householdId).executeTakeFirst();
  if (!household) throw invalidReference('household', 'householdId');
  if (input.residentId != null) {
    const resident = await scopedResidents(db, ctx).select('residents.id').where('residents.id', '=', input.residentId).where('residents.household_id', '=', household.id).where('residents.erased_at', 'is', null).executeTakeFirst();
    if (!resident) throw invalidReference('resident', 'residentId');
  }
  if (input.assigneeId != null) await assertAssignees(db, ctx, household.community_id, [input.assigneeId], 'assigneeId');
  await assertQuestionnaire(db, ctx, input.questionnaireId);
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    const [id] = await insertTasks(trx, [
      {
        company_id: ctx.companyId,
        community_id: household.community_id,
        household_id: household.id,
        resident_id: input.residentId ?? null,
        reason: input.reason,
        method: input.method,
        assignee_id: input.assigneeId ?? null,
        due_date: input.dueDate,
        appointment_at: input.appointmentAt ? new Date(input.appointmentAt).toISOString() : null,
        status: input.appointmentAt ? 'appointed' : 'pending',
        attempt_count: 0,
        questionnaire_id: input.questionnaireId ?? null,
        note: input.note,
        cancel_reason: null,
        created_by: ctx.userId,
        created_at: now,
        updated_at: now,
      },
    ]);
    await recordAudit(trx, actorOf(ctx), { action: 'task.create', entityType: 'task', entityId: id, communityId: household.community_id, after: { householdId: household.id, reason: input.reason, method: input.method, assigneeId: input.assigneeId ?? null, dueDate: input.dueDate } });
    return id;
  });
  return getTask(db, ctx, id);
}

/** Whom to ask for in each household: the first current owner, else the first current tenant or merchant. */
async function primaryResidents(db: Db, ctx: Ctx, householdIds: number[]): Promise<Map<number, number>> {
  const first = new Map<number, { id: number; owner: boolean }>();
  for (let i = 0; i < householdIds.length; i += 1000) {
    const rows = await inCompany(db, ctx, 'residents')
      .select(['id', 'household_id', 'role'])
      .where('household_id', 'in', householdIds.slice(i, i + 1000))
      .where('move_out_date', 'is', null)
      .where('erased_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const current = first.get(r.household_id);
      if (!current || (!current.owner && r.role === 'owner')) first.set(r.household_id, { id: r.id, owner: r.role === 'owner' });
    }
  }
  return new Map([...first].map(([household, r]) => [household, r.id]));
}

export async function bulkCreateTasks(db: Db, ctx: Ctx, input: BulkCreateTasksBody) {
  requirePermission(ctx, 'visits.manage');
  const community = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', '=', input.communityId).executeTakeFirst();
  if (!community) throw notFound('community');
  await assertAssignees(db, ctx, community.id, input.assigneeIds, 'assigneeIds');
  await assertQuestionnaire(db, ctx, input.questionnaireId);

  const f = input.filter;
  let q = scopedHouseholds(db, ctx).select('households.id').where('households.community_id', '=', community.id).where('households.status', '!=', 'vacant');
  if (f.buildingId) q = q.where('households.building_id', '=', f.buildingId);
  if (f.householdIds) q = q.where('households.id', 'in', f.householdIds.length ? f.householdIds : [-1]);
  if (f.role || f.tag) {
    let r = inCompany(db, ctx, 'residents').select('residents.household_id').where('residents.community_id', '=', community.id).where('residents.move_out_date', 'is', null).where('residents.erased_at', 'is', null);
    if (f.role) r = r.where('residents.role', '=', f.role);
    if (f.tag) {
      const tag = f.tag;
      r = r.where('residents.id', 'in', db.selectFrom('resident_tags').innerJoin('tags', 'tags.id', 'resident_tags.tag_id').select('resident_tags.resident_id').where('tags.company_id', '=', ctx.companyId).where('tags.name', '=', tag));
    }
    q = q.where('households.id', 'in', r);
  }
  if (f.notVisitedSinceDays) {
    const since = addDays(shanghaiToday(), -f.notVisitedSinceDays);
    q = q.where('households.id', 'not in', inCompany(db, ctx, 'visit_records').select('household_id').where('community_id', '=', community.id).where('visit_date', '>=', since));
  }
  // Households that already have an open task are not given a second one.
  q = q.where('households.id', 'not in', inCompany(db, ctx, 'visit_tasks').select('household_id').where('community_id', '=', community.id).where('status', 'in', OPEN_STATUSES));
  const households = (await q.orderBy('households.sort_key').execute()).map((h) => h.id);
  const residentOf = await primaryResidents(db, ctx, households);
  const requested = f.householdIds ? new Set(f.householdIds).size : households.length;

  const load = new Map<number, number>(input.assigneeIds.map((id) => [id, 0]));
  const open = await inCompany(db, ctx, 'visit_tasks')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'in', input.assigneeIds)
    .where('status', 'in', OPEN_STATUSES)
    .groupBy('assignee_id')
    .execute();
  for (const o of open) load.set(o.assignee_id!, Number(o.n));
  const perAssignee = new Map<number, number>(input.assigneeIds.map((id) => [id, 0]));
  const now = nowIso();
  const rows = households.map((householdId): NewTask => {
    const [assigneeId] = [...load.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0];
    load.set(assigneeId, load.get(assigneeId)! + 1);
    perAssignee.set(assigneeId, perAssignee.get(assigneeId)! + 1);
    return {
      company_id: ctx.companyId,
      community_id: community.id,
      household_id: householdId,
      resident_id: residentOf.get(householdId) ?? null,
      reason: input.reason,
      method: input.method,
      assignee_id: assigneeId,
      due_date: input.dueDate,
      appointment_at: null,
      status: 'pending',
      attempt_count: 0,
      questionnaire_id: input.questionnaireId ?? null,
      note: input.note,
      cancel_reason: null,
      created_by: ctx.userId,
      created_at: now,
      updated_at: now,
    };
  });
  await db.transaction().execute(async (trx) => {
    await insertTasks(trx, rows);
    await recordAudit(trx, actorOf(ctx), {
      action: 'task.bulk_create',
      entityType: 'community',
      entityId: community.id,
      communityId: community.id,
      after: { created: rows.length, reason: input.reason, method: input.method, dueDate: input.dueDate, assignees: Object.fromEntries(perAssignee) },
    });
  });
  return {
    created: rows.length,
    skipped: Math.max(0, requested - rows.length),
    perAssignee: [...perAssignee.entries()].map(([assigneeId, count]) => ({ assigneeId, count })),
  };
}
