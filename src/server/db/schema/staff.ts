/** Table types of staff and the communities they work in. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export interface StaffTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  phone: string | null;
  position: string;
  department_id: number | null;
  user_id: number | null;
  status: 'active' | 'left';
  created_at: string;
  updated_at: string;
}

export interface StaffCommunitiesTable {
  staff_id: number;
  community_id: number;
}
