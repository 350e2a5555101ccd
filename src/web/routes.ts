/**
 * The console's pages: the module of each, where it lives and the permissions that open it. Plain data with
 * no React, antd or page imports, so that the start-up module (main.tsx) can read it and fetch the opening
 * page's chunks while the framework chunks are still downloading; App.tsx renders the same table through
 * page-chunks.ts.
 */
import type { Permission } from '../shared/schemas/permissions';

/** A page module, as a path from src/web (the key of page-chunks.ts); it exports a component of its file's name. */
export type PageModuleKey = `./${string}.tsx`;

export const LAYOUT: PageModuleKey = './layout/AppLayout.tsx';
export const LOGIN: PageModuleKey = './pages/login/LoginPage.tsx';
export const CHANGE_PASSWORD: PageModuleKey = './pages/change-password/ChangePasswordPage.tsx';

export interface ShellPage {
  path?: string;
  index?: true;
  module: PageModuleKey;
  /** Any one of these opens the page; none listed: every signed-in user. */
  anyOf?: Permission[];
}

/** The pages inside the logged-in shell. */
export const PAGES: ShellPage[] = [
  { index: true, module: './pages/workbench/WorkbenchPage.tsx' },
  { path: 'users', module: './pages/users/UsersPage.tsx', anyOf: ['users.read', 'users.manage'] },
  { path: 'roles', module: './pages/roles/RolesPage.tsx', anyOf: ['roles.manage'] },
  { path: 'communities', module: './pages/communities/CommunitiesPage.tsx', anyOf: ['communities.read', 'communities.manage'] },
  { path: 'communities/:communityId', module: './pages/communities/CommunityPage.tsx', anyOf: ['households.read'] },
  { path: 'communities/:communityId/import', module: './pages/roster/RosterImportPage.tsx', anyOf: ['roster.import'] },
  { path: 'households', module: './pages/households/HouseholdSearchPage.tsx', anyOf: ['households.read'] },
  { path: 'households/:householdId', module: './pages/households/HouseholdPage.tsx', anyOf: ['households.read'] },
  { path: 'staff', module: './pages/staff/StaffPage.tsx', anyOf: ['staff.manage'] },
  { path: 'departments', module: './pages/departments/DepartmentsPage.tsx', anyOf: ['departments.manage'] },
  { path: 'audit', module: './pages/audit/AuditPage.tsx', anyOf: ['audit.read'] },
  { path: 'tasks', module: './pages/visits/MyTasksPage.tsx', anyOf: ['visits.work'] },
  { path: 'tasks/:taskId', module: './pages/visits/TaskPage.tsx', anyOf: ['visits.work', 'visits.manage'] },
  { path: 'tasks/:taskId/record', module: './pages/visits/VisitFormPage.tsx', anyOf: ['visits.work', 'visits.manage'] },
  { path: 'visit-tasks', module: './pages/visits/VisitTasksPage.tsx', anyOf: ['visits.manage'] },
  { path: 'visit-records', module: './pages/visits/VisitRecordsPage.tsx', anyOf: ['visits.manage', 'visits.read'] },
  { path: 'visit-records/:recordId', module: './pages/visits/VisitRecordPage.tsx', anyOf: ['visits.manage', 'visits.read', 'visits.work'] },
  { path: 'questionnaires', module: './pages/questionnaires/QuestionnairesPage.tsx', anyOf: ['questionnaires.manage'] },
  { path: 'issues', module: './pages/issues/IssuesPage.tsx', anyOf: ['issues.read'] },
  { path: 'issues/queue', module: './pages/issues/DepartmentQueuePage.tsx', anyOf: ['issues.handle'] },
  { path: 'issues/supervision', module: './pages/issues/SupervisionPage.tsx', anyOf: ['issues.manage', 'issues.oversee'] },
  { path: 'issues/:issueId', module: './pages/issues/IssuePage.tsx', anyOf: ['issues.read'] },
  { path: 'settings/issues', module: './pages/settings/IssueSettingsPage.tsx', anyOf: ['issues.configure'] },
  { path: 'settings/calendar', module: './pages/calendar/CalendarPage.tsx', anyOf: ['issues.read', 'issues.configure'] },
  { path: 'profile', module: './pages/profile/ProfilePage.tsx' },
  { path: '*', module: './pages/NotFoundPage.tsx' },
];

/** Whether a route path (`issues/:issueId`, `*`) matches an address's path segments, as the router matches it. */
function matches(routePath: string, segments: string[]): boolean {
  if (routePath === '*') return true;
  const parts = routePath.split('/');
  return parts.length === segments.length && parts.every((part, i) => part.startsWith(':') || part === segments[i]);
}

/** The shell page an address opens; static segments win over parameters (`issues/queue` over `issues/:issueId`). */
export function pageAt(pathname: string): ShellPage {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length === 0) return PAGES[0];
  const staticParts = (p: ShellPage) => (p.path === '*' ? -1 : p.path!.split('/').filter((part) => !part.startsWith(':')).length);
  return PAGES.filter((p) => p.path && matches(p.path, segments)).sort((a, b) => staticParts(b) - staticParts(a))[0];
}

/** The modules the page at an address renders first: the page, and the shell around it if it has one. */
export function openingModules(pathname: string): PageModuleKey[] {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/login') return [LOGIN];
  if (path === '/change-password') return [CHANGE_PASSWORD];
  return [LAYOUT, pageAt(path).module];
}

/** The id of the JSON map that the build writes into index.html: page module → the files of its chunks. */
export const PAGE_CHUNKS_ELEMENT = 'page-chunks';

/**
 * Starts downloading the chunks of the page in the address bar (modulepreload links from the build's map),
 * so that they come beside the framework rather than after it. Without the map (the dev server) it does
 * nothing; rendering the page loads its chunk either way.
 */
export function preloadOpeningPage(pathname: string): void {
  const map = document.getElementById(PAGE_CHUNKS_ELEMENT)?.textContent;
  if (!map) return;
  const files = JSON.parse(map) as Record<string, string[]>;
  for (const file of new Set(openingModules(pathname).flatMap((key) => files[key] ?? []))) {
    if (document.querySelector(`link[href="${file}"]`)) continue;
    const link = document.createElement('link');
    link.rel = file.endsWith('.css') ? 'stylesheet' : 'modulepreload';
    link.crossOrigin = '';
    link.href = file;
    document.head.appendChild(link);
  }
}
