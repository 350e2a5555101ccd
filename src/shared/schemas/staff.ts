/** Staff (员工), with or without an account, by department and community. */
import { z } from 'zod';
import { Id, IdParam, PageQuery } from './common.js';

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

