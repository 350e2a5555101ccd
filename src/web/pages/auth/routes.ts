/**
 * The signed-in user's own profile (the forced password change, outside the shell, is CHANGE_PASSWORD in
 * src/web/routes.ts).
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const AUTH_PAGES: ShellPage[] = [
  { path: 'profile', module: './pages/auth/ProfilePage.tsx' },
];
