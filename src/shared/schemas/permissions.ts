/**
 * The permission catalogue. Roles are data (a list of these keys stored per role); code only ever asks
 * "does the context hold permission X?", never "is this user an admin?".
 */
export const PERMISSIONS = [
  // Scope: holders see every community of their company instead of an assigned list.
  'scope.company',
  'users.read',
  'users.manage',
  'roles.manage',
  'communities.read',
  'communities.manage',
  'departments.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_GROUPS: Record<Permission, string> = {
  'scope.company': 'scope',
  'users.read': 'accounts',
  'users.manage': 'accounts',
  'roles.manage': 'accounts',
  'communities.read': 'masterData',
  'communities.manage': 'masterData',
  'departments.manage': 'masterData',
  'audit.read': 'audit',
};

/** The built-in roles of DESIGN.md §1, created for every company. Admins may add custom roles. */
export const BUILTIN_ROLES: Record<string, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: ['scope.company', 'users.read', 'communities.read', 'audit.read'],
  supervisor: ['users.read', 'communities.read'],
  visitor: ['communities.read'],
  handler: ['communities.read'],
};
export type BuiltinRoleKey = keyof typeof BUILTIN_ROLES;
