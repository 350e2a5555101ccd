/**
 * The improvement measures (改进措施): the list with its form, and one measure with its effect.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const IMPROVEMENT_PAGES: ShellPage[] = [
  { path: 'improvements', module: './pages/improvements/ImprovementsPage.tsx', anyOf: ['improvements.read'], nav: { order: 16, labelKey: 'improvements.nav', icon: 'rise' } },
  { path: 'improvements/:measureId', module: './pages/improvements/ImprovementDetailPage.tsx', anyOf: ['improvements.read'] },
];
