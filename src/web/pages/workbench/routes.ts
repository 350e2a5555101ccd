/**
 * The workbench, the page a signed-in user opens on.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const WORKBENCH_PAGES: ShellPage[] = [
  { index: true, module: './pages/workbench/WorkbenchPage.tsx', nav: { order: 10, labelKey: 'nav.workbench', icon: 'home' } },
];
