/**
 * Resolves who is calling: a session cookie or a Bearer API token becomes a `Principal` with its `Ctx`.
 * One query joins the credential to its user, role, company and community scope.
 */
import { sql, type CompiledQuery } from 'kysely';
import type { Locale } from '../../shared/schemas/common.js';
import type { SessionUser } from '../../shared/schemas/auth.js';
import type { Config } from '../config.js';
import type { Ctx } from '../context.js';
import { now, nowIso } from '../clock.js';
import { type DatabaseHandle, type Db, type DialectName } from '../db/database.js';
import { sha256 } from './secrets.js';
import { unscoped } from '../scope.js';

export interface Principal {
  ctx: Ctx;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  companyName: string;
  role: { id: number; key: string | null; name: string };
  departmentId: number | null;
  mustChangePassword: boolean;
}

/** Writes of last_seen_at / last_used_at are batched to at most one per minute per credential. */
const TOUCH_INTERVAL_MS = 60_000;

/** The user's community ids as one comma-separated text, so that the lookup stays one row. */
function communityList(dialect: DialectName) {
  return dialect === 'postgres'
    ? sql<string | null>`(select string_agg(uc.community_id::text, ',') from user_communities uc where uc.user_id = u.id)`
    : sql<string | null>`(select group_concat(uc.community_id) from user_communities uc where uc.user_id = u.id)`;
}

function userQuery(db: Db, dialect: DialectName) {
  return unscoped(db, 'principal lookup: the credential decides the caller')
    .selectFrom('users as u')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .innerJoin('companies as c', 'c.id', 'u.company_id')
    .select([
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.company_id as companyId',
      'u.status',
      'u.locale',
      'u.department_id as departmentId',
      'u.must_change_password as mustChangePassword',
      'c.name as companyName',
      'r.id as roleId',
      'r.key as roleKey',
      'r.name as roleName',
      'r.permissions',
      communityList(dialect).as('communityIds'),
    ]);
}
type UserJoinRow = NonNullable<Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirst']>>>;

function sessionQuery(db: Db, dialect: DialectName) {
  return userQuery(db, dialect)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .select(['s.id as sessionId', 's.csrf_token as csrfToken', 's.last_seen_at as lastSeenAt', 's.expires_at as expiresAt'])
    .where('s.id', '=', '');
}
type SessionRow = UserJoinRow & { sessionId: string; csrfToken: string; lastSeenAt: string; expiresAt: string };

/**
 * Every authenticated request runs this lookup, so it is compiled once per database and only its one
 * parameter (the session id) changes.
 */
const compiledSessionQueries = new WeakMap<object, CompiledQuery>();

export async function principalFromSession(handle: DatabaseHandle, config: Config, token: string, ip: string | null) {
  const { db } = handle;
  const id = sha256(token);
  let compiled = compiledSessionQueries.get(db);
  if (!compiled) {
    compiled = sessionQuery(db, handle.dialect).compile();
    compiledSessionQueries.set(db, compiled);
  }
  const row = (await db.executeQuery<SessionRow>({ ...compiled, parameters: [id] })).rows[0];
  if (!row || row.status !== 'active') return null;
  const at = now();
  const lastSeen = Date.parse(row.lastSeenAt);
  if (Date.parse(row.expiresAt) <= at || lastSeen + config.sessionIdleMs <= at) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (at - lastSeen > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('id', '=', id).execute();
  }
  return build(row, ip, 'session', row.sessionId, row.csrfToken);
}

export async function principalFromToken(handle: DatabaseHandle, token: string, ip: string | null) {
  const { db } = handle;
  const row = await userQuery(db, handle.dialect)
    .innerJoin('api_tokens as t', 't.user_id', 'u.id')
    .select(['t.id as tokenId', 't.expires_at as expiresAt', 't.revoked_at as revokedAt', 't.last_used_at as lastUsedAt'])
    .where('t.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.status !== 'active' || row.revokedAt) return null;
  const at = now();
  if (row.expiresAt && Date.parse(row.expiresAt) <= at) return null;
  if (!row.lastUsedAt || at - Date.parse(row.lastUsedAt) > TOUCH_INTERVAL_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: nowIso() }).where('id', '=', row.tokenId).execute();
  }
  return build(row, ip, 'token', null, null);
}

function build(
  row: UserJoinRow,
  ip: string | null,
  via: Principal['via'],
  sessionId: string | null,
  csrfToken: string | null,
): Principal {
  const permissions = new Set<string>(JSON.parse(row.permissions) as string[]);
  const allCommunities = permissions.has('scope.company');
  const communityIds = allCommunities || !row.communityIds ? [] : row.communityIds.split(',').map(Number);
  return {
    ctx: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      companyId: row.companyId,
      permissions,
      allCommunities,
      communityIds,
      departmentId: row.departmentId,
      ip,
      locale: row.locale as Locale,
    },
    via,
    sessionId,
    csrfToken,
    companyName: row.companyName,
    role: { id: row.roleId, key: row.roleKey, name: row.roleName },
    departmentId: row.departmentId,
    mustChangePassword: row.mustChangePassword === 1,
  };
}

export function toSessionUser(p: Principal): SessionUser {
  return {
    id: p.ctx.userId,
    username: p.ctx.username,
    displayName: p.ctx.displayName,
    companyId: p.ctx.companyId,
    companyName: p.companyName,
    role: p.role,
    permissions: [...p.ctx.permissions].sort(),
    allCommunities: p.ctx.allCommunities,
    communityIds: [...p.ctx.communityIds],
    departmentId: p.departmentId,
    mustChangePassword: p.mustChangePassword,
    locale: p.ctx.locale,
  };
}
