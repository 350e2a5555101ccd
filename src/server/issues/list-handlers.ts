/**
 * Who can be given an issue: active accounts that may handle issues (issues.handle), in the community
 * when one is named, and in a department when one is named. Handlers choose a colleague with it when
 * they pass an issue on; it reveals names and departments only, never the account details of /users.
 */
import { z } from 'zod';
import { IdParam } from '../../shared/schemas/common.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { scopedUsers } from '../scope.js';

export const HandlerQuery = z.strictObject({ communityId: IdParam.optional(), departmentId: IdParam.optional() });
export const Handler = z.object({ id: z.number().int(), displayName: z.string(), departmentId: z.number().int().nullable(), departmentName: z.string().nullable() }).meta({ id: 'IssueHandler' });
export type Handler = z.infer<typeof Handler>;

export async function listHandlers(db: Db, ctx: Ctx, q: z.infer<typeof HandlerQuery>): Promise<Handler[]> {
  requirePermission(ctx, 'issues.read', 'issues.handle', 'issues.manage', 'issues.create');
  let users = scopedUsers(db, ctx)
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select(['users.id', 'users.display_name', 'users.department_id', 'departments.name as department_name', 'roles.permissions'])
    .where('users.status', '=', 'active')
    .where('roles.permissions', 'like', '%"issues.handle"%');
  if (q.departmentId) users = users.where('users.department_id', '=', q.departmentId);
  const rows = await users.orderBy('users.display_name').execute();
  const inCommunity = q.communityId
    ? new Set((await db.selectFrom('user_communities').select('user_id').where('community_id', '=', q.communityId).execute()).map((r) => r.user_id))
    : null;
  return rows
    .filter((r) => !inCommunity || inCommunity.has(r.id) || (JSON.parse(r.permissions) as string[]).includes('scope.company'))
    .map((r) => ({ id: r.id, displayName: r.display_name, departmentId: r.department_id, departmentName: r.department_name }));
}
