/**
 * The visit pages: 我的任务, a task and its visit form, and the supervisors' task and record lists.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';
import { myTaskListPaths } from './myTaskLists';

export const VISIT_PAGES: ShellPage[] = [
  { path: 'tasks', module: './pages/visits/MyTasksPage.tsx', anyOf: ['visits.work'], nav: { order: 20, labelKey: 'visits.nav.myTasks', icon: 'phone' }, firstData: myTaskListPaths },
  { path: 'tasks/:taskId', module: './pages/visits/TaskPage.tsx', anyOf: ['visits.work', 'visits.manage'] },
  { path: 'tasks/:taskId/record', module: './pages/visits/VisitFormPage.tsx', anyOf: ['visits.work', 'visits.manage'] },
  { path: 'visit-tasks', module: './pages/visits/VisitTasksPage.tsx', anyOf: ['visits.manage'], nav: { order: 30, labelKey: 'visits.nav.tasks', icon: 'carryOut' } },
  { path: 'visit-records', module: './pages/visits/VisitRecordsPage.tsx', anyOf: ['visits.manage', 'visits.read'], nav: { order: 40, labelKey: 'visits.nav.records', icon: 'fileSearch' } },
  { path: 'visit-records/:recordId', module: './pages/visits/VisitRecordPage.tsx', anyOf: ['visits.manage', 'visits.read', 'visits.work'] },
];
