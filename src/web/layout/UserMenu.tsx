/** Avatar dropdown in the header: profile, language and logout. */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Locale } from '../../shared/schemas/common';
import { useCurrentUser, useLogout } from '../auth/session';
import { LANGUAGE_LABELS } from '../components/LanguageSwitch';
import { LOCALES } from '../i18n';
import { useLanguage } from '../lib/language';

export function UserMenu({ showName }: { showName: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const { language, setLanguage } = useLanguage();

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'profile', icon: <UserOutlined />, label: t('nav.profile') },
          {
            key: 'language',
            label: t('common.language'),
            children: LOCALES.map((locale) => ({
              key: 'lang:' + locale,
              label: (locale === language ? '✓ ' : '') + LANGUAGE_LABELS[locale],
            })),
          },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'profile') navigate('/profile');
          else if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login') });
          else if (key.startsWith('lang:')) setLanguage(key.slice(5) as Locale);
        },
      }}
    >
      <Button type="text" aria-label={t('nav.userMenu')} data-testid="user-menu" style={{ paddingInline: 4 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
        {showName ? user.displayName : null}
      </Button>
    </Dropdown>
  );
}
