/** Providers (antd theme and locale, TanStack Query, router) and the route table. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { setUnauthenticatedHandler } from './api/client';
import { RequirePermission, RequireSession } from './auth/guards';
import { endSession } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { useSyncProfileLanguage } from './lib/language';
import { AuditPage } from './pages/audit/AuditPage';
import { CalendarPage } from './pages/calendar/CalendarPage';
import { ChangePasswordPage } from './pages/change-password/ChangePasswordPage';
import { CommunitiesPage } from './pages/communities/CommunitiesPage';
import { CommunityPage } from './pages/communities/CommunityPage';
import { DepartmentsPage } from './pages/departments/DepartmentsPage';
import { HouseholdPage } from './pages/households/HouseholdPage';
import { HouseholdSearchPage } from './pages/households/HouseholdSearchPage';
import { DepartmentQueuePage } from './pages/issues/DepartmentQueuePage';
import { IssuePage } from './pages/issues/IssuePage';
import { IssuesPage } from './pages/issues/IssuesPage';
import { SupervisionPage } from './pages/issues/SupervisionPage';
import { LoginPage } from './pages/login/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { QuestionnairesPage } from './pages/questionnaires/QuestionnairesPage';
import { RolesPage } from './pages/roles/RolesPage';
import { RosterImportPage } from './pages/roster/RosterImportPage';
import { IssueSettingsPage } from './pages/settings/IssueSettingsPage';
import { StaffPage } from './pages/staff/StaffPage';
import { UsersPage } from './pages/users/UsersPage';
import { MyTasksPage } from './pages/visits/MyTasksPage';
import { TaskPage } from './pages/visits/TaskPage';
import { VisitFormPage } from './pages/visits/VisitFormPage';
import { VisitRecordPage } from './pages/visits/VisitRecordPage';
import { VisitRecordsPage } from './pages/visits/VisitRecordsPage';
import { VisitTasksPage } from './pages/visits/VisitTasksPage';
import { WorkbenchPage } from './pages/workbench/WorkbenchPage';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
  },
});

/** Any 401 after login means the session ended elsewhere (expiry, logout in another tab). */
function SessionWatcher() {
  const navigate = useNavigate();
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
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/change-password"
        element={
          <RequireSession>
            <ChangePasswordPage />
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<WorkbenchPage />} />
        <Route
          path="users"
          element={
            <RequirePermission anyOf={['users.read', 'users.manage']}>
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="roles"
          element={
            <RequirePermission anyOf={['roles.manage']}>
              <RolesPage />
            </RequirePermission>
          }
        />
        <Route
          path="communities"
          element={
            <RequirePermission anyOf={['communities.read', 'communities.manage']}>
              <CommunitiesPage />
            </RequirePermission>
          }
        />
        <Route
          path="communities/:communityId"
          element={
            <RequirePermission anyOf={['households.read']}>
              <CommunityPage />
            </RequirePermission>
          }
        />
        <Route
          path="communities/:communityId/import"
          element={
            <RequirePermission anyOf={['roster.import']}>
              <RosterImportPage />
            </RequirePermission>
          }
        />
        <Route
          path="households"
          element={
            <RequirePermission anyOf={['households.read']}>
              <HouseholdSearchPage />
            </RequirePermission>
          }
        />
        <Route
          path="households/:householdId"
          element={
            <RequirePermission anyOf={['households.read']}>
              <HouseholdPage />
            </RequirePermission>
          }
        />
        <Route
          path="staff"
          element={
            <RequirePermission anyOf={['staff.manage']}>
              <StaffPage />
            </RequirePermission>
          }
        />
        <Route
          path="departments"
          element={
            <RequirePermission anyOf={['departments.manage']}>
              <DepartmentsPage />
            </RequirePermission>
          }
        />
        <Route
          path="audit"
          element={
            <RequirePermission anyOf={['audit.read']}>
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route
          path="tasks"
          element={
            <RequirePermission anyOf={['visits.work']}>
              <MyTasksPage />
            </RequirePermission>
          }
        />
        <Route
          path="tasks/:taskId"
          element={
            <RequirePermission anyOf={['visits.work', 'visits.manage']}>
              <TaskPage />
            </RequirePermission>
          }
        />
        <Route
          path="tasks/:taskId/record"
          element={
            <RequirePermission anyOf={['visits.work', 'visits.manage']}>
              <VisitFormPage />
            </RequirePermission>
          }
        />
        <Route
          path="visit-tasks"
          element={
            <RequirePermission anyOf={['visits.manage']}>
              <VisitTasksPage />
            </RequirePermission>
          }
        />
        <Route
          path="visit-records"
          element={
            <RequirePermission anyOf={['visits.manage', 'visits.read']}>
              <VisitRecordsPage />
            </RequirePermission>
          }
        />
        <Route
          path="visit-records/:recordId"
          element={
            <RequirePermission anyOf={['visits.manage', 'visits.read', 'visits.work']}>
              <VisitRecordPage />
            </RequirePermission>
          }
        />
        <Route
          path="questionnaires"
          element={
            <RequirePermission anyOf={['questionnaires.manage']}>
              <QuestionnairesPage />
            </RequirePermission>
          }
        />
        <Route
          path="issues"
          element={
            <RequirePermission anyOf={['issues.read']}>
              <IssuesPage />
            </RequirePermission>
          }
        />
        <Route
          path="issues/queue"
          element={
            <RequirePermission anyOf={['issues.handle']}>
              <DepartmentQueuePage />
            </RequirePermission>
          }
        />
        <Route
          path="issues/supervision"
          element={
            <RequirePermission anyOf={['issues.manage', 'issues.oversee']}>
              <SupervisionPage />
            </RequirePermission>
          }
        />
        <Route
          path="issues/:issueId"
          element={
            <RequirePermission anyOf={['issues.read']}>
              <IssuePage />
            </RequirePermission>
          }
        />
        <Route
          path="settings/issues"
          element={
            <RequirePermission anyOf={['issues.configure']}>
              <IssueSettingsPage />
            </RequirePermission>
          }
        />
        <Route
          path="settings/calendar"
          element={
            <RequirePermission anyOf={['issues.read', 'issues.configure']}>
              <CalendarPage />
            </RequirePermission>
          }
        />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="home" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const { i18n } = useTranslation();
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
