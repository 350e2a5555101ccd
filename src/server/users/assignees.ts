/** Who can be given work in a community: active accounts with the permission (visit tasks: visits.work, issues: issues.handle) there. */
import type { Permission } from '../../shared/schemas/permissions.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { invalidReference } from '../http/errors.js';
import { scopedUsers } from '../scope.js';

export async function assertAssignees(db: Db, ctx: Ctx, communityId: number, userIds: readonly number[], path: string, permission: Permission = 'visits.work'): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const rows = await scopedUsers(db, ctx)
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'roles.permissions'])
    .where('users.id', 'in', ids)
    .where('users.status', '=', 'active')
    .execute();
  const links = await db.selectFrom('user_communities').select('user_id').where('user_id', 'in', ids).where('community_id', '=', communityId).execute();
  const ok = rows.filter((r) => {
    const perms = JSON.parse(r.permissions) as string[];
    return perms.includes(permission) && (perms.includes('scope.company') || links.some((l) => l.user_id === r.id));
  });
  if (ok.length !== ids.length) throw invalidReference('user', path);
}
