/**
 * The departments that handle issues.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const DEPARTMENT_PAGES: ShellPage[] = [
  { path: 'departments', module: './pages/departments/DepartmentsPage.tsx', anyOf: ['departments.manage'], nav: { order: 130, labelKey: 'nav.departments', icon: 'apartment' } },
];
