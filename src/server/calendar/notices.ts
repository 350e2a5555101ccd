/**
 * A year's State Council holiday notice, entered by an administrator in one step (pasted or uploaded) for a
 * year the bundled official data does not cover yet. A preview shows what was read, what looks wrong and how
 * many open deadlines would move; entering it replaces the year's provisional calendar and recomputes those
 * deadlines in the same transaction. Removing it returns the year to the provisional calendar.
 */
import type { CalendarNotice, CalendarStatus, NoticeBody, NoticePreview, NoticeProblem, NoticeResult } from '../../shared/schemas/calendar.js';
import type { Locale } from '../../shared/schemas/common.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { nowIso, shanghaiToday } from '../clock.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { fieldMessage } from '../http/messages.js';
import { calendarChanged } from './calendar-changes.js';
import { calendarFor, loadCalendarInputs, type CalendarInputs } from './company-calendar.js';
import { parseNotice, type ParsedNotice } from './parse-notice.js';
import { OFFICIAL_YEARS } from './working-days.js';
import { addDays } from '../../shared/shanghai.js';

export function toNotice(r: { year: number; holidays: string; workdays: string; created_at: string; created_by_name: string | null }): CalendarNotice {
  return {
    year: r.year,
    holidays: JSON.parse(r.holidays) as CalendarNotice['holidays'],
    workdays: JSON.parse(r.workdays) as string[],
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

function problems(list: ParsedNotice['errors'], locale: Locale): NoticeProblem[] {
  return list.map((p) => {
    const text = fieldMessage(p.code, locale, p.params);
    const where = p.line === null ? '' : locale === 'en' ? `Line ${p.line}: ` : `第 ${p.line} 行：`;
    return { line: p.line, code: p.code, message: `${where}${text}` };
  });
}

/** The holidays grouped into the periods of the notice (consecutive days of one name). */
function periods(holidays: ParsedNotice['holidays']): NoticePreview['periods'] {
  const out: NoticePreview['periods'] = [];
  for (const h of holidays) {
    const last = out.at(-1);
    const next = last && addDays(last.to, 1);
    if (last && last.name === h.name && next === h.date) {
      last.to = h.date;
      last.days++;
    } else out.push({ name: h.name, from: h.date, to: h.date, days: 1 });
  }
  return out;
}

function checkYear(year: number): void {
  if (OFFICIAL_YEARS.has(year)) throw new AppError('calendar_year_official', 409, { year });
}

/** The calendar with the parsed notice in place of the year's current one. */
function withNotice(inputs: CalendarInputs, parsed: ParsedNotice | null, year: number): CalendarInputs {
  const notices = inputs.notices.filter((n) => n.year !== year);
  if (parsed) notices.push({ id: -1, year, holidays: parsed.holidays, workdays: parsed.workdays, createdAt: nowIso() });
  return { overrides: inputs.overrides, notices };
}

/** The first day whose kind the change can touch: the notice may start in the December before its year. */
const sinceOf = (year: number) => `${year - 1}-12-01`;

export async function previewNotice(db: Db, ctx: Ctx, input: NoticeBody, locale: Locale): Promise<NoticePreview> {
  requirePermission(ctx, 'issues.configure');
  checkYear(input.year);
  const parsed = parseNotice(input.text, input.year);
  let affectedIssues = 0;
  if (!parsed.errors.length) {
    const inputs = await loadCalendarInputs(db, ctx.companyId);
    affectedIssues = await calendarChanged(db, ctx, {
      before: calendarFor(inputs),
      after: calendarFor(withNotice(inputs, parsed, input.year)),
      cause: { kind: 'notice', year: input.year },
      since: sinceOf(input.year),
      dryRun: true,
    });
  }
  return {
    year: input.year,
    holidays: parsed.holidays,
    workdays: parsed.workdays,
    periods: periods(parsed.holidays),
    errors: problems(parsed.errors, locale),
    warnings: problems(parsed.warnings, locale),
    affectedIssues,
  };
}

export async function enterNotice(db: Db, ctx: Ctx, input: NoticeBody): Promise<NoticeResult> {
  requirePermission(ctx, 'issues.configure');
  checkYear(input.year);
  const parsed = parseNotice(input.text, input.year);
  if (parsed.errors.length) {
    throw new AppError(
      'calendar_notice_invalid',
      422,
      { count: parsed.errors.length },
      { errors: parsed.errors.map((e) => ({ path: e.line === null ? 'text' : `text.${e.line}`, code: e.code, key: e.code, params: e.params })) },
    );
  }
  const recomputedIssues = await db.transaction().execute(async (trx) => {
    const inputs = await loadCalendarInputs(trx, ctx.companyId);
    const before = calendarFor(inputs);
    const replaced = inputs.notices.find((n) => n.year === input.year);
    await trx.deleteFrom('calendar_notices').where('company_id', '=', ctx.companyId).where('year', '=', input.year).execute();
    const { id } = await trx
      .insertInto('calendar_notices')
      .values({
        company_id: ctx.companyId,
        year: input.year,
        holidays: JSON.stringify(parsed.holidays),
        workdays: JSON.stringify(parsed.workdays),
        source_text: input.text,
        created_by: ctx.userId,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = calendarFor(await loadCalendarInputs(trx, ctx.companyId));
    const recomputedIssues = await calendarChanged(trx, ctx, { before, after, cause: { kind: 'notice', year: input.year }, since: sinceOf(input.year), dryRun: false });
    await recordAudit(trx, actorOf(ctx), {
      action: replaced ? 'calendar_notice.replace' : 'calendar_notice.create',
      entityType: 'calendar_notice',
      entityId: id,
      after: { year: input.year, holidays: parsed.holidays.length, workdays: parsed.workdays, recomputedIssues },
    });
    return recomputedIssues;
  });
  return { notice: await getNotice(db, ctx, input.year), recomputedIssues };
}

export async function deleteNotice(db: Db, ctx: Ctx, year: number): Promise<NoticeResult> {
  requirePermission(ctx, 'issues.configure');
  const row = await db.selectFrom('calendar_notices').select(['id']).where('company_id', '=', ctx.companyId).where('year', '=', year).executeTakeFirst();
  if (!row) throw notFound('calendar_notice');
  const recomputedIssues = await db.transaction().execute(async (trx) => {
    const before = calendarFor(await loadCalendarInputs(trx, ctx.companyId));
    await trx.deleteFrom('calendar_notices').where('id', '=', row.id).execute();
    const after = calendarFor(await loadCalendarInputs(trx, ctx.companyId));
    const recomputedIssues = await calendarChanged(trx, ctx, { before, after, cause: { kind: 'notice', year, removed: true }, since: sinceOf(year), dryRun: false });
    await recordAudit(trx, actorOf(ctx), { action: 'calendar_notice.delete', entityType: 'calendar_notice', entityId: row.id, before: { year }, after: { recomputedIssues } });
    return recomputedIssues;
  });
  return { notice: null, recomputedIssues };
}

async function getNotice(db: Db, ctx: Ctx, year: number): Promise<CalendarNotice | null> {
  const row = await db
    .selectFrom('calendar_notices as n')
    .leftJoin('users as u', 'u.id', 'n.created_by')
    .select(['n.year', 'n.holidays', 'n.workdays', 'n.created_at', 'u.display_name as created_by_name'])
    .where('n.company_id', '=', ctx.companyId)
    .where('n.year', '=', year)
    .executeTakeFirst();
  return row ? toNotice(row) : null;
}

/**
 * This year and the next on the company's calendar, and whether an administrator should enter a notice now:
 * the current year has none, or it is November or later (when the State Council usually publishes the next
 * year's arrangement) and the next year has none.
 */
export async function calendarStatus(db: Db, ctx: Ctx): Promise<CalendarStatus> {
  requirePermission(ctx, 'issues.read', 'issues.configure');
  const calendar = calendarFor(await loadCalendarInputs(db, ctx.companyId));
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  const years = [year, year + 1].filter((y) => y <= 2100).map((y) => ({ year: y, source: calendar.yearSource(y) }));
  const lateInYear = Number(today.slice(5, 7)) >= 11;
  const needsNotice = years[0].source === 'provisional' ? year : lateInYear && years[1]?.source === 'provisional' ? year + 1 : null;
  return { years, needsNotice };
}
