/** Language picker used on the login page and in the header. */
import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/schemas/common';
import { LOCALES } from '../i18n';
import { useLanguage } from '../lib/language';

export const LANGUAGE_LABELS: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LOCALES.map((locale) => ({ key: locale, label: LANGUAGE_LABELS[locale] })),
        onClick: ({ key }) => setLanguage(key as Locale),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('common.language')}>
        {compact ? null : LANGUAGE_LABELS[language]}
      </Button>
    </Dropdown>
  );
}
