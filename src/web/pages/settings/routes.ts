/**
 * The issue settings: categories, deadlines and escalation.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const SETTINGS_PAGES: ShellPage[] = [
  { path: 'settings/issues', module: './pages/settings/IssueSettingsPage.tsx', anyOf: ['issues.configure'], nav: { order: 150, labelKey: 'issueSettings.nav', icon: 'setting' } },
];
