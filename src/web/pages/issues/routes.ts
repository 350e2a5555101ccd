/**
 * The issue pages: the department queue, the issue list, supervision, one issue and the issue settings.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const ISSUE_PAGES: ShellPage[] = [
  { path: 'issues/queue', module: './pages/issues/DepartmentQueuePage.tsx', anyOf: ['issues.handle'], nav: { order: 60, labelKey: 'issues.nav.queue', icon: 'inbox' } },
  { path: 'issues', module: './pages/issues/IssuesPage.tsx', anyOf: ['issues.read'], nav: { order: 70, labelKey: 'issues.nav.list', icon: 'issuesClose' } },
  { path: 'issues/supervision', module: './pages/issues/SupervisionPage.tsx', anyOf: ['issues.manage', 'issues.oversee'], nav: { order: 80, labelKey: 'issues.nav.supervision', icon: 'alert' } },
  { path: 'issues/:issueId', module: './pages/issues/IssuePage.tsx', anyOf: ['issues.read'] },
  { path: 'settings/issues', module: './pages/issues/IssueSettingsPage.tsx', anyOf: ['issues.configure'], nav: { order: 150, labelKey: 'issueSettings.nav', icon: 'setting' } },
];
