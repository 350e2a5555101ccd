/**
 * The one place a new account row is written: the user with its defaults (active, zh-CN) and the communities it
 * works in. Callers have checked what they grant (`grants.ts`) and hashed the password; this only writes, inside
 * the caller's transaction.
 */
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';

export interface NewUserRow {
  companyId: number;
  username: string;
  displayName: string;
  phone?: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  roleId: number;
  departmentId?: number | null;
  communityIds?: readonly number[];
}

export async function insertUser(trx: Db, user: NewUserRow): Promise<number> {
  const now = nowIso();
  const { id } = await trx
    .insertInto('users')
    .values({
      company_id: user.companyId,
      username: user.username,
      display_name: user.displayName,
      phone: user.phone ?? null,
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword ? 1 : 0,
      role_id: user.roleId,
      department_id: user.departmentId ?? null,
      status: 'active',
      locale: 'zh-CN',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (user.communityIds?.length) {
    await trx.insertInto('user_communities').values(user.communityIds.map((c) => ({ user_id: id, community_id: c }))).execute();
  }
  return id;
}
