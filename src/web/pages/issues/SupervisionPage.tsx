/** 督办: open issues that are overdue or escalated, most urgent deadline first (the server orders them by due time). */
import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIssues, type IssueFilters as Filters } from '../../api/issues';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { usePagination } from '../../lib/pagination';
import { IssueFilters, type IssueFilterKey } from './IssueFilters';
import { IssueList } from './IssueList';

const FILTERS: readonly IssueFilterKey[] = ['q', 'communityId', 'departmentId', 'kind', 'categoryId', 'escalated'];

export function SupervisionPage() {
  const { t } = useTranslation();
  const selectedCommunityId = useSelectedCommunityId();
  const [filters, setFilters] = useState<Filters>({});
  const communityId = filters.communityId ?? selectedCommunityId;
  const pagination = usePagination();
  const issues = useIssues({ ...filters, communityId, view: 'supervision', limit: pagination.limit, offset: pagination.offset });

  return (
    <>
      <PageHeader title={t('issues.nav.supervision')} />
      <PageCard>
        <Typography.Paragraph type="secondary">{t('issues.supervisionHint')}</Typography.Paragraph>
        <IssueFilters
          keys={FILTERS}
          value={{ ...filters, communityId }}
          onChange={(next) => {
            setFilters(next);
            pagination.reset();
          }}
        />
        <IssueList items={issues.data?.items} loading={issues.isFetching} pagination={pagination.table(issues.data?.total)} />
      </PageCard>
    </>
  );
}
