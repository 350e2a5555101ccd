/**
 * Table types for Kysely. Column conventions shared by both dialects (see ARCHITECTURE.md):
 * ids are integers, timestamps are ISO 8601 UTC strings, flags are 0/1 integers, JSON is text.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface CompaniesTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

export interface CommunitiesTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  code: string;
  type: 'residential' | 'commercial' | 'mixed';
  address: string;
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
}

export interface DepartmentsTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  code: string;
  created_at: string;
}

export interface RolesTable {
  id: Generated<number>;
  company_id: number;
  key: string | null;
  name: string;
  description: string;
  /** JSON array of permission keys */
  permissions: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  company_id: number;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string;
  must_change_password: number;
  role_id: number;
  department_id: number | null;
  status: 'active' | 'disabled';
  locale: 'zh-CN' | 'en';
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserCommunitiesTable {
  user_id: number;
  community_id: number;
}

export interface SessionsTable {
  /** sha256 of the cookie value; the cookie itself is never stored */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  succeeded: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  company_id: number | null;
  community_id: number | null;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  ip: string | null;
  before: string | null;
  after: string | null;
}

export interface Database {
  companies: CompaniesTable;
  communities: CommunitiesTable;
  departments: DepartmentsTable;
  roles: RolesTable;
  users: UsersTable;
  user_communities: UserCommunitiesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
}

export type CommunityRow = Selectable<CommunitiesTable>;
export type UserRow = Selectable<UsersTable>;
export type RoleRow = Selectable<RolesTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type UserUpdate = Updateable<UsersTable>;
