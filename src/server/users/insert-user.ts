/**
 * The one place a new account row is written: the user with its defaults (active, zh-CN, created now) and the
 * communities it works in. Callers have checked what they grant (`grants.ts`) and hashed the password; this only
 * writes, inside the caller's transaction. Benchmark seeders write their accounts here too, hashing one password
 * once for all of them.
 */
import { nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import type { UsersTable } from '../db/schema.js';

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
  /** the account's language; zh-CN when not given */
  locale?: UsersTable['locale'];
  /** when the account was created; now when not given (seeders building a history set it) */
  createdAt?: string;
}

export async function insertUser(trx: Db, user: NewUserRow): Promise<number> {
  const now = user.createdAt ?? nowIso();
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
      locale: user.locale ?? 'zh-CN',
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
