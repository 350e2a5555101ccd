/** A page of issues: a table on wide screens, cards on phones (the department queue is worked from a phone). */
import { Empty, Flex, Grid, Pagination, Spin, Table } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssueSummary } from '../../api/issues';
import { IssueCard } from './IssueCard';
import { issueColumns } from './issueColumns';

interface Props {
  items: IssueSummary[] | undefined;
  loading: boolean;
  /** false when the list's cursor pager pages it (lists/ListPage.tsx) */
  pagination: TablePaginationConfig | false;
}

export function IssueList({ items, loading, pagination }: Props) {
  const { t } = useTranslation();
  const wide = !!Grid.useBreakpoint().md;

  if (wide) {
    return (
      <Table<IssueSummary>
        rowKey="id"
        columns={issueColumns(t)}
        dataSource={items}
        loading={loading}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="issue-table"
      />
    );
  }
  if (!items) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} data-testid="issue-cards">
      {items.length === 0 ? <Empty description={t('issues.empty')} /> : items.map((issue) => <IssueCard key={issue.id} issue={issue} />)}
      {pagination ? <Pagination {...pagination} simple showSizeChanger={false} showTotal={undefined} style={{ alignSelf: 'center', marginTop: 8 }} /> : null}
    </Flex>
  );
}
