/**
 * Providers (antd theme and locale, TanStack Query, router) and the route table. Every page, and the shell of
 * the logged-in pages, is a chunk of its own loaded on first use, so the login page downloads only itself;
 * the page the console opens on is fetched at once, beside the session check, rather than after it.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Flex, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, type ComponentType, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, matchPath, matchRoutes, Navigate, Route, Routes, useNavigate, type RouteObject } from 'react-router-dom';
import type { Permission } from '../shared/schemas/permissions';
import { setUnauthenticatedHandler } from './api/client';
import { FullPageSpin, RequirePermission, RequireSession } from './auth/guards';
import { endSession, useSession } from './auth/session';
import { useSyncProfileLanguage } from './lib/language';

interface LazyPage {
  (): ReactElement;
  /** Starts loading the page's chunk (once); rendering it later uses the same download. */
  preload: () => Promise<unknown>;
}

/** A page component loaded from its own chunk on first render, with a spinner in its place meanwhile. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, fallback = <PageSpin />): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => (loading ??= load().then((module) => ({ default: module[name] })));
  const Component = lazy(preload);
  const page = () => (
    <Suspense fallback={fallback}>
      <Component />
    </Suspense>
  );
  return Object.assign(page, { preload });
}

function PageSpin() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}

const Layout = lazyPage(() => import('./layout/AppLayout'), 'AppLayout', <FullPageSpin />);
const NotFound = lazyPage(() => import('./pages/NotFoundPage'), 'NotFoundPage');
const Audit = lazyPage(() => import('./pages/audit/AuditPage'), 'AuditPage');
const Calendar = lazyPage(() => import('./pages/calendar/CalendarPage'), 'CalendarPage');
const ChangePassword = lazyPage(() => import('./pages/change-password/ChangePasswordPage'), 'ChangePasswordPage', <FullPageSpin />);
const Communities = lazyPage(() => import('./pages/communities/CommunitiesPage'), 'CommunitiesPage');
const Community = lazyPage(() => import('./pages/communities/CommunityPage'), 'CommunityPage');
const Departments = lazyPage(() => import('./pages/departments/DepartmentsPage'), 'DepartmentsPage');
const Household = lazyPage(() => import('./pages/households/HouseholdPage'), 'HouseholdPage');
const HouseholdSearch = lazyPage(() => import('./pages/households/HouseholdSearchPage'), 'HouseholdSearchPage');
const DepartmentQueue = lazyPage(() => import('./pages/issues/DepartmentQueuePage'), 'DepartmentQueuePage');
const Issue = lazyPage(() => import('./pages/issues/IssuePage'), 'IssuePage');
const Issues = lazyPage(() => import('./pages/issues/IssuesPage'), 'IssuesPage');
const Supervision = lazyPage(() => import('./pages/issues/SupervisionPage'), 'SupervisionPage');
const Login = lazyPage(() => import('./pages/login/LoginPage'), 'LoginPage', <FullPageSpin />);
const Profile = lazyPage(() => import('./pages/profile/ProfilePage'), 'ProfilePage');
const Questionnaires = lazyPage(() => import('./pages/questionnaires/QuestionnairesPage'), 'QuestionnairesPage');
const Roles = lazyPage(() => import('./pages/roles/RolesPage'), 'RolesPage');
const RosterImport = lazyPage(() => import('./pages/roster/RosterImportPage'), 'RosterImportPage');
const IssueSettings = lazyPage(() => import('./pages/settings/IssueSettingsPage'), 'IssueSettingsPage');
const Staff = lazyPage(() => import('./pages/staff/StaffPage'), 'StaffPage');
const Users = lazyPage(() => import('./pages/users/UsersPage'), 'UsersPage');
const MyTasks = lazyPage(() => import('./pages/visits/MyTasksPage'), 'MyTasksPage');
const Task = lazyPage(() => import('./pages/visits/TaskPage'), 'TaskPage');
const VisitForm = lazyPage(() => import('./pages/visits/VisitFormPage'), 'VisitFormPage');
const VisitRecord = lazyPage(() => import('./pages/visits/VisitRecordPage'), 'VisitRecordPage');
const VisitRecords = lazyPage(() => import('./pages/visits/VisitRecordsPage'), 'VisitRecordsPage');
const VisitTasks = lazyPage(() => import('./pages/visits/VisitTasksPage'), 'VisitTasksPage');
const Workbench = lazyPage(() => import('./pages/workbench/WorkbenchPage'), 'WorkbenchPage');

/** The pages inside the logged-in shell, with the permissions that open them. */
const PAGES: { path?: string; index?: true; page: LazyPage; anyOf?: Permission[] }[] = [
  { index: true, page: Workbench },
  { path: 'users', page: Users, anyOf: ['users.read', 'users.manage'] },
  { path: 'roles', page: Roles, anyOf: ['roles.manage'] },
  { path: 'communities', page: Communities, anyOf: ['communities.read', 'communities.manage'] },
  { path: 'communities/:communityId', page: Community, anyOf: ['households.read'] },
  { path: 'communities/:communityId/import', page: RosterImport, anyOf: ['roster.import'] },
  { path: 'households', page: HouseholdSearch, anyOf: ['households.read'] },
  { path: 'households/:householdId', page: Household, anyOf: ['households.read'] },
  { path: 'staff', page: Staff, anyOf: ['staff.manage'] },
  { path: 'departments', page: Departments, anyOf: ['departments.manage'] },
  { path: 'audit', page: Audit, anyOf: ['audit.read'] },
  { path: 'tasks', page: MyTasks, anyOf: ['visits.work'] },
  { path: 'tasks/:taskId', page: Task, anyOf: ['visits.work', 'visits.manage'] },
  { path: 'tasks/:taskId/record', page: VisitForm, anyOf: ['visits.work', 'visits.manage'] },
  { path: 'visit-tasks', page: VisitTasks, anyOf: ['visits.manage'] },
  { path: 'visit-records', page: VisitRecords, anyOf: ['visits.manage', 'visits.read'] },
  { path: 'visit-records/:recordId', page: VisitRecord, anyOf: ['visits.manage', 'visits.read', 'visits.work'] },
  { path: 'questionnaires', page: Questionnaires, anyOf: ['questionnaires.manage'] },
  { path: 'issues', page: Issues, anyOf: ['issues.read'] },
  { path: 'issues/queue', page: DepartmentQueue, anyOf: ['issues.handle'] },
  { path: 'issues/supervision', page: Supervision, anyOf: ['issues.manage', 'issues.oversee'] },
  { path: 'issues/:issueId', page: Issue, anyOf: ['issues.read'] },
  { path: 'settings/issues', page: IssueSettings, anyOf: ['issues.configure'] },
  { path: 'settings/calendar', page: Calendar, anyOf: ['issues.read', 'issues.configure'] },
  { path: 'profile', page: Profile },
  { path: '*', page: NotFound },
];

const PAGE_MATCHER: RouteObject[] = [
  { path: '/', children: PAGES.map((p, i): RouteObject => (p.index ? { id: String(i), index: true } : { id: String(i), path: p.path })) },
];

/**
 * Fetches the chunks of the page in the address bar at start, beside the session check rather than after it.
 * Called from an effect of App, so that the session request, started by SessionWatcher's effect before it,
 * is not queued behind the chunks on a slow connection.
 */
function preloadOpeningPage(pathname: string) {
  if (matchPath('/login', pathname)) return void Login.preload();
  if (matchPath('/change-password', pathname)) return void ChangePassword.preload();
  void Layout.preload();
  const id = matchRoutes(PAGE_MATCHER, pathname)?.at(-1)?.route.id;
  if (id) void PAGES[Number(id)].page.preload();
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
  },
});

/** Any 401 after login means the session ended elsewhere (expiry, logout in another tab). */
function SessionWatcher() {
  const navigate = useNavigate();
  // Asks for the session at the first render, whichever page's chunk is still on its way.
  useSession();
  useSyncProfileLanguage();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      endSession(queryClient);
      navigate('/login', { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate]);
  return null;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<Login />} />
      <Route
        path="/change-password"
        element={
          <RequireSession>
            <ChangePassword />
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        {PAGES.map(({ path, index, page: Page, anyOf }) => {
          const element = anyOf ? (
            <RequirePermission anyOf={anyOf}>
              <Page />
            </RequirePermission>
          ) : (
            <Page />
          );
          return index ? <Route key="index" index element={element} /> : <Route key={path} path={path} element={element} />;
        })}
        <Route path="home" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const { i18n } = useTranslation();
  useEffect(() => preloadOpeningPage(window.location.pathname), []);
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionWatcher />
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
