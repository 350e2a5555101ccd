/**
 * The console's route table (src/web/routes.ts, gathered from each domain's pages/<domain>/routes.ts), read
 * by the start-up module before the router loads: an address opens the page the router would open; every page
 * module has one route, in its own domain's list, and exports the component its file is named after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAVIGATION } from '../../src/web/layout/navigation';
import { CHANGE_PASSWORD, LAYOUT, LOGIN, openingModules, pageAt, PAGES } from '../../src/web/routes';

describe('console routes', () => {
  it('opens the page of a static path before one with a parameter at the same place', () => {
    expect(pageAt('/issues/queue').module).toBe('./pages/issues/DepartmentQueuePage.tsx');
    expect(pageAt('/issues/supervision').module).toBe('./pages/issues/SupervisionPage.tsx');
    expect(pageAt('/issues/42').module).toBe('./pages/issues/IssuePage.tsx');
    expect(pageAt('/dashboard/coverage').module).toBe('./pages/kpis/KpiDetailPage.tsx');
    expect(pageAt(`/dashboard/themes/${encodeURIComponent('电梯')}`).module).toBe('./pages/kpis/ThemeTextsPage.tsx');
    expect(pageAt('/tasks/7/record').module).toBe('./pages/visits/VisitFormPage.tsx');
    expect(pageAt('/communities/3/import').module).toBe('./pages/roster/RosterImportPage.tsx');
  });

  it('opens the workbench at the root and the not-found page for an unknown address', () => {
    expect(pageAt('/').module).toBe('./pages/workbench/WorkbenchPage.tsx');
    expect(pageAt('/no/such/page').module).toBe('./pages/NotFoundPage.tsx');
    expect(pageAt('/tasks/7/record/extra').module).toBe('./pages/NotFoundPage.tsx');
  });

  it('opens a logged-in page inside the shell, and the login and password pages alone', () => {
    expect(openingModules('/tasks/')).toEqual([LAYOUT, './pages/visits/MyTasksPage.tsx']);
    expect(openingModules('/login')).toEqual([LOGIN]);
    expect(openingModules('/change-password')).toEqual([CHANGE_PASSWORD]);
  });

  it('gives every page module under pages/ exactly one route, listed by its own domain', () => {
    const pageFiles = fs
      .readdirSync('src/web/pages', { recursive: true, encoding: 'utf8' })
      .filter((f) => /Page\.tsx$/.test(f))
      .map((f) => `./pages/${f.split(path.sep).join('/')}`);
    const named = [LOGIN, CHANGE_PASSWORD, ...PAGES.map((p) => p.module)];
    expect([...named].sort()).toEqual([...pageFiles].sort());
    for (const page of PAGES) {
      const domain = page.module.split('/')[2];
      if (!page.module.endsWith('/NotFoundPage.tsx')) expect(fs.readFileSync(`src/web/pages/${domain}/routes.ts`, 'utf8'), page.module).toContain(`'${page.module}'`);
    }
  });

  it('derives the side menu from the routes, in the order the console has always shown it', () => {
    expect(NAVIGATION.map((e) => e.path)).toEqual([
      '/', '/dashboard', '/improvements', '/tasks', '/visit-tasks', '/visit-records', '/questionnaires', '/issues/queue', '/issues', '/issues/supervision',
      '/households', '/communities', '/users', '/roles', '/departments', '/staff', '/settings/issues', '/settings/kpi-targets', '/settings/kpi-theme-words', '/settings/exports', '/settings/calendar', '/audit',
    ]);
    // Each entry opens with the permissions of its page.
    expect(NAVIGATION.find((e) => e.path === '/issues/supervision')?.anyOf).toEqual(['issues.manage', 'issues.oversee']);
  });

  it('names only page modules that exist and export the component of their file name', () => {
    for (const key of [LAYOUT, LOGIN, CHANGE_PASSWORD, ...PAGES.map((p) => p.module)]) {
      const file = path.join('src/web', key);
      const name = path.basename(key, '.tsx');
      expect(fs.existsSync(file), file).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), file).toMatch(new RegExp(`export function ${name}\\(`));
    }
  });
});
