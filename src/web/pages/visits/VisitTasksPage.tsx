/**
 * 回访任务: the supervisor's table of visit tasks with filters, reassignment, cancellation and creation. The
 * server puts open tasks first (earliest due first) and closed ones after; closed rows are shown muted.
 */
import { PlusOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Button, Space, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskListQuery } from '../../../shared/schemas/visits';
import { useScopeCommunities } from '../../api/communities';
import { OPEN_TASK_STATUSES, useVisitTasks, useVisitors, type VisitTask } from '../../api/visits';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { BulkTasksModal } from './BulkTasksModal';
import { CancelTaskModal, ReassignModal } from './TaskActionModals';
import { TaskFilters } from './TaskFilters';
import { TaskFormModal } from './TaskFormModal';
import { taskColumns } from './taskColumns';

const LIST = listSpec({ schema: TaskListQuery, keys: ['communityId', 'assigneeId', 'view', 'status', 'reason', 'method'] });

export function VisitTasksPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const selectedCommunityId = useSelectedCommunityId();
  const list = useListParams(LIST);
  const communityId = list.filters.communityId ?? selectedCommunityId;
  const communities = useScopeCommunities();
  const { visitors } = useVisitors(communityId);
  const tasks = useVisitTasks({ ...list.filters, communityId, limit: list.limit, offset: list.offset, cursor: list.cursor });
  const [createOpen, setCreateOpen] = useState(false);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [reassigning, setReassigning] = useState<VisitTask | null>(null);
  const [cancelling, setCancelling] = useState<VisitTask | null>(null);

  const communityList = useMemo(() => communities.data?.items ?? [], [communities.data]);
  const communityById = useMemo(() => new Map(communityList.map((c) => [c.id, c.name])), [communityList]);
  const columns = taskColumns({ t, communityName: (id) => communityById.get(id) ?? `#${id}`, onReassign: setReassigning, onCancel: setCancelling });

  return (
    <ListPage
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
      hint={t('visits.tasks.listHint')}
      filters={
        <TaskFilters
          value={{ ...list.filters, communityId }}
          communities={communityList}
          visitors={visitors}
          onChange={(next) => list.setFilters(next.communityId !== communityId ? { ...next, assigneeId: undefined } : next)}
        />
      }
      query={tasks}
      pagination={list.pagination}
      columns={columns}
      table={{
        onRow: (task) => (OPEN_TASK_STATUSES.includes(task.status) ? {} : { style: { color: token.colorTextTertiary }, 'data-closed': 'true' }),
      }}
    >
      <TaskFormModal open={createOpen} communities={communityList} defaultCommunityId={communityId} onClose={() => setCreateOpen(false)} />
      <BulkTasksModal open={bulkOpen} communities={communityList} defaultCommunityId={communityId} onClose={() => setBulkOpen(false)} />
      <ReassignModal task={reassigning} onClose={() => setReassigning(null)} />
      <CancelTaskModal task={cancelling} onClose={() => setCancelling(null)} />
    </ListPage>
  );
}
