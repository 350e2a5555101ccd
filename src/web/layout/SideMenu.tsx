/** The role-aware navigation menu, shared by the desktop sider and the phone drawer. */
import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../auth/session';
import { isAllowed } from '../auth/permissions';
import { NAVIGATION, activeNavPath } from './navigation';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();

  const active = activeNavPath(location.pathname);
  const items = NAVIGATION.filter((entry) => isAllowed(entry, user.permissions)).map((entry) => ({
    key: entry.path,
    icon: entry.icon,
    label: t(entry.labelKey),
  }));

  return (
    <Menu
      mode="inline"
      selectedKeys={active ? [active] : []}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
      aria-label={t('nav.label')}
    />
  );
}
