/** The side menu as data: each entry names the permissions that make it visible (any of them). */
import {
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
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
  { path: '/households', labelKey: 'nav.households', icon: <SearchOutlined />, anyOf: ['households.read'] },
  { path: '/communities', labelKey: 'nav.communities', icon: <ShopOutlined />, anyOf: ['communities.read', 'communities.manage'] },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, anyOf: ['users.read', 'users.manage'] },
  { path: '/roles', labelKey: 'nav.roles', icon: <SafetyCertificateOutlined />, anyOf: ['roles.manage'] },
  { path: '/departments', labelKey: 'nav.departments', icon: <ApartmentOutlined />, anyOf: ['departments.manage'] },
  { path: '/staff', labelKey: 'nav.staff', icon: <IdcardOutlined />, anyOf: ['staff.manage'] },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, anyOf: ['audit.read'] },
];

export function isAllowed(entry: { anyOf?: Permission[] }, permissions: readonly string[]): boolean {
  return !entry.anyOf || entry.anyOf.some((p) => permissions.includes(p));
}

/** The menu key to highlight for a location ("/communities/3/import" → "/communities"; "/profile" → none). */
export function activeNavPath(pathname: string): string | null {
  if (pathname === '/') return '/';
  return NAVIGATION.find((e) => e.path !== '/' && pathname.startsWith(e.path))?.path ?? null;
}
