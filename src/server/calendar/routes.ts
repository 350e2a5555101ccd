/** HTTP routes for the working-day calendar: the year view, the status, entered notices and overrides. */
import { z } from 'zod';
import {
  CalendarOverride,
  CalendarStatus,
  CreateOverrideBody,
  NoticeBody,
  NoticePreview,
  NoticeResult,
  NoticeYearParam,
  OverrideChange,
  WorkingDaysQuery,
  WorkingDaysYear,
} from '../../shared/schemas/calendar.js';
import { IdParam } from '../../shared/schemas/common.js';
import { ctxOf } from '../http/auth-hook.js';
import { localeOf } from '../http/problem.js';
import type { App, Deps } from '../http/types.js';
import { calendarStatus, deleteNotice, enterNotice, previewNotice } from './notices.js';
import { createOverride, deleteOverride, listOverrides, workingDaysOfYear } from './overrides.js';

const tags = ['calendar'];

export function calendarRoutes(app: App, { handle: { db } }: Deps) {
  app.get(
    '/api/v1/calendar/working-days',
    { schema: { tags, operationId: 'getWorkingDays', summary: "A year's days on the company's working-day calendar (official holidays, entered notice or provisional calendar, overrides)", querystring: WorkingDaysQuery, response: { 200: WorkingDaysYear } } },
    async (request) => workingDaysOfYear(db, ctxOf(request), request.query.year),
  );
  app.get(
    '/api/v1/calendar/status',
    { schema: { tags, operationId: 'getCalendarStatus', summary: 'Where this year’s and next year’s holidays come from, and whether a notice should be entered now', response: { 200: CalendarStatus } } },
    async (request) => calendarStatus(db, ctxOf(request)),
  );
  app.post(
    '/api/v1/calendar/notices/preview',
    { schema: { tags, operationId: 'previewCalendarNotice', summary: 'Read a pasted or uploaded holiday notice without entering it: the days read, problems, and how many open deadlines would move', body: NoticeBody, response: { 200: NoticePreview } } },
    async (request) => previewNotice(db, ctxOf(request), request.body, localeOf(request)),
  );
  app.post(
    '/api/v1/calendar/notices',
    { schema: { tags, operationId: 'enterCalendarNotice', summary: "Enter a year's holiday notice (replacing one entered before); open deadlines it affects are recomputed", body: NoticeBody, response: { 201: NoticeResult } } },
    async (request, reply) => reply.status(201).send(await enterNotice(db, ctxOf(request), request.body)),
  );
  app.delete(
    '/api/v1/calendar/notices/:year',
    { schema: { tags, operationId: 'deleteCalendarNotice', summary: "Remove an entered notice: the year returns to the provisional calendar and open deadlines are recomputed", params: NoticeYearParam, response: { 200: NoticeResult } } },
    async (request) => deleteNotice(db, ctxOf(request), request.params.year),
  );
  app.get(
    '/api/v1/calendar/overrides',
    {
      schema: {
        tags,
        operationId: 'listCalendarOverrides',
        summary: "The company's calendar overrides",
        querystring: z.strictObject({ year: z.coerce.number().int().min(2004).max(2100).optional() }),
        response: { 200: z.array(CalendarOverride) },
      },
    },
    async (request) => listOverrides(db, ctxOf(request), request.query.year),
  );
  app.post(
    '/api/v1/calendar/overrides',
    { schema: { tags, operationId: 'createCalendarOverride', summary: 'Add a holiday, a working day or a company rest day; effective at once, open deadlines it affects are recomputed', body: CreateOverrideBody, response: { 201: OverrideChange } } },
    async (request, reply) => reply.status(201).send(await createOverride(db, ctxOf(request), request.body)),
  );
  app.delete(
    '/api/v1/calendar/overrides/:overrideId',
    { schema: { tags, operationId: 'deleteCalendarOverride', summary: 'Remove an override; open deadlines it affects are recomputed', params: z.object({ overrideId: IdParam }), response: { 200: OverrideChange } } },
    async (request) => deleteOverride(db, ctxOf(request), request.params.overrideId),
  );
}
