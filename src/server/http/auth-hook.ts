/**
 * Authentication for every API route that is not marked public, before the body is even parsed: a Bearer token or the session cookie
 * becomes `request.principal`. Cookie-authenticated writes must carry the session's X-CSRF-Token; a user
 * who must change the password may only reach the routes marked `allowBeforePasswordChange`. Who a token or a
 * session is, the auth domain says: app.ts passes its lookups in.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'huifang_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The caller, as far as the hook needs it. app.ts, which installs the auth domain's lookups, declares that it is
 * that domain's `Principal` (auth/principal.ts), so `principal(request)` has every field of it.
 */
export interface RequestPrincipal {
  ctx: Ctx;
  via: 'session' | 'token';
  csrfToken: string | null;
  mustChangePassword: boolean;
}

/** Who holds an API token or a session cookie (null: nobody, or no longer). */
export interface PrincipalLookup {
  byToken(token: string, ip: string): Promise<RequestPrincipal | null>;
  bySession(sessionToken: string, ip: string): Promise<RequestPrincipal | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: RequestPrincipal;
  }
  interface FastifyContextConfig {
    /** reachable without signing in */
    public?: boolean;
    /** reachable while the user still has to change an initial password */
    allowBeforePasswordChange?: boolean;
  }
}

export function registerAuthHook(app: FastifyInstance, lookup: PrincipalLookup): void {
  app.addHook('onRequest', async (request) => {
    const routeConfig = request.routeOptions.config;
    if (!request.routeOptions.url?.startsWith('/api/v1/') || routeConfig.public) return;
    const principal = await authenticate(request, lookup);
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

async function authenticate(request: FastifyRequest, lookup: PrincipalLookup): Promise<RequestPrincipal | null> {
  const auth = request.headers.authorization;
  if (auth) {
    const [scheme, token] = auth.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) return null;
    return lookup.byToken(token, request.ip);
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? lookup.bySession(cookie, request.ip) : null;
}

/** Compares in constant time, so the CSRF token cannot be guessed from how long a refusal takes. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** The principal of an authenticated route; the hook guarantees it is set. */
export function principal(request: FastifyRequest): RequestPrincipal {
  if (!request.principal) throw new AppError('unauthenticated', 401);
  return request.principal;
}

export const ctxOf = (request: FastifyRequest) => principal(request).ctx;
