/**
 * Importing a community's roster.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const ROSTER_PAGES: ShellPage[] = [
  { path: 'communities/:communityId/import', module: './pages/roster/RosterImportPage.tsx', anyOf: ['roster.import'] },
];
