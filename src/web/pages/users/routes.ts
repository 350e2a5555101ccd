/**
 * The accounts.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const USER_PAGES: ShellPage[] = [
  { path: 'users', module: './pages/users/UsersPage.tsx', anyOf: ['users.read', 'users.manage'], nav: { order: 110, labelKey: 'nav.users', icon: 'team' } },
];
