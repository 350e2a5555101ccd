/**
 * Reading users within the caller's scope and shaping them for the API.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { User, UserListQuery } from '../../shared/schemas/users.js';
import { inScope, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { cut, exactCount, keysetPage, readCursor, type SortKey } from '../db/paging.js';
import { notFound } from '../http/errors.js';
import { inCompany, scopedUsers } from '../scope.js';

/**
 * `companyWide` widens the read from the caller's communities to the caller's company; only a use case
 * that has just changed the account legitimately (which may move it out of the caller's sight) uses it.
 */
function selectUsers(db: Db, ctx: Ctx, companyWide = false) {
  const from = companyWide ? inCompany(db, ctx, 'users') : scopedUsers(db, ctx);
  return from
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.phone',
      'users.role_id',
      'users.department_id',
      'users.status',
      'users.must_change_password',
      'users.last_login_at',
      'users.created_at',
      'roles.name as role_name',
      'roles.key as role_key',
      'roles.permissions as role_permissions',
    ]);
}
type UserRowWithRole = Awaited<ReturnType<ReturnType<typeof selectUsers>['execute']>>[number];

/** Community ids outside the caller's scope are left out: the caller may not learn about them. */
async function toUsers(db: Db, ctx: Ctx, rows: UserRowWithRole[]): Promise<User[]> {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db.selectFrom('user_communities').select(['user_id', 'community_id']).where('user_id', 'in', ids).execute()
    : [];
  const byUser = new Map<number, number[]>();
  for (const l of links.filter((l) => inScope(ctx, l.community_id))) byUser.set(l.user_id, [...(byUser.get(l.user_id) ?? []), l.community_id]);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    phone: r.phone,
    roleId: r.role_id,
    roleName: r.role_name,
    roleKey: r.role_key,
    allCommunities: (JSON.parse(r.role_permissions) as string[]).includes('scope.company'),
    communityIds: (byUser.get(r.id) ?? []).sort((a, b) => a - b),
    departmentId: r.department_id,
    status: r.status,
    mustChangePassword: r.must_change_password === 1,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
  }));
}

export async function getUser(db: Db, ctx: Ctx, id: number, companyWide = false): Promise<User> {
  const row = await selectUsers(db, ctx, companyWide).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('user');
  return (await toUsers(db, ctx, [row]))[0];
}

const BY_USERNAME: SortKey[] = [
  { ref: 'users.username', dir: 'asc' },
  { ref: 'users.id', dir: 'asc' },
];

export async function listUsers(db: Db, ctx: Ctx, query: UserListQuery): Promise<Page<User>> {
  let q = scopedUsers(db, ctx);
  if (query.q) {
    const like = `%${query.q.toLowerCase()}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'like', like), eb('users.display_name', 'like', `%${query.q}%`)]));
  }
  if (query.roleId) q = q.where('users.role_id', '=', query.roleId);
  if (query.status) q = q.where('users.status', '=', query.status);
  if (query.communityId) {
    const communityId = query.communityId;
    q = q.where('users.id', 'in', db.selectFrom('user_communities').select('user_id').where('community_id', '=', communityId));
  }
  const from = readCursor('users', ['text', 'int'], query);
  const count = await exactCount(q);
  const found = await keysetPage(q.select(['users.id', 'users.username']), BY_USERNAME, from, query.limit + 1, query.offset).execute();
  const { rows: page, nextCursor } = cut('users', found, query.limit, (r) => [r.username, r.id]);
  const base = { ...count, nextCursor };
  if (page.length === 0) return { items: [], ...base };
  const rows = await selectUsers(db, ctx).where('users.id', 'in', page.map((r) => r.id)).orderBy('users.username').orderBy('users.id').execute();
  return { items: await toUsers(db, ctx, rows), ...base };
}
