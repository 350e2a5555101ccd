/**
 * The roles and their permissions.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const ROLE_PAGES: ShellPage[] = [
  { path: 'roles', module: './pages/roles/RolesPage.tsx', anyOf: ['roles.manage'], nav: { order: 120, labelKey: 'nav.roles', icon: 'safetyCertificate' } },
];
