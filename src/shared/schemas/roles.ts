/** Roles: named sets of permissions from the catalogue (permissions.ts), built-in or the company's own. */
import { z } from 'zod';
import { Id } from './common.js';
import { PERMISSIONS } from './permissions.js';

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
