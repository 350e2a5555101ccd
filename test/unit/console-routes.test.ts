/**
 * The console's route table (src/web/routes.ts), read by the start-up module before the router loads: an
 * address opens the page the router would open, and every page module it names exists and exports the
 * component its file is named after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANGE_PASSWORD, LAYOUT, LOGIN, openingModules, pageAt, PAGES } from '../../src/web/routes';

describe('console routes', () => {
  it('opens the page of a static path before one with a parameter at the same place', () => {
    expect(pageAt('/issues/queue').module).toBe('./pages/issues/DepartmentQueuePage.tsx');
    expect(pageAt('/issues/supervision').module).toBe('./pages/issues/SupervisionPage.tsx');
    expect(pageAt('/issues/42').module).toBe('./pages/issues/IssuePage.tsx');
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

  it('names only page modules that exist and export the component of their file name', () => {
    for (const key of [LAYOUT, LOGIN, CHANGE_PASSWORD, ...PAGES.map((p) => p.module)]) {
      const file = path.join('src/web', key);
      const name = path.basename(key, '.tsx');
      expect(fs.existsSync(file), file).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), file).toMatch(new RegExp(`export function ${name}\\(`));
    }
  });
});
