/** Table types of roles: named sets of permission keys. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

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
