/** 部门待办: the open issues routed to my department, the handler's daily list (often on a phone). */
import { useTranslation } from 'react-i18next';
import { IssueListQuery } from '../../../shared/schemas/issues';
import { useIssues } from '../../api/issues';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { IssueFilters } from './IssueFilters';
import { IssueList } from './IssueList';

const LIST = listSpec({ schema: IssueListQuery, keys: ['q', 'due', 'kind', 'categoryId', 'assigneeId'] });

export function DepartmentQueuePage() {
  const { t } = useTranslation();
  const list = useListParams(LIST);
  const issues = useIssues({ ...list.filters, view: 'department', open: 'true', limit: list.limit, offset: list.offset, cursor: list.cursor });

  return (
    <ListPage
      title={t('issues.nav.queue')}
      filters={<IssueFilters keys={LIST.keys} value={list.filters} onChange={list.setFilters} />}
      query={issues}
      pagination={list.pagination}
      render={(view) => <IssueList {...view} />}
    />
  );
}
