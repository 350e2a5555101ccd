/** 督办: open issues that are overdue or escalated, most urgent deadline first (the server orders them by due time). */
import { useTranslation } from 'react-i18next';
import { IssueListQuery } from '../../../shared/schemas/issues';
import { useIssues } from '../../api/issues';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { IssueFilters } from './IssueFilters';
import { IssueList } from './IssueList';

const LIST = listSpec({ schema: IssueListQuery, keys: ['q', 'communityId', 'departmentId', 'kind', 'categoryId', 'escalated'] });

export function SupervisionPage() {
  const { t } = useTranslation();
  const selectedCommunityId = useSelectedCommunityId();
  const list = useListParams(LIST);
  const filters = { ...list.filters, communityId: list.filters.communityId ?? selectedCommunityId };
  const issues = useIssues({ ...filters, view: 'supervision', limit: list.limit, offset: list.offset, cursor: list.cursor });

  return (
    <ListPage
      title={t('issues.nav.supervision')}
      hint={t('issues.supervisionHint')}
      filters={<IssueFilters keys={LIST.keys} value={filters} onChange={list.setFilters} />}
      query={issues}
      pagination={list.pagination}
      render={(view) => <IssueList {...view} />}
    />
  );
}
