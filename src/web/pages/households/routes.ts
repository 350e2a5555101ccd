/**
 * Finding a household, and one household with its residents.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const HOUSEHOLD_PAGES: ShellPage[] = [
  { path: 'households', module: './pages/households/HouseholdSearchPage.tsx', anyOf: ['households.read'], nav: { order: 90, labelKey: 'nav.households', icon: 'search' } },
  { path: 'households/:householdId', module: './pages/households/HouseholdPage.tsx', anyOf: ['households.read'] },
];
