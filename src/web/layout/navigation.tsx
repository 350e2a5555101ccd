/** The side menu as data: each entry names the permissions that make it visible (any of them). */
import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
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
  { path: '/communities', labelKey: 'nav.communities', icon: <ShopOutlined />, anyOf: ['communities.read', 'communities.manage'] },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, anyOf: ['users.read', 'users.manage'] },
  { path: '/roles', labelKey: 'nav.roles', icon: <SafetyCertificateOutlined />, anyOf: ['roles.manage'] },
  { path: '/departments', labelKey: 'nav.departments', icon: <ApartmentOutlined />, anyOf: ['departments.manage'] },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, anyOf: ['audit.read'] },
];

export function isAllowed(entry: { anyOf?: Permission[] }, permissions: readonly string[]): boolean {
  return !entry.anyOf || entry.anyOf.some((p) => permissions.includes(p));
}

/** The menu key to highlight for a location ("/users/12" → "/users"; "/profile" → none). */
export function activeNavPath(pathname: string): string | null {
  if (pathname === '/') return '/';
  return NAVIGATION.find((e) => e.path !== '/' && pathname.startsWith(e.path))?.path ?? null;
}
