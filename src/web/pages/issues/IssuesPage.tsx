/**
 * 问题跟踪: every issue in scope, filtered, as a table or a board by status; staff register issues here and
 * export what is filtered as a 问题台账.
 */
import { AppstoreOutlined, DownloadOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { issuesExportUrl, useIssues, type IssueFilters as Filters } from '../../api/issues';
import { useCan } from '../../auth/session';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { usePagination } from '../../lib/pagination';
import { IssueBoard } from './IssueBoard';
import { IssueFilters, type IssueFilterKey } from './IssueFilters';
import { IssueFormModal } from './IssueFormModal';
import { IssueList } from './IssueList';

const FILTERS: readonly IssueFilterKey[] = ['q', 'communityId', 'status', 'due', 'kind', 'categoryId', 'departmentId', 'assigneeId', 'escalated', 'open'];
/** The board's columns are statuses, so it has no status filter. */
const BOARD_FILTERS = FILTERS.filter((key) => key !== 'status' && key !== 'open');

export function IssuesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const selectedCommunityId = useSelectedCommunityId();
  const [mode, setMode] = useState<'table' | 'board'>('table');
  const [filters, setFilters] = useState<Filters>({ open: 'true' });
  const [createOpen, setCreateOpen] = useState(false);
  const communityId = filters.communityId ?? selectedCommunityId;
  const pagination = usePagination();
  const issues = useIssues({ ...filters, communityId, limit: pagination.limit, offset: pagination.offset }, mode === 'table');

  return (
    <>
      <PageHeader
        title={t('issues.nav.list')}
        extra={
          <Space wrap>
            <Segmented
              value={mode}
              onChange={(value) => setMode(value as typeof mode)}
              options={[
                { value: 'table', icon: <UnorderedListOutlined />, label: t('issues.modes.table') },
                { value: 'board', icon: <AppstoreOutlined />, label: t('issues.modes.board') },
              ]}
              data-testid="issue-mode"
            />
            {can('issues.export') ? (
              <Tooltip title={t('issues.exportHint')}>
                <Button icon={<DownloadOutlined />} href={issuesExportUrl({ ...filters, communityId })} data-testid="issue-export">
                  {t('issues.export')}
                </Button>
              </Tooltip>
            ) : null}
            {can('issues.create') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)} data-testid="issue-create">
                {t('issues.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <PageCard>
        <IssueFilters
          keys={mode === 'table' ? FILTERS : BOARD_FILTERS}
          value={{ ...filters, communityId }}
          onChange={(next) => {
            setFilters(next);
            pagination.reset();
          }}
        />
        {mode === 'table' ? (
          <IssueList items={issues.data?.items} loading={issues.isFetching} pagination={pagination.table(issues.data?.total)} />
        ) : (
          <IssueBoard filters={{ ...filters, communityId }} />
        )}
      </PageCard>
      <IssueFormModal
        open={createOpen}
        defaultCommunityId={communityId}
        onClose={() => setCreateOpen(false)}
        onCreated={(issue) => navigate(`/issues/${issue.id}`)}
      />
    </>
  );
}
