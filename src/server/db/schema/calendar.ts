/** Table types of the company's working-day calendar: overrides and entered holiday notices. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export interface CalendarOverridesTable {
  id: Generated<number>;
  company_id: number;
  /** YYYY-MM-DD */
  date: string;
  kind: 'holiday' | 'workday' | 'rest_day';
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface CalendarNoticesTable {
  id: Generated<number>;
  company_id: number;
  year: number;
  /** JSON array of { date, name } */
  holidays: string;
  /** JSON array of YYYY-MM-DD */
  workdays: string;
  source_text: string;
  created_by: number | null;
  created_at: string;
}
