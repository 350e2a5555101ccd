/** 问题设置: issue categories with their routing, and the deadlines of replies, reminders and escalation. */
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { CategoriesCard } from './CategoriesCard';
import { DeadlineSettingsCard } from './DeadlineSettingsCard';

export function IssueSettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('issueSettings.nav')} />
      <Flex vertical gap={16}>
        <CategoriesCard />
        <DeadlineSettingsCard />
      </Flex>
    </>
  );
}
