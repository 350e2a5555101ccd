/** Communities (小区/项目), the master data every account, household and visit is scoped by. */
import { z } from 'zod';
import { Id, PageQuery, Timestamp } from './common.js';

export const CommunityType = z.enum(['residential', 'commercial', 'mixed']);
export type CommunityType = z.infer<typeof CommunityType>;
export const CommunityStatus = z.enum(['active', 'archived']);

export const Community = z
  .object({
    id: Id,
    name: z.string(),
    code: z.string(),
    type: CommunityType,
    address: z.string(),
    status: CommunityStatus,
    supervisorId: Id.nullable().meta({ description: 'Responsible supervisor (an account)' }),
    householdCount: z.number().int(),
    residentCount: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Community' });
export type Community = z.infer<typeof Community>;

export const CreateCommunityBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, { message: 'code_format' }),
  type: CommunityType,
  address: z.string().trim().max(200).default(''),
  supervisorId: Id.nullable().optional(),
});
export type CreateCommunityBody = z.infer<typeof CreateCommunityBody>;

export const UpdateCommunityBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  type: CommunityType.optional(),
  address: z.string().trim().max(200).optional(),
  status: CommunityStatus.optional(),
  supervisorId: Id.nullable().optional(),
});
export type UpdateCommunityBody = z.infer<typeof UpdateCommunityBody>;

export const CommunityListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  type: CommunityType.optional(),
  status: CommunityStatus.optional(),
});
export type CommunityListQuery = z.infer<typeof CommunityListQuery>;
