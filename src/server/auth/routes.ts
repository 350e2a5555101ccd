/** HTTP routes for sign-in, session, password, profile and personal API tokens. */
import { z } from 'zod';
import {
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  LoginBody,
  SessionResponse,
  SessionUser,
  UpdateProfileBody,
} from '../../shared/schemas/auth.js';
import { IdParam, Ok, page } from '../../shared/schemas/common.js';
import { ctxOf, principal, SESSION_COOKIE } from '../http/auth-hook.js';
import { AppError } from '../http/errors.js';
import type { App, Deps } from '../http/types.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import { changePassword } from './change-password.js';
import { DEMO_ACCOUNTS } from '../demo/accounts.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { principalFromSession, toSessionUser } from './principal.js';
import { updateProfile } from './update-profile.js';

const tags = ['auth'];

export function authRoutes(app: App, { handle, config }: Deps) {
  const { db } = handle;
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: { tags, operationId: 'login', summary: 'Sign in with username and password', body: LoginBody, response: { 200: SessionResponse } },
    },
    async (request, reply) => {
      const { sessionToken } = await login(handle, config, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
      });
      const p = await principalFromSession(handle, config, sessionToken, request.ip);
      if (!p) throw new AppError('unauthenticated', 401);
      return { user: toSessionUser(p), csrfToken: p.csrfToken!, demo: config.demo };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { allowBeforePasswordChange: true }, schema: { tags, operationId: 'logout', summary: 'End the current session', response: { 200: Ok } } },
    async (request, reply) => {
      await logout(db, principal(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { allowBeforePasswordChange: true },
      schema: { tags, operationId: 'getSession', summary: 'The signed-in user and the CSRF token', response: { 200: SessionResponse } },
    },
    async (request) => {
      const p = principal(request);
      return { user: toSessionUser(p), csrfToken: p.csrfToken ?? '', demo: config.demo };
    },
  );

  app.get(
    '/api/v1/auth/demo-accounts',
    {
      config: { public: true },
      schema: {
        tags,
        operationId: 'listDemoAccounts',
        summary: 'Demo accounts, shown on the login page in demo mode only (404 otherwise)',
        response: { 200: z.object({ items: z.array(z.object({ username: z.string(), role: z.string(), password: z.string() })) }) },
      },
    },
    async (request) => {
      if (!config.demo) throw new AppError('route_not_found', 404, { method: request.method, path: request.url });
      return { items: DEMO_ACCOUNTS.map(({ username, role, password }) => ({ username, role, password })) };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { allowBeforePasswordChange: true },
      schema: { tags, operationId: 'changePassword', summary: 'Change your own password', body: ChangePasswordBody, response: { 200: Ok } },
    },
    async (request) => {
      await changePassword(db, config, principal(request), request.body);
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/v1/me',
    {
      config: { allowBeforePasswordChange: true },
      schema: { tags, operationId: 'updateProfile', summary: 'Change your display name or language', body: UpdateProfileBody, response: { 200: SessionUser } },
    },
    async (request) => {
      const p = principal(request);
      await updateProfile(db, p.ctx, request.body);
      const cookie = request.cookies[SESSION_COOKIE];
      const fresh = p.via === 'session' && cookie ? await principalFromSession(handle, config, cookie, request.ip) : null;
      return toSessionUser(fresh ?? { ...p, ctx: { ...p.ctx, displayName: request.body.displayName ?? p.ctx.displayName, locale: request.body.locale ?? p.ctx.locale } });
    },
  );

  app.get(
    '/api/v1/me/tokens',
    { schema: { tags, operationId: 'listApiTokens', summary: 'Your personal API tokens', response: { 200: page(ApiToken) } } },
    async (request) => listApiTokens(db, ctxOf(request)),
  );

  app.post(
    '/api/v1/me/tokens',
    {
      schema: {
        tags,
        operationId: 'createApiToken',
        summary: 'Create a personal API token (the secret is shown once)',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(db, principal(request), request.body)),
  );

  app.delete(
    '/api/v1/me/tokens/:tokenId',
    {
      schema: {
        tags,
        operationId: 'revokeApiToken',
        summary: 'Revoke one of your API tokens',
        params: z.object({ tokenId: IdParam }),
        response: { 204: z.null().meta({ description: 'Revoked' }) },
      },
    },
    async (request, reply) => {
      await revokeApiToken(db, ctxOf(request), request.params.tokenId);
      return reply.status(204).send(null);
    },
  );
}
