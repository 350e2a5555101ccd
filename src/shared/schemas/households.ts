/** Buildings, households (one room each), residents, tags and staff. */
import { z } from 'zod';
import { Id, IdParam, PageQuery, Timestamp } from './common.js';

export const DateOnly = z.iso.date().meta({ description: 'Calendar date YYYY-MM-DD' });

export const HouseholdStatus = z.enum(['occupied', 'vacant', 'let']);
export const ResidentRole = z.enum(['owner', 'tenant', 'merchant']);
export type ResidentRole = z.infer<typeof ResidentRole>;
export const ContactMethod = z.enum(['phone', 'visit', 'sms', 'wechat', 'online']);

export const Unit = z.object({ id: Id, name: z.string(), householdCount: z.number().int() });
export const Building = z
  .object({ id: Id, name: z.string(), householdCount: z.number().int(), units: z.array(Unit) })
  .meta({ id: 'Building' });
export type Building = z.infer<typeof Building>;

export const MaskedPhone = z.object({
  id: Id,
  masked: z.string().meta({ description: 'e.g. 138****5678; reveal with POST /residents/{id}/phones/reveal' }),
  kind: z.enum(['mobile', 'landline']),
});

export const Resident = z
  .object({
    id: Id,
    householdId: Id,
    communityId: Id,
    name: z.string(),
    role: ResidentRole,
    phones: z.array(MaskedPhone),
    moveInDate: DateOnly.nullable(),
    moveOutDate: DateOnly.nullable(),
    tags: z.array(z.string()),
    preferredContact: ContactMethod.nullable(),
    doNotContact: z.boolean(),
    doNotContactReason: z.string().nullable(),
    notes: z.string(),
    erased: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Resident' });
export type Resident = z.infer<typeof Resident>;

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

const ResidentFields = {
  name: z.string().trim().min(1).max(50),
  role: ResidentRole,
  phones: z.array(z.string().trim().min(3).max(40)).max(5).meta({ description: 'Mobiles or landlines as written; normalised by the server' }),
  moveInDate: DateOnly.nullable(),
  tags: z.array(z.string().trim().min(1).max(30)).max(20),
  preferredContact: ContactMethod.nullable(),
  doNotContact: z.boolean(),
  doNotContactReason: z.string().trim().max(200).nullable(),
  notes: z.string().trim().max(1000),
};

export const CreateResidentBody = z.strictObject({
  name: ResidentFields.name,
  role: ResidentFields.role,
  phones: ResidentFields.phones.default([]),
  moveInDate: ResidentFields.moveInDate.optional(),
  tags: ResidentFields.tags.default([]),
  preferredContact: ResidentFields.preferredContact.optional(),
  doNotContact: ResidentFields.doNotContact.default(false),
  doNotContactReason: ResidentFields.doNotContactReason.optional(),
  notes: ResidentFields.notes.default(''),
});
export type CreateResidentBody = z.infer<typeof CreateResidentBody>;

export const UpdateResidentBody = z.strictObject({
  name: ResidentFields.name.optional(),
  role: ResidentFields.role.optional(),
  phones: ResidentFields.phones.optional(),
  moveInDate: ResidentFields.moveInDate.optional(),
  tags: ResidentFields.tags.optional(),
  preferredContact: ResidentFields.preferredContact.optional(),
  doNotContact: ResidentFields.doNotContact.optional(),
  doNotContactReason: ResidentFields.doNotContactReason.optional(),
  notes: ResidentFields.notes.optional(),
});
export type UpdateResidentBody = z.infer<typeof UpdateResidentBody>;

export const MoveOutBody = z.strictObject({ moveOutDate: DateOnly });
export const EraseResidentBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export const MergeBody = z.strictObject({
  duplicateId: Id.meta({ description: 'The duplicate that is folded into this one and then removed' }),
});

export const RevealedPhones = z.object({
  phones: z.array(z.object({ id: Id, number: z.string().meta({ description: 'As dialled, e.g. 138 0013 8000' }), kind: z.enum(['mobile', 'landline']) })),
});

export const Tag = z.object({ id: Id, name: z.string(), residentCount: z.number().int() }).meta({ id: 'Tag' });
export const CreateTagBody = z.strictObject({ name: z.string().trim().min(1).max(30) });

export const StaffStatus = z.enum(['active', 'left']);
export const Staff = z
  .object({
    id: Id,
    name: z.string(),
    phone: z.string().nullable(),
    position: z.string(),
    departmentId: Id.nullable(),
    userId: Id.nullable(),
    communityIds: z.array(Id),
    status: StaffStatus,
  })
  .meta({ id: 'Staff' });
export type Staff = z.infer<typeof Staff>;
export const StaffListQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  departmentId: IdParam.optional(),
  communityId: IdParam.optional(),
  status: StaffStatus.optional(),
});
export type StaffListQuery = z.infer<typeof StaffListQuery>;
export const CreateStaffBody = z.strictObject({
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().max(40).nullable().optional(),
  position: z.string().trim().max(50).default(''),
  departmentId: Id.nullable().optional(),
  userId: Id.nullable().optional(),
  communityIds: z.array(Id).max(1000).default([]),
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;
export const UpdateStaffBody = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  position: z.string().trim().max(50).optional(),
  departmentId: Id.nullable().optional(),
  userId: Id.nullable().optional(),
  communityIds: z.array(Id).max(1000).optional(),
  status: StaffStatus.optional(),
});
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;

/** Roster import job, polled by the console while it runs. */
export const RosterImportStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export const RosterImportError = z.object({ row: z.number().int(), column: z.string().nullable(), code: z.string(), message: z.string() });
export const RosterImport = z
  .object({
    id: Id,
    communityId: Id,
    status: RosterImportStatus,
    dryRun: z.boolean(),
    fileName: z.string(),
    total: z.number().int(),
    processed: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    /** set when the whole file was refused */
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    errors: z.array(RosterImportError).meta({ description: 'Row errors, first 200; the full list is in the xlsx error report' }),
    createdAt: Timestamp,
    finishedAt: Timestamp.nullable(),
  })
  .meta({ id: 'RosterImport' });
export type RosterImport = z.infer<typeof RosterImport>;
