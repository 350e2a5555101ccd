/**
 * Admins' overrides of the calendar: an extra holiday, an extra working day, or a company rest day. One
 * override per date, so a date can never be both a day off and a working day. A change applies at once to
 * new deadlines, and the open deadlines it affects are recomputed in the same transaction.
 */
import type { CalendarOverride, CreateOverrideBody, OverrideChange, WorkingDaysYear } from '../../shared/schemas/calendar.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { nowIso } from '../clock.js';
import { requirePermission, type Ctx } from '../context.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { calendarChanged } from './calendar-changes.js';
import { calendarFor, loadCalendarInputs } from './company-calendar.js';
import { toNotice } from './notices.js';
import { dateOfDay, dayNumber } from '../../shared/shanghai.js';

function overrideRows(db: Db, ctx: Ctx) {
  return db
    .selectFrom('calendar_overrides as o')
    .leftJoin('users as u', 'u.id', 'o.created_by')
    .select(['o.id', 'o.date', 'o.kind', 'o.note', 'o.created_at', 'u.display_name as created_by_name'])
    .where('o.company_id', '=', ctx.companyId);
}
type OverrideRow = Awaited<ReturnType<ReturnType<typeof overrideRows>['execute']>>[number];

const toOverride = (r: OverrideRow): CalendarOverride => ({ id: r.id, date: r.date, kind: r.kind, note: r.note, createdByName: r.created_by_name, createdAt: r.created_at });

export async function listOverrides(db: Db, ctx: Ctx, year?: number): Promise<CalendarOverride[]> {
  requirePermission(ctx, 'issues.read', 'issues.configure');
  let q = overrideRows(db, ctx);
  if (year) q = q.where('o.date', '>=', `${year}-01-01`).where('o.date', '<=', `${year}-12-31`);
  return (await q.orderBy('o.date').execute()).map(toOverride);
}

export async function createOverride(db: Db, ctx: Ctx, input: CreateOverrideBody): Promise<OverrideChange> {
  requirePermission(ctx, 'issues.configure');
  const year = Number(input.date.slice(0, 4));
  if (year < 2004 || year > 2100) throw new AppError('calendar_out_of_range', 422);
  const existing = await db.selectFrom('calendar_overrides').select('kind').where('company_id', '=', ctx.companyId).where('date', '=', input.date).executeTakeFirst();
  if (existing) throw new AppError('calendar_override_conflict', 409, { date: input.date, kind: existing.kind });
  try {
    const { id, recomputedIssues } = await db.transaction().execute(async (trx) => {
      const before = calendarFor(await loadCalendarInputs(trx, ctx.companyId));
      const { id } = await trx
        .insertInto('calendar_overrides')
        .values({ company_id: ctx.companyId, date: input.date, kind: input.kind, note: input.note, created_by: ctx.userId, created_at: nowIso() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const after = calendarFor(await loadCalendarInputs(trx, ctx.companyId));
      const recomputedIssues = await calendarChanged(trx, ctx, { before, after, cause: { kind: 'override', date: input.date }, since: input.date, dryRun: false });
      await recordAudit(trx, actorOf(ctx), { action: 'calendar_override.create', entityType: 'override', entityId: id, after: { ...input, recomputedIssues } });
      return { id, recomputedIssues };
    });
    return { override: toOverride(await overrideRows(db, ctx).where('o.id', '=', id).executeTakeFirstOrThrow()), recomputedIssues };
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('calendar_override_conflict', 409, { date: input.date, kind: input.kind });
    throw err;
  }
}

export async function deleteOverride(db: Db, ctx: Ctx, id: number): Promise<OverrideChange> {
  requirePermission(ctx, 'issues.configure');
  const row = await db.selectFrom('calendar_overrides').select(['id', 'date', 'kind', 'note']).where('id', '=', id).where('company_id', '=', ctx.companyId).executeTakeFirst();
  if (!row) throw notFound('override');
  const recomputedIssues = await db.transaction().execute(async (trx) => {
    const before = calendarFor(await loadCalendarInputs(trx, ctx.companyId));
    await trx.deleteFrom('calendar_overrides').where('id', '=', id).execute();
    const after = calendarFor(await loadCalendarInputs(trx, ctx.companyId));
    const recomputedIssues = await calendarChanged(trx, ctx, { before, after, cause: { kind: 'override', date: row.date, removed: true }, since: row.date, dryRun: false });
    await recordAudit(trx, actorOf(ctx), { action: 'calendar_override.delete', entityType: 'override', entityId: id, before: { date: row.date, kind: row.kind, note: row.note }, after: { recomputedIssues } });
    return recomputedIssues;
  });
  return { override: null, recomputedIssues };
}

/** Every day of a year as the company's calendar sees it, and where its holidays come from. */
export async function workingDaysOfYear(db: Db, ctx: Ctx, year: number): Promise<WorkingDaysYear> {
  requirePermission(ctx, 'issues.read', 'issues.configure');
  const [overrides, inputs, notice] = await Promise.all([
    listOverrides(db, ctx, year),
    loadCalendarInputs(db, ctx.companyId),
    db
      .selectFrom('calendar_notices as n')
      .leftJoin('users as u', 'u.id', 'n.created_by')
      .select(['n.year', 'n.holidays', 'n.workdays', 'n.created_at', 'u.display_name as created_by_name'])
      .where('n.company_id', '=', ctx.companyId)
      .where('n.year', '=', year)
      .executeTakeFirst(),
  ]);
  const calendar = calendarFor(inputs);
  const byDate = new Map(overrides.map((o) => [o.date, o]));
  const first = dayNumber(`${year}-01-01`);
  const last = dayNumber(`${year}-12-31`);
  const days: WorkingDaysYear['days'] = [];
  for (let day = first; day <= last; day++) {
    const date = dateOfDay(day);
    const d = calendar.describe(day);
    days.push({ date, working: d.working, kind: d.kind, holidayName: d.holidayName, provisional: d.provisional, override: byDate.get(date) ?? null });
  }
  const source = calendar.yearSource(year);
  return { year, source, notice: source === 'notice' && notice ? toNotice(notice) : null, workingDays: days.filter((d) => d.working).length, days };
}
