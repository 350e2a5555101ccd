/**
 * 问题跟踪: every issue in scope, filtered, as a table or a board by status; staff register issues here and
 * export what is filtered as a 问题台账. The filters are in the address, so a filtered list can be linked.
 */
import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { IssueListQuery } from '../../../shared/schemas/issues';
import { ISSUES_EXPORT_PATH, useIssues } from '../../api/issues';
import { ExportButton } from '../../components/ExportButton';
import { useCan } from '../../auth/session';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { IssueBoard } from './IssueBoard';
import { IssueFilters } from './IssueFilters';
import { IssueFormModal } from './IssueFormModal';
import { IssueList } from './IssueList';

const LIST = listSpec({
  schema: IssueListQuery,
  keys: ['q', 'communityId', 'status', 'due', 'kind', 'categoryId', 'departmentId', 'assigneeId', 'escalated', 'open'],
  defaults: { open: 'true' },
});
/** The board's columns are statuses, so it has no status filter. */
const BOARD_FILTERS = LIST.keys.filter((key) => key !== 'status' && key !== 'open');

export function IssuesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const selectedCommunityId = useSelectedCommunityId();
  const [mode, setMode] = useState<'table' | 'board'>('table');
  const list = useListParams(LIST);
  const [createOpen, setCreateOpen] = useState(false);
  const filters = { ...list.filters, communityId: list.filters.communityId ?? selectedCommunityId };
  const issues = useIssues({ ...filters, limit: list.limit, offset: list.offset, cursor: list.cursor }, mode === 'table');

  return (
    <ListPage
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
              <ExportButton path={ISSUES_EXPORT_PATH} query={{ ...filters }} testId="issue-export">
                {t('issues.export')}
              </ExportButton>
            </Tooltip>
          ) : null}
          {can('issues.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)} data-testid="issue-create">
              {t('issues.create')}
            </Button>
          ) : null}
        </Space>
      }
      filters={<IssueFilters keys={mode === 'table' ? LIST.keys : BOARD_FILTERS} value={filters} onChange={list.setFilters} />}
      query={issues}
      pagination={list.pagination}
      render={(view) => (mode === 'table' ? <IssueList {...view} /> : <IssueBoard filters={filters} />)}
    >
      <IssueFormModal
        open={createOpen}
        defaultCommunityId={filters.communityId}
        onClose={() => setCreateOpen(false)}
        onCreated={(issue) => navigate(`/issues/${issue.id}`)}
      />
    </ListPage>
  );
}
