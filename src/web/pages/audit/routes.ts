/**
 * The audit log.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const AUDIT_PAGES: ShellPage[] = [
  { path: 'audit', module: './pages/audit/AuditPage.tsx', anyOf: ['audit.read'], nav: { order: 170, labelKey: 'nav.audit', icon: 'audit' } },
];
