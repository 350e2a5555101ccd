/**
 * The KPI pages: the dashboard (数据看板), one figure with the lists behind it, and the company's targets.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const KPI_PAGES: ShellPage[] = [
  { path: 'dashboard', module: './pages/kpis/DashboardPage.tsx', anyOf: ['kpis.read', 'kpis.read_own'], nav: { order: 15, labelKey: 'kpis.nav.dashboard', icon: 'dashboard' } },
  { path: 'dashboard/:kpi', module: './pages/kpis/KpiDetailPage.tsx', anyOf: ['kpis.read', 'kpis.read_own'] },
  { path: 'settings/kpi-targets', module: './pages/kpis/KpiTargetsPage.tsx', anyOf: ['kpis.configure'], nav: { order: 152, labelKey: 'kpis.nav.targets', icon: 'setting' } },
];
