/**
 * The console's pages: the module of each, where it lives, the permissions that open it and its menu entry,
 * gathered from each domain's pages/<domain>/routes.ts. Plain data with no React, antd or page imports, so
 * that the start-up module (main.tsx) can read it and fetch the opening page's chunks while the framework
 * chunks are still downloading. App.tsx renders the same table (through page-chunks.ts) and the side menu
 * (layout/navigation.tsx) is derived from it.
 */
import type { Permission } from '../shared/schemas/permissions';
import { AUDIT_PAGES } from './pages/audit/routes';
import { AUTH_PAGES } from './pages/auth/routes';
import { CALENDAR_PAGES } from './pages/calendar/routes';
import { COMMUNITY_PAGES } from './pages/communities/routes';
import { COMPANY_PAGES } from './pages/companies/routes';
import { DEPARTMENT_PAGES } from './pages/departments/routes';
import { HOUSEHOLD_PAGES } from './pages/households/routes';
import { IMPROVEMENT_PAGES } from './pages/improvements/routes';
import { ISSUE_PAGES } from './pages/issues/routes';
import { KPI_PAGES } from './pages/kpis/routes';
import { QUESTIONNAIRE_PAGES } from './pages/questionnaires/routes';
import { ROLE_PAGES } from './pages/roles/routes';
import { ROSTER_PAGES } from './pages/roster/routes';
import { STAFF_PAGES } from './pages/staff/routes';
import { USER_PAGES } from './pages/users/routes';
import { VISIT_PAGES } from './pages/visits/routes';
import { WORKBENCH_PAGES } from './pages/workbench/routes';

/** A page module, as a path from src/web (the key of page-chunks.ts); it exports a component of its file's name. */
export type PageModuleKey = `./${string}.tsx`;

export const LAYOUT: PageModuleKey = './layout/AppLayout.tsx';
export const LOGIN: PageModuleKey = './pages/login/LoginPage.tsx';
export const CHANGE_PASSWORD: PageModuleKey = './pages/auth/ChangePasswordPage.tsx';

/** The side menu's icons, by name (src/web/layout/navigation.tsx draws them). */
export type NavIcon =
  | 'home' | 'phone' | 'carryOut' | 'fileSearch' | 'form' | 'inbox' | 'issuesClose' | 'alert' | 'search' | 'shop'
  | 'team' | 'safetyCertificate' | 'apartment' | 'idcard' | 'setting' | 'calendar' | 'audit' | 'dashboard' | 'rise';

export interface ShellPage {
  path?: string;
  index?: true;
  module: PageModuleKey;
  /** Any one of these opens the page (and shows its menu entry); none listed: every signed-in user. */
  anyOf?: Permission[];
  /** The page's entry in the side menu, placed by `order` (ascending). */
  nav?: { order: number; labelKey: string; icon: NavIcon };
  /**
   * The GET paths (from /api/v1, with the query string the API client writes) of the data the page shows
   * first: sent by main.tsx when the console opens on this page, beside the code (api/early.ts).
   */
  firstData?: () => string[];
}

/** The pages inside the logged-in shell: each domain's list (pages/<domain>/routes.ts), then the not-found page. */
export const PAGES: ShellPage[] = [
  ...WORKBENCH_PAGES,
  ...KPI_PAGES,
  ...IMPROVEMENT_PAGES,
  ...VISIT_PAGES,
  ...QUESTIONNAIRE_PAGES,
  ...ISSUE_PAGES,
  ...COMPANY_PAGES,
  ...HOUSEHOLD_PAGES,
  ...COMMUNITY_PAGES,
  ...ROSTER_PAGES,
  ...USER_PAGES,
  ...ROLE_PAGES,
  ...DEPARTMENT_PAGES,
  ...STAFF_PAGES,
  ...CALENDAR_PAGES,
  ...AUDIT_PAGES,
  ...AUTH_PAGES,
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

/** What main.tsx asks the API for when the console opens at an address: the session, then the page's first data. */
export function openingRequests(pathname: string): string[] {
  const path = pathname.replace(/\/+$/, '') || '/';
  const session = '/auth/session';
  if (path === '/login' || path === '/change-password') return [session];
  return [session, ...(pageAt(path).firstData?.() ?? [])];
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
