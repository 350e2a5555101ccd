/** Table types of departments. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export interface DepartmentsTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  code: string;
  head_id: Generated<number | null>;
  created_at: string;
}
