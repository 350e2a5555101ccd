/** Table types of the audit log (append-only in the database itself). Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

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
