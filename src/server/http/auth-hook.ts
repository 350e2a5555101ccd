/**
 * Authentication for every API route that is not marked public, before the body is even parsed: a Bearer token or the session cookie
 * becomes `request.principal`. Cookie-authenticated writes must carry the session's X-CSRF-Token; a user
 * who must change the password may only reach the routes marked `allowBeforePasswordChange`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { principalFromSession, principalFromToken, type Principal } from '../auth/principal.js';
import { safeEqual } from '../auth/secrets.js';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'huifang_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** reachable without signing in */
    public?: boolean;
    /** reachable while the user still has to change an initial password */
    allowBeforePasswordChange?: boolean;
  }
}

export function registerAuthHook(app: FastifyInstance, handle: DatabaseHandle, config: Config): void {
  app.addHook('onRequest', async (request) => {
    const routeConfig = request.routeOptions.config;
    if (!request.routeOptions.url?.startsWith('/api/v1/') || routeConfig.public) return;
    const principal = await authenticate(request, handle, config);
    if (!principal) throw new AppError('unauthenticated', 401);
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, principal.csrfToken ?? '')) throw new AppError('csrf_failed', 403);
    }
    if (principal.mustChangePassword && !routeConfig.allowBeforePasswordChange) {
      throw new AppError('password_change_required', 403);
    }
    request.principal = principal;
  });
}

async function authenticate(request: FastifyRequest, handle: DatabaseHandle, config: Config): Promise<Principal | null> {
  const auth = request.headers.authorization;
  if (auth) {
    const [scheme, token] = auth.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) return null;
    return principalFromToken(handle, token, request.ip);
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? principalFromSession(handle, config, cookie, request.ip) : null;
}

/** The principal of an authenticated route; the hook guarantees it is set. */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 401);
  return request.principal;
}

export const ctxOf = (request: FastifyRequest) => principal(request).ctx;
