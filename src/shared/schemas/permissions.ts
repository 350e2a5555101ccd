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
  'issues.read',
  'issues.create',
  'issues.handle',
  'issues.manage',
  'issues.oversee',
  'issues.configure',
  'issues.reply_on_visit',
  'issues.export',
  'kpis.read',
  'kpis.read_own',
  'kpis.configure',
  'improvements.read',
  'improvements.manage',
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
  'issues.read': 'issues',
  'issues.create': 'issues',
  'issues.handle': 'issues',
  'issues.manage': 'issues',
  'issues.oversee': 'issues',
  'issues.configure': 'issues',
  'issues.reply_on_visit': 'issues',
  'issues.export': 'personalData',
  'kpis.read': 'kpis',
  'kpis.read_own': 'kpis',
  'kpis.configure': 'kpis',
  'improvements.read': 'kpis',
  'improvements.manage': 'kpis',
};

/**
 * What the issue permissions allow (see src/server/issues/):
 * - issues.read: see the issues of one's communities;
 * - issues.create: enter an issue received by phone, WeChat or in person;
 * - issues.handle: reply to, work on and resolve issues assigned to oneself or one's department;
 * - issues.manage: assign, reassign, escalate and withdraw any issue in scope (supervision, 督办);
 * - issues.oversee: receive the last level of escalation (management);
 * - issues.configure: categories and routing, deadlines, and the working-day calendar;
 * - issues.reply_on_visit: record, as part of a visit, the oral reply given to the resident on the spot;
 * - issues.export: export the issues one sees as a 问题台账 (xlsx; residents' names masked).
 *
 * And the KPI permissions (see src/server/kpis/):
 * - kpis.read: the figures of one's communities (the whole company with scope.company), with breakdowns;
 * - kpis.read_own: a visitor's own figures (the tasks assigned to them, the visits they recorded);
 * - kpis.configure: the company's KPI targets and satisfaction weights.
 *
 * And the improvement measures (改进措施, see src/server/improvements/):
 * - improvements.read: the measures of one's communities and the company-wide ones, with their effect;
 * - improvements.manage: record, change and delete measures — of one's communities, and company-wide ones only
 *   with scope.company.
 */

/** The built-in roles of DESIGN.md §1, created for every company. Admins may add custom roles. */
export const BUILTIN_ROLES: Record<string, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: ['scope.company', 'users.read', 'communities.read', 'audit.read', 'households.read', 'residents.export', 'visits.read', 'visits.export', 'issues.read', 'issues.manage', 'issues.oversee', 'issues.export', 'kpis.read', 'kpis.configure', 'improvements.read', 'improvements.manage'],
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
    'issues.read',
    'issues.create',
    'issues.handle',
    'issues.manage',
    'issues.reply_on_visit',
    'issues.export',
    'kpis.read',
    'improvements.read',
    'improvements.manage',
  ],
  visitor: ['communities.read', 'households.read', 'residents.contact', 'visits.work', 'issues.read', 'issues.create', 'issues.reply_on_visit', 'kpis.read_own'],
  handler: ['communities.read', 'households.read', 'issues.read', 'issues.handle'],
};
export type BuiltinRoleKey = keyof typeof BUILTIN_ROLES;
