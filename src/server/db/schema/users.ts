/** Table types of staff accounts and the communities they are assigned to. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

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
