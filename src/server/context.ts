/**
 * The request context every use case receives: who acts, for which company, with which permissions and
 * over which communities. Scope is applied from here in the data-access helpers (scope.ts), never in routes.
 */
import type { Locale } from '../shared/schemas/common.js';
import type { Permission } from '../shared/schemas/permissions.js';
import { forbidden } from './http/errors.js';

export interface Ctx {
  userId: number;
  username: string;
  displayName: string;
  companyId: number;
  permissions: ReadonlySet<string>;
  /** true when the user sees every community of the company (permission `scope.company`) */
  allCommunities: boolean;
  /** communities the user is assigned to; ignored when allCommunities */
  communityIds: readonly number[];
  /** the user's department: handlers work the issues routed to it */
  departmentId: number | null;
  ip: string | null;
  locale: Locale;
}

export function can(ctx: Ctx, permission: Permission): boolean {
  return ctx.permissions.has(permission);
}

export function requirePermission(ctx: Ctx, ...anyOf: Permission[]): void {
  if (!anyOf.some((p) => ctx.permissions.has(p))) throw forbidden(anyOf.join(' | '));
}

export function inScope(ctx: Ctx, communityId: number): boolean {
  return ctx.allCommunities || ctx.communityIds.includes(communityId);
}
