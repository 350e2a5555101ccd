/** Table types of buildings, units and households (one room each). Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export interface BuildingsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  name: string;
  created_at: string;
}

export interface UnitsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  building_id: number;
  name: string;
  created_at: string;
}

export type HouseholdStatus = 'occupied' | 'vacant' | 'let';
export interface HouseholdsTable {
  id: Generated<number>;
  company_id: number;
  community_id: number;
  building_id: number;
  unit_id: number | null;
  room: string;
  /** householdSortKey(building, unit, room) from households/room.ts: natural order, indexed */
  sort_key: string;
  area: number | null;
  status: HouseholdStatus;
  created_at: string;
  updated_at: string;
}
