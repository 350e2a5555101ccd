/** 部门待办: the open issues routed to my department, the handler's daily list (often on a phone). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIssues, type IssueFilters as Filters } from '../../api/issues';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { usePagination } from '../../lib/pagination';
import { IssueFilters, type IssueFilterKey } from './IssueFilters';
import { IssueList } from './IssueList';

const FILTERS: readonly IssueFilterKey[] = ['q', 'due', 'kind', 'categoryId', 'assigneeId'];

export function DepartmentQueuePage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const pagination = usePagination();
  const issues = useIssues({ ...filters, view: 'department', open: 'true', limit: pagination.limit, offset: pagination.offset });

  return (
    <>
      <PageHeader title={t('issues.nav.queue')} />
      <PageCard>
        <IssueFilters
          keys={FILTERS}
          value={filters}
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
