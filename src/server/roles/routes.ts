/** HTTP routes for roles and the permission catalogue. */
import { z } from 'zod';
import { IdParam, page } from '../../shared/schemas/common.js';
import { PERMISSION_GROUPS, PERMISSIONS } from '../../shared/schemas/permissions.js';
import { CreateRoleBody, PermissionInfo, Role, UpdateRoleBody } from '../../shared/schemas/roles.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createRole } from './create-role.js';
import { deleteRole } from './delete-role.js';
import { getRole, listRoles } from './queries.js';
import { updateRole } from './update-role.js';

const tags = ['roles'];
const params = z.object({ roleId: IdParam });

export function roleRoutes(app: App, { handle: { db } }: Deps) {
  app.get(
    '/api/v1/permissions',
    { schema: { tags, operationId: 'listPermissions', summary: 'The permission catalogue roles are built from', response: { 200: z.object({ items: z.array(PermissionInfo) }) } } },
    async () => ({ items: PERMISSIONS.map((key) => ({ key, group: PERMISSION_GROUPS[key] })) }),
  );

  app.get(
    '/api/v1/roles',
    { schema: { tags, operationId: 'listRoles', summary: 'Roles of your company', response: { 200: page(Role) } } },
    async (request) => listRoles(db, ctxOf(request)),
  );

  app.post(
    '/api/v1/roles',
    { schema: { tags, operationId: 'createRole', summary: 'Create a custom role', body: CreateRoleBody, response: { 201: Role } } },
    async (request, reply) => reply.status(201).send(await createRole(db, ctxOf(request), request.body)),
  );

  app.get(
    '/api/v1/roles/:roleId',
    { schema: { tags, operationId: 'getRole', summary: 'One role', params, response: { 200: Role } } },
    async (request) => getRole(db, ctxOf(request), request.params.roleId),
  );

  app.patch(
    '/api/v1/roles/:roleId',
    { schema: { tags, operationId: 'updateRole', summary: 'Change a custom role', params, body: UpdateRoleBody, response: { 200: Role } } },
    async (request) => updateRole(db, ctxOf(request), request.params.roleId, request.body),
  );

  app.delete(
    '/api/v1/roles/:roleId',
    { schema: { tags, operationId: 'deleteRole', summary: 'Delete a custom role nobody holds', params, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteRole(db, ctxOf(request), request.params.roleId);
      return reply.status(204).send(null);
    },
  );
}
