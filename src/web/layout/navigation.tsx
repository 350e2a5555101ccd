/** The side menu as data: each entry names the permissions that make it visible (any of them). */
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  IssuesCloseOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../shared/schemas/permissions';

export interface NavEntry {
  path: string;
  labelKey: string;
  icon: ReactNode;
  anyOf?: Permission[];
}

export const NAVIGATION: NavEntry[] = [
  { path: '/', labelKey: 'nav.workbench', icon: <HomeOutlined /> },
  { path: '/tasks', labelKey: 'visits.nav.myTasks', icon: <PhoneOutlined />, anyOf: ['visits.work'] },
  { path: '/visit-tasks', labelKey: 'visits.nav.tasks', icon: <CarryOutOutlined />, anyOf: ['visits.manage'] },
  { path: '/visit-records', labelKey: 'visits.nav.records', icon: <FileSearchOutlined />, anyOf: ['visits.manage', 'visits.read'] },
  { path: '/questionnaires', labelKey: 'visits.nav.questionnaires', icon: <FormOutlined />, anyOf: ['questionnaires.manage'] },
  { path: '/issues/queue', labelKey: 'issues.nav.queue', icon: <InboxOutlined />, anyOf: ['issues.handle'] },
  { path: '/issues', labelKey: 'issues.nav.list', icon: <IssuesCloseOutlined />, anyOf: ['issues.read'] },
  { path: '/issues/supervision', labelKey: 'issues.nav.supervision', icon: <AlertOutlined />, anyOf: ['issues.manage', 'issues.oversee'] },
  { path: '/households', labelKey: 'nav.households', icon: <SearchOutlined />, anyOf: ['households.read'] },
  { path: '/communities', labelKey: 'nav.communities', icon: <ShopOutlined />, anyOf: ['communities.read', 'communities.manage'] },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, anyOf: ['users.read', 'users.manage'] },
  { path: '/roles', labelKey: 'nav.roles', icon: <SafetyCertificateOutlined />, anyOf: ['roles.manage'] },
  { path: '/departments', labelKey: 'nav.departments', icon: <ApartmentOutlined />, anyOf: ['departments.manage'] },
  { path: '/staff', labelKey: 'nav.staff', icon: <IdcardOutlined />, anyOf: ['staff.manage'] },
  { path: '/settings/issues', labelKey: 'issueSettings.nav', icon: <SettingOutlined />, anyOf: ['issues.configure'] },
  { path: '/settings/calendar', labelKey: 'calendar.nav', icon: <CalendarOutlined />, anyOf: ['issues.read', 'issues.configure'] },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, anyOf: ['audit.read'] },
];

export function isAllowed(entry: { anyOf?: Permission[] }, permissions: readonly string[]): boolean {
  return !entry.anyOf || entry.anyOf.some((p) => permissions.includes(p));
}

/**
 * The menu key to highlight for a location: the longest entry the path lies under ("/communities/3/import" →
 * "/communities"; "/issues/queue" → "/issues/queue"; "/issues/12" → "/issues"; "/profile" → none).
 */
export function activeNavPath(pathname: string): string | null {
  if (pathname === '/') return '/';
  const matches = NAVIGATION.filter((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(e.path + '/')));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? null;
}
