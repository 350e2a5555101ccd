/** HTTP routes for departments. */
import { page } from '../../shared/schemas/common.js';
import { CreateDepartmentBody, Department } from '../../shared/schemas/communities.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createDepartment, listDepartments } from './departments.js';

const tags = ['departments'];

export function departmentRoutes(app: App, { handle: { db } }: Deps) {
  app.get(
    '/api/v1/departments',
    { schema: { tags, operationId: 'listDepartments', summary: 'Departments of your company', response: { 200: page(Department) } } },
    async (request) => listDepartments(db, ctxOf(request)),
  );

  app.post(
    '/api/v1/departments',
    { schema: { tags, operationId: 'createDepartment', summary: 'Create a department', body: CreateDepartmentBody, response: { 201: Department } } },
    async (request, reply) => reply.status(201).send(await createDepartment(db, ctxOf(request), request.body)),
  );
}
