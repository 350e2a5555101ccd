/** HTTP routes for departments. */
import { z } from 'zod';
import { IdParam, page } from '../../shared/schemas/common.js';
import { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../shared/schemas/departments.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createDepartment } from './create-department.js';
import { listDepartments } from './queries.js';
import { updateDepartment } from './update-department.js';

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

  app.patch(
    '/api/v1/departments/:departmentId',
    {
      schema: {
        tags,
        operationId: 'updateDepartment',
        summary: 'Rename a department or set its head',
        params: z.object({ departmentId: IdParam }),
        body: UpdateDepartmentBody,
        response: { 200: Department },
      },
    },
    async (request) => updateDepartment(db, ctxOf(request), request.params.departmentId, request.body),
  );
}
