/** Table types of communities (小区/项目). Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export interface CommunitiesTable {
  id: Generated<number>;
  company_id: number;
  supervisor_id: Generated<number | null>;
  name: string;
  code: string;
  type: 'residential' | 'commercial' | 'mixed';
  address: string;
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
}
