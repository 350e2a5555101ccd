/** HTTP routes for staff. */
import { z } from 'zod';
import { IdParam, page } from '../../shared/schemas/common.js';
import { CreateStaffBody, Staff, StaffListQuery, UpdateStaffBody } from '../../shared/schemas/staff.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createStaff } from './create-staff.js';
import { listStaff } from './queries.js';
import { updateStaff } from './update-staff.js';

const tags = ['staff'];

export function staffRoutes(app: App, { handle: { db } }: Deps) {
  app.get(
    '/api/v1/staff',
    { schema: { tags, operationId: 'listStaff', summary: 'Staff in your scope', querystring: StaffListQuery, response: { 200: page(Staff) } } },
    async (request) => listStaff(db, ctxOf(request), request.query),
  );
  app.post(
    '/api/v1/staff',
    { schema: { tags, operationId: 'createStaff', summary: 'Add a staff member', body: CreateStaffBody, response: { 201: Staff } } },
    async (request, reply) => reply.status(201).send(await createStaff(db, ctxOf(request), request.body)),
  );
  app.patch(
    '/api/v1/staff/:staffId',
    { schema: { tags, operationId: 'updateStaff', summary: 'Change a staff member', params: z.object({ staffId: IdParam }), body: UpdateStaffBody, response: { 200: Staff } } },
    async (request) => updateStaff(db, ctxOf(request), request.params.staffId, request.body),
  );
}
