/**
 * The company's own settings: the export cap (导出设置).
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const COMPANY_PAGES: ShellPage[] = [
  { path: 'settings/exports', module: './pages/companies/ExportSettingsPage.tsx', anyOf: ['roles.manage'], nav: { order: 155, labelKey: 'exportSettings.nav', icon: 'setting' } },
];
