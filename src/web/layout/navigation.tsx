/**
 * The side menu, derived from the route table (routes.ts): an entry shows when its page's permissions allow it.
 */
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  IssuesCloseOutlined,
  PhoneOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../shared/schemas/permissions';
import { PAGES, type NavIcon } from '../routes';

export interface NavEntry {
  path: string;
  labelKey: string;
  icon: ReactNode;
  anyOf?: Permission[];
}

const ICONS: Record<NavIcon, ReactNode> = {
  home: <HomeOutlined />,
  phone: <PhoneOutlined />,
  carryOut: <CarryOutOutlined />,
  fileSearch: <FileSearchOutlined />,
  form: <FormOutlined />,
  inbox: <InboxOutlined />,
  issuesClose: <IssuesCloseOutlined />,
  alert: <AlertOutlined />,
  search: <SearchOutlined />,
  shop: <ShopOutlined />,
  team: <TeamOutlined />,
  safetyCertificate: <SafetyCertificateOutlined />,
  apartment: <ApartmentOutlined />,
  idcard: <IdcardOutlined />,
  setting: <SettingOutlined />,
  calendar: <CalendarOutlined />,
  audit: <AuditOutlined />,
  dashboard: <DashboardOutlined />,
  rise: <RiseOutlined />,
};

/** The menu: the routes that have an entry, in their order, with the same permissions as their page. */
export const NAVIGATION: NavEntry[] = PAGES.flatMap((page) => (page.nav ? [{ page, nav: page.nav }] : []))
  .sort((a, b) => a.nav.order - b.nav.order)
  .map(({ page, nav }) => ({ path: '/' + (page.path ?? ''), labelKey: nav.labelKey, icon: ICONS[nav.icon], anyOf: page.anyOf }));

/**
 * The menu key to highlight for a location: the longest entry the path lies under ("/communities/3/import" →
 * "/communities"; "/issues/queue" → "/issues/queue"; "/issues/12" → "/issues"; "/profile" → none).
 */
export function activeNavPath(pathname: string): string | null {
  if (pathname === '/') return '/';
  const matches = NAVIGATION.filter((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(e.path + '/')));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? null;
}
