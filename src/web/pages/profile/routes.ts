/**
 * The signed-in user's own profile.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const PROFILE_PAGES: ShellPage[] = [
  { path: 'profile', module: './pages/profile/ProfilePage.tsx' },
];
