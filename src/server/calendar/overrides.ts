/**
 * Admins' overrides of the official calendar: an extra holiday (a new notice before the calendar data
 * is upgraded), an extra working day, or a company rest day. One override per date, so a date can never
 * be both a day off and a working day. Deadlines computed after a change follow it at once; deadlines
 * already set on issues keep the calendar they were computed with.
 */
import type { CalendarOverride, CreateOverrideBody, WorkingDaysYear } from '../../shared/schemas/calendar.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { calendarFor, loadCompanyOverrides } from './company-calendar.js';
import { dateOfDay, dayNumber, officialHolidayName, OFFICIAL_YEARS } from './working-days.js';

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

export async function createOverride(db: Db, ctx: Ctx, input: CreateOverrideBody): Promise<CalendarOverride> {
  requirePermission(ctx, 'issues.configure');
  const year = Number(input.date.slice(0, 4));
  if (year < 2004 || year > 2100) throw new AppError('calendar_out_of_range', 422);
  const existing = await db.selectFrom('calendar_overrides').select('kind').where('company_id', '=', ctx.companyId).where('date', '=', input.date).executeTakeFirst();
  if (existing) throw new AppError('calendar_override_conflict', 409, { date: input.date, kind: existing.kind });
  try {
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('calendar_overrides')
        .values({ company_id: ctx.companyId, date: input.date, kind: input.kind, note: input.note, created_by: ctx.userId, created_at: nowIso() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actorOf(ctx), { action: 'calendar_override.create', entityType: 'override', entityId: id, after: { ...input } });
      return id;
    });
    return toOverride(await overrideRows(db, ctx).where('o.id', '=', id).executeTakeFirstOrThrow());
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('calendar_override_conflict', 409, { date: input.date, kind: input.kind });
    throw err;
  }
}

export async function deleteOverride(db: Db, ctx: Ctx, id: number): Promise<void> {
  requirePermission(ctx, 'issues.configure');
  const row = await db.selectFrom('calendar_overrides').select(['id', 'date', 'kind', 'note']).where('id', '=', id).where('company_id', '=', ctx.companyId).executeTakeFirst();
  if (!row) throw notFound('override');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_overrides').where('id', '=', id).execute();
    await recordAudit(trx, actorOf(ctx), { action: 'calendar_override.delete', entityType: 'override', entityId: id, before: { date: row.date, kind: row.kind, note: row.note } });
  });
}

/** Every day of a year as the company's calendar sees it. */
export async function workingDaysOfYear(db: Db, ctx: Ctx, year: number): Promise<WorkingDaysYear> {
  requirePermission(ctx, 'issues.read', 'issues.configure');
  const overrides = await listOverrides(db, ctx, year);
  const calendar = calendarFor(await loadCompanyOverrides(db, ctx.companyId));
  const byDate = new Map(overrides.map((o) => [o.date, o]));
  const first = dayNumber(`${year}-01-01`);
  const last = dayNumber(`${year}-12-31`);
  const days: WorkingDaysYear['days'] = [];
  for (let day = first; day <= last; day++) {
    const date = dateOfDay(day);
    const d = calendar.describe(day);
    days.push({ date, working: d.working, kind: d.kind, holidayName: d.kind === 'holiday' ? officialHolidayName(date) : null, override: byDate.get(date) ?? null });
  }
  return { year, official: OFFICIAL_YEARS.has(year), workingDays: days.filter((d) => d.working).length, days };
}
