/**
 * The staff without accounts (handlers named on issues).
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const STAFF_PAGES: ShellPage[] = [
  { path: 'staff', module: './pages/staff/StaffPage.tsx', anyOf: ['staff.manage'], nav: { order: 140, labelKey: 'nav.staff', icon: 'idcard' } },
];
