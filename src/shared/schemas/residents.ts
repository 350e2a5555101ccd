/** Residents of a household: their phones (shown masked, revealed on request), tags, moving out and erasure. */
import { z } from 'zod';
import { DateOnly, Id, Timestamp } from './common.js';

export const ResidentRole = z.enum(['owner', 'tenant', 'merchant']);
export type ResidentRole = z.infer<typeof ResidentRole>;
export const ContactMethod = z.enum(['phone', 'visit', 'sms', 'wechat', 'online']);

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

export const RevealedPhones = z.object({
  phones: z.array(z.object({ id: Id, number: z.string().meta({ description: 'As dialled, e.g. 138 0013 8000' }), kind: z.enum(['mobile', 'landline']) })),
});

export const Tag = z.object({ id: Id, name: z.string(), residentCount: z.number().int() }).meta({ id: 'Tag' });
export const CreateTagBody = z.strictObject({ name: z.string().trim().min(1).max(30) });

