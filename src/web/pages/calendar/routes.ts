/**
 * The working-day calendar and the holiday notices.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const CALENDAR_PAGES: ShellPage[] = [
  { path: 'settings/calendar', module: './pages/calendar/CalendarPage.tsx', anyOf: ['issues.read', 'issues.configure'], nav: { order: 160, labelKey: 'calendar.nav', icon: 'calendar' } },
];
