/**
 * 回访任务: the supervisor's table of visit tasks with filters, reassignment, cancellation and creation. The
 * server puts open tasks first (earliest due first) and closed ones after; closed rows are shown muted.
 */
import { PlusOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScopeCommunities } from '../../api/communities';
import { OPEN_TASK_STATUSES, useVisitTasks, useVisitors, type VisitTask } from '../../api/visits';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { usePagination } from '../../lib/pagination';
import { BulkTasksModal } from './BulkTasksModal';
import { CancelTaskModal, ReassignModal } from './TaskActionModals';
import { TaskFilters, type TaskFilterValues } from './TaskFilters';
import { TaskFormModal } from './TaskFormModal';
import { taskColumns } from './taskColumns';

export function VisitTasksPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const selectedCommunityId = useSelectedCommunityId();
  const [filters, setFilters] = useState<TaskFilterValues>({});
  const communityId = filters.communityId ?? selectedCommunityId;
  const pagination = usePagination();
  const communities = useScopeCommunities();
  const { visitors } = useVisitors(communityId);
  const tasks = useVisitTasks({ ...filters, communityId, limit: pagination.limit, offset: pagination.offset });
  const [createOpen, setCreateOpen] = useState(false);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [reassigning, setReassigning] = useState<VisitTask | null>(null);
  const [cancelling, setCancelling] = useState<VisitTask | null>(null);

  const communityList = useMemo(() => communities.data?.items ?? [], [communities.data]);
  const communityById = useMemo(() => new Map(communityList.map((c) => [c.id, c.name])), [communityList]);
  const columns = taskColumns({ t, communityName: (id) => communityById.get(id) ?? `#${id}`, onReassign: setReassigning, onCancel: setCancelling });

  return (
    <>
      <PageHeader
        title={t('visits.nav.tasks')}
        extra={
          <Space wrap>
            <Button icon={<UsergroupAddOutlined />} onClick={() => setBulkOpen(true)}>
              {t('visits.tasks.bulkCreate')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
              {t('visits.tasks.create')}
            </Button>
          </Space>
        }
      />
      <PageCard>
        <Typography.Paragraph type="secondary">{t('visits.tasks.listHint')}</Typography.Paragraph>
        <TaskFilters
          value={{ ...filters, communityId }}
          communities={communityList}
          visitors={visitors}
          onChange={(next) => {
            setFilters(next.communityId !== communityId ? { ...next, assigneeId: undefined } : next);
            pagination.reset();
          }}
        />
        <Table<VisitTask>
          rowKey="id"
          columns={columns}
          dataSource={tasks.data?.items}
          loading={tasks.isFetching}
          pagination={pagination.table(tasks.data?.total)}
          onRow={(task) => (OPEN_TASK_STATUSES.includes(task.status) ? {} : { style: { color: token.colorTextTertiary }, 'data-closed': 'true' })}
          scroll={{ x: 'max-content' }}
          size="middle"
        />
      </PageCard>
      <TaskFormModal open={createOpen} communities={communityList} defaultCommunityId={communityId} onClose={() => setCreateOpen(false)} />
      <BulkTasksModal open={bulkOpen} communities={communityList} defaultCommunityId={communityId} onClose={() => setBulkOpen(false)} />
      <ReassignModal task={reassigning} onClose={() => setReassigning(null)} />
      <CancelTaskModal task={cancelling} onClose={() => setCancelling(null)} />
    </>
  );
}
