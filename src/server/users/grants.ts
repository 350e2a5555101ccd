/**
 * Rules for handing out access: nobody grants a role, permission or community beyond their own.
 * Shared by the user and role use cases.
 */
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, invalidReference } from '../http/errors.js';
import { scopedCommunities, scopedDepartments, scopedRoles } from '../scope.js';

export function assertWithinOwnPermissions(ctx: Ctx, permissions: readonly string[]): void {
  if (permissions.some((p) => !ctx.permissions.has(p))) throw new AppError('permission_exceeds_own', 403);
}

/** The role, when it exists in the company and grants nothing the caller lacks. */
export async function grantableRole(db: Db, ctx: Ctx, roleId: number) {
  const role = await scopedRoles(db, ctx).select(['id', 'permissions']).where('id', '=', roleId).executeTakeFirst();
  if (!role) throw invalidReference('role', 'roleId');
  const permissions = JSON.parse(role.permissions) as string[];
  assertWithinOwnPermissions(ctx, permissions);
  return { id: role.id, permissions, companyWide: permissions.includes('scope.company') };
}

export async function assertDepartment(db: Db, ctx: Ctx, departmentId: number | null | undefined): Promise<void> {
  if (departmentId == null) return;
  const found = await scopedDepartments(db, ctx).select('id').where('id', '=', departmentId).executeTakeFirst();
  if (!found) throw invalidReference('department', 'departmentId');
}

/** Every community exists in the company and lies within the caller's own scope. */
export async function assertGrantableCommunities(db: Db, ctx: Ctx, communityIds: readonly number[]): Promise<number[]> {
  const unique = [...new Set(communityIds)];
  if (unique.length === 0) return [];
  const found = await scopedCommunities(db, ctx).select('communities.id').where('communities.id', 'in', unique).execute();
  if (found.length !== unique.length) throw invalidReference('community', 'communityIds');
  return unique;
}
