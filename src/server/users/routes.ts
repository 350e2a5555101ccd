/** HTTP routes for staff accounts. */
import { z } from 'zod';
import { IdParam, page } from '../../shared/schemas/common.js';
import { CreatedUser, CreateUserBody, PasswordReset, UpdateUserBody, User, UserListQuery } from '../../shared/schemas/users.js';
import { requirePermission } from '../context.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createUser } from './create-user.js';
import { getUser, listUsers } from './queries.js';
import { resetPassword } from './reset-password.js';
import { updateUser } from './update-user.js';

const tags = ['users'];
const params = z.object({ userId: IdParam });

export function userRoutes(app: App, { handle: { db }, config }: Deps) {
  app.get(
    '/api/v1/users',
    { schema: { tags, operationId: 'listUsers', summary: 'List staff accounts in your scope', querystring: UserListQuery, response: { 200: page(User) } } },
    async (request) => {
      const ctx = ctxOf(request);
      requirePermission(ctx, 'users.read', 'users.manage');
      return listUsers(db, ctx, request.query);
    },
  );

  app.post(
    '/api/v1/users',
    { schema: { tags, operationId: 'createUser', summary: 'Create a staff account', body: CreateUserBody, response: { 201: CreatedUser } } },
    async (request, reply) => reply.status(201).send(await createUser(db, config, ctxOf(request), request.body)),
  );

  app.get(
    '/api/v1/users/:userId',
    { schema: { tags, operationId: 'getUser', summary: 'One staff account', params, response: { 200: User } } },
    async (request) => {
      const ctx = ctxOf(request);
      requirePermission(ctx, 'users.read', 'users.manage');
      return getUser(db, ctx, request.params.userId);
    },
  );

  app.patch(
    '/api/v1/users/:userId',
    {
      schema: {
        tags,
        operationId: 'updateUser',
        summary: 'Change an account: name, role, department, communities or status (disabling ends its sessions)',
        params,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    async (request) => updateUser(db, ctxOf(request), request.params.userId, request.body),
  );

  app.post(
    '/api/v1/users/:userId/password-reset',
    {
      schema: {
        tags,
        operationId: 'resetUserPassword',
        summary: 'Reset an account password to a temporary one (shown once)',
        params,
        response: { 200: PasswordReset },
      },
    },
    async (request) => resetPassword(db, config, ctxOf(request), request.params.userId),
  );
}
