/** Table types of residents, their phones and the company's tag vocabulary. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export type ResidentRole = 'owner' | 'tenant' | 'merchant';
export interface ResidentsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  household_id: number;
  name: string;
  role: ResidentRole;
  /** YYYY-MM-DD */
  move_in_date: string | null;
  move_out_date: string | null;
  preferred_contact: string | null;
  do_not_contact: number;
  do_not_contact_reason: string | null;
  notes: string;
  erased_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResidentPhonesTable {
  id: Generated<number>;
  resident_id: number;
  company_id: number;
  /** normalised: E.164 for mobiles (+8613812345678), +86 area-number[;ext=] for landlines */
  number: string;
  kind: 'mobile' | 'landline';
  last4: string;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  company_id: number;
  name: string;
  created_at: string;
}

export interface ResidentTagsTable {
  resident_id: number;
  tag_id: number;
}
