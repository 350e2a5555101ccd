/** Table types of improvement measures (改进措施) and what they target. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';
import type { MeasureStatus, MeasureTargetKind } from '../../../shared/schemas/improvements.js';

export interface ImprovementMeasuresTable {
  id: Generated<number>;
  company_id: number;
  /** null: company-wide */
  community_id: number | null;
  title: string;
  description: string;
  target_kind: MeasureTargetKind;
  /** the service dimension's name (保洁, …) when target_kind is 'dimension' */
  dimension: string | null;
  /** the issue category when target_kind is 'category' */
  category_id: number | null;
  /** Shanghai calendar dates */
  start_date: string;
  end_date: string | null;
  owner_id: number | null;
  status: MeasureStatus;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
}
