/** HTTP routes for the working-day calendar and its overrides. */
import { z } from 'zod';
import { CalendarOverride, CreateOverrideBody, WorkingDaysQuery, WorkingDaysYear } from '../../shared/schemas/calendar.js';
import { IdParam } from '../../shared/schemas/common.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createOverride, deleteOverride, listOverrides, workingDaysOfYear } from './overrides.js';

const tags = ['calendar'];

export function calendarRoutes(app: App, { handle: { db } }: Deps) {
  app.get(
    '/api/v1/calendar/working-days',
    { schema: { tags, operationId: 'getWorkingDays', summary: "A year's days on the company's working-day calendar (official holidays, make-up days, overrides)", querystring: WorkingDaysQuery, response: { 200: WorkingDaysYear } } },
    async (request) => workingDaysOfYear(db, ctxOf(request), request.query.year),
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
    { schema: { tags, operationId: 'createCalendarOverride', summary: 'Add a holiday, a working day or a company rest day; effective at once', body: CreateOverrideBody, response: { 201: CalendarOverride } } },
    async (request, reply) => reply.status(201).send(await createOverride(db, ctxOf(request), request.body)),
  );
  app.delete(
    '/api/v1/calendar/overrides/:overrideId',
    { schema: { tags, operationId: 'deleteCalendarOverride', summary: 'Remove an override', params: z.object({ overrideId: IdParam }) } },
    async (request, reply) => {
      await deleteOverride(db, ctxOf(request), request.params.overrideId);
      return reply.status(204).send();
    },
  );
}
