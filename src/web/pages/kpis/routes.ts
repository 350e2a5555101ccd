/**
 * The KPI pages: the dashboard (数据看板), one figure with the lists behind it, the texts behind a theme of free
 * text, the company's targets and its words for text analysis.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const KPI_PAGES: ShellPage[] = [
  { path: 'dashboard', module: './pages/kpis/DashboardPage.tsx', anyOf: ['kpis.read', 'kpis.read_own'], nav: { order: 15, labelKey: 'kpis.nav.dashboard', icon: 'dashboard' } },
  { path: 'dashboard/:kpi', module: './pages/kpis/KpiDetailPage.tsx', anyOf: ['kpis.read', 'kpis.read_own'] },
  { path: 'dashboard/themes/:term', module: './pages/kpis/ThemeTextsPage.tsx', anyOf: ['kpis.read'] },
  { path: 'settings/kpi-targets', module: './pages/kpis/KpiTargetsPage.tsx', anyOf: ['kpis.configure'], nav: { order: 152, labelKey: 'kpis.nav.targets', icon: 'setting' } },
  { path: 'settings/kpi-theme-words', module: './pages/kpis/ThemeWordsPage.tsx', anyOf: ['kpis.configure'], nav: { order: 153, labelKey: 'kpis.nav.themeWords', icon: 'setting' } },
];
