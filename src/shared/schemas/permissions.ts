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
  'households.read',
  'households.manage',
  'residents.contact',
  'residents.export',
  'residents.erase',
  'roster.import',
  'staff.manage',
  'questionnaires.manage',
  'visits.manage',
  'visits.read',
  'visits.work',
  'visits.export',
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
  'households.read': 'residents',
  'households.manage': 'residents',
  'residents.contact': 'personalData',
  'residents.export': 'personalData',
  'residents.erase': 'personalData',
  'roster.import': 'residents',
  'staff.manage': 'masterData',
  'questionnaires.manage': 'visits',
  'visits.manage': 'visits',
  'visits.read': 'visits',
  'visits.work': 'visits',
  'visits.export': 'personalData',
};

/** The built-in roles of DESIGN.md §1, created for every company. Admins may add custom roles. */
export const BUILTIN_ROLES: Record<string, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: ['scope.company', 'users.read', 'communities.read', 'audit.read', 'households.read', 'residents.export', 'visits.read', 'visits.export'],
  supervisor: [
    'users.read',
    'communities.read',
    'households.read',
    'households.manage',
    'residents.contact',
    'residents.export',
    'roster.import',
    'questionnaires.manage',
    'visits.manage',
    'visits.read',
    'visits.work',
    'visits.export',
  ],
  visitor: ['communities.read', 'households.read', 'residents.contact', 'visits.work'],
  handler: ['communities.read', 'households.read'],
};
export type BuiltinRoleKey = keyof typeof BUILTIN_ROLES;
