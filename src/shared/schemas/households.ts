/** Buildings, their units and households (one room each), with the residents a household is read with. */
import { z } from 'zod';
import { DateOnly, Id, IdParam, PageQuery, Timestamp } from './common.js';
import { Resident, ResidentRole } from './residents.js';

export const HouseholdStatus = z.enum(['occupied', 'vacant', 'let']);

export const Unit = z.object({ id: Id, name: z.string(), householdCount: z.number().int() });
export const Building = z
  .object({ id: Id, name: z.string(), householdCount: z.number().int(), units: z.array(Unit) })
  .meta({ id: 'Building' });
export type Building = z.infer<typeof Building>;

export const Household = z
  .object({
    id: Id,
    communityId: Id,
    buildingId: Id,
    building: z.string(),
    unitId: Id.nullable(),
    unit: z.string().nullable(),
    room: z.string(),
    label: z.string().meta({ description: 'How staff read it, e.g. 3栋2单元1502' }),
    area: z.number().nullable(),
    status: HouseholdStatus,
    residents: z.array(Resident),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Household' });
export type Household = z.infer<typeof Household>;

export const HouseholdListQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().meta({
    description: 'Room ("3-2-1502", "3栋2单元1502", "1502"), a resident name (prefix) or the last 4 digits of a phone',
  }),
  buildingId: IdParam.optional(),
  unitId: IdParam.optional(),
  role: ResidentRole.optional(),
  tag: z.string().trim().max(30).optional(),
  status: HouseholdStatus.optional(),
  moveInFrom: DateOnly.optional(),
  moveInTo: DateOnly.optional(),
  includeMovedOut: z.enum(['true', 'false']).optional(),
  visitedFrom: DateOnly.optional().meta({ description: 'With visitedTo: households with a completed visit between the two dates (the coverage KPI)' }),
  visitedTo: DateOnly.optional(),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuery>;

export const CreateHouseholdBody = z.strictObject({
  building: z.string().trim().min(1).max(20),
  unit: z.string().trim().max(20).nullable().optional(),
  room: z.string().trim().min(1).max(20),
  area: z.number().positive().max(100000).nullable().optional(),
  status: HouseholdStatus.default('occupied'),
});
export type CreateHouseholdBody = z.infer<typeof CreateHouseholdBody>;

export const UpdateHouseholdBody = z.strictObject({
  area: z.number().positive().max(100000).nullable().optional(),
  status: HouseholdStatus.optional(),
});
export type UpdateHouseholdBody = z.infer<typeof UpdateHouseholdBody>;

