/** The board: one column per working status (新建 → 已解决), each with its count and newest issues. */
import { Badge, Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BOARD_STATUSES, useIssues, type IssueFilters, type IssueStatus } from '../../api/issues';
import { IssueCard } from './IssueCard';
import { ISSUE_STATUS_COLOR } from './issueDisplay';

const COLUMN_SIZE = 50;

function BoardColumn({ status, filters }: { status: IssueStatus; filters: IssueFilters }) {
  const { t } = useTranslation();
  const issues = useIssues({ ...filters, status, open: undefined, limit: COLUMN_SIZE, offset: 0 });
  const items = issues.data?.items ?? [];
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          <Badge color={ISSUE_STATUS_COLOR[status]} />
          {t(`issues.statuses.${status}`)}
          <Typography.Text type="secondary">{issues.data?.total ?? ''}</Typography.Text>
        </Flex>
      }
      loading={issues.isLoading}
      style={{ flex: '0 0 280px', background: 'rgba(0, 0, 0, 0.02)' }}
      styles={{ body: { padding: 8 } }}
      data-testid={`board-column-${status}`}
    >
      <Flex vertical gap={8}>
        {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('issues.empty')} /> : null}
        {items.map((issue) => (
          <IssueCard key={issue.id} issue={issue} showStatus={false} />
        ))}
        {issues.data && issues.data.total > items.length ? (
          <Typography.Text type="secondary">{t('issues.board.more', { count: issues.data.total - items.length })}</Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}

export function IssueBoard({ filters }: { filters: IssueFilters }) {
  return (
    <Flex gap={12} align="start" style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="issue-board">
      {BOARD_STATUSES.map((status) => (
        <BoardColumn key={status} status={status} filters={filters} />
      ))}
    </Flex>
  );
}
