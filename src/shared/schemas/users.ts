/** Staff accounts and roles. */
import { z } from 'zod';
import { Id, IdParam, PageQuery, Timestamp } from './common.js';
import { PERMISSIONS } from './permissions.js';

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

export const PermissionKey = z.enum(PERMISSIONS);

export const Role = z
  .object({
    id: Id,
    key: z.string().nullable().meta({ description: 'Key of a built-in role; null for custom roles' }),
    name: z.string(),
    description: z.string(),
    permissions: z.array(z.string()),
    builtin: z.boolean(),
    userCount: z.number().int(),
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

export const CreateRoleBody = z.strictObject({
  name: z.string().trim().min(1).max(64),
  description: z.string().trim().max(500).default(''),
  permissions: z.array(PermissionKey).max(PERMISSIONS.length),
});
export type CreateRoleBody = z.infer<typeof CreateRoleBody>;

export const UpdateRoleBody = z.strictObject({
  name: z.string().trim().min(1).max(64).optional(),
  description: z.string().trim().max(500).optional(),
  permissions: z.array(PermissionKey).max(PERMISSIONS.length).optional(),
});
export type UpdateRoleBody = z.infer<typeof UpdateRoleBody>;

export const PermissionInfo = z.object({ key: z.string(), group: z.string() });
