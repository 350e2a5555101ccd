/** Staff accounts (账号): who may sign in, with which role and in which communities. */
import { z } from 'zod';
import { Id, IdParam, PageQuery, Timestamp } from './common.js';

export const UserStatus = z.enum(['active', 'disabled']);

export const User = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    roleId: Id,
    roleName: z.string(),
    roleKey: z.string().nullable(),
    allCommunities: z.boolean(),
    communityIds: z.array(Id),
    departmentId: Id.nullable(),
    status: UserStatus,
    mustChangePassword: z.boolean(),
    lastLoginAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'username_format' })
  .meta({ description: 'Letters, digits, dot, underscore and hyphen' });

export const CreateUserBody = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(64),
  phone: z.string().trim().max(32).nullable().optional(),
  roleId: Id,
  departmentId: Id.nullable().optional(),
  communityIds: z.array(Id).max(1000).default([]),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(1).max(64).optional(),
  phone: z.string().trim().max(32).nullable().optional(),
  roleId: Id.optional(),
  departmentId: Id.nullable().optional(),
  communityIds: z.array(Id).max(1000).optional(),
  status: UserStatus.optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const CreatedUser = z.object({
  user: User,
  temporaryPassword: z.string().meta({ description: 'Initial password, shown once; must be changed at first login' }),
});
export type CreatedUser = z.infer<typeof CreatedUser>;

export const PasswordReset = z.object({ temporaryPassword: z.string() });

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  roleId: IdParam.optional(),
  communityId: IdParam.optional(),
  status: UserStatus.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;
