/** Column definitions of the supervisor's task table; the row actions are those the server allows (allowedActions). */
import { Button, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { VisitTask } from '../../api/visits';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { formatDate, formatDateTime } from '../../lib/format';
import { TASK_STATUS_COLOR } from './taskDisplay';

export interface TaskColumnContext {
  t: TFunction;
  communityName: (id: number) => string;
  onReassign: (task: VisitTask) => void;
  onCancel: (task: VisitTask) => void;
}

export function taskColumns({ t, communityName, onReassign, onCancel }: TaskColumnContext): TableColumnsType<VisitTask> {
  return [
    {
      title: t('visits.fields.household'),
      key: 'household',
      fixed: 'left',
      render: (_, task) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{task.householdLabel}</Typography.Text>
          <Typography.Text type="secondary">{communityName(task.communityId)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('visits.fields.resident'), dataIndex: 'residentName', render: (name: string | null) => name ?? '—' },
    { title: t('visits.fields.reason'), dataIndex: 'reason', render: (reason: VisitTask['reason']) => t(`visits.reasons.${reason}`) },
    { title: t('visits.fields.method'), dataIndex: 'method', render: (method: VisitTask['method']) => t(`visits.methods.${method}`) },
    {
      title: t('visits.fields.assignee'),
      dataIndex: 'assigneeName',
      render: (name: string | null) => name ?? <Typography.Text type="warning">{t('visits.tasks.unassigned')}</Typography.Text>,
    },
    {
      title: t('visits.fields.dueDate'),
      dataIndex: 'dueDate',
      render: (d: string, task) => (
        <Space size={4} wrap>
          <Typography.Text type={task.overdue ? 'danger' : undefined}>{formatDate(d)}</Typography.Text>
          {task.overdue ? <Tag color="error">{t('visits.views.overdue')}</Tag> : null}
          {task.dueProvisional ? <ProvisionalTag /> : null}
        </Space>
      ),
    },
    { title: t('visits.fields.appointmentAt'), dataIndex: 'appointmentAt', render: (d: string | null) => formatDateTime(d) },
    {
      title: t('visits.fields.status'),
      dataIndex: 'status',
      render: (status: VisitTask['status'], task) =>
        task.recordId ? (
          <Link to={`/visit-records/${task.recordId}`}>
            <Tag color={TASK_STATUS_COLOR[status]}>{t(`visits.statuses.${status}`)}</Tag>
          </Link>
        ) : (
          <Tag color={TASK_STATUS_COLOR[status]}>{t(`visits.statuses.${status}`)}</Tag>
        ),
    },
    { title: t('visits.fields.attempts'), dataIndex: 'attemptCount' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, task) =>
        task.allowedActions.includes('reassign') || task.allowedActions.includes('cancel') ? (
          <Space size={0} wrap>
            {task.allowedActions.includes('reassign') ? (
              <Button type="link" size="small" onClick={() => onReassign(task)}>
                {t('visits.tasks.reassign')}
              </Button>
            ) : null}
            {task.allowedActions.includes('cancel') ? (
              <Button type="link" size="small" danger onClick={() => onCancel(task)}>
                {t('visits.tasks.cancel')}
              </Button>
            ) : null}
          </Space>
        ) : null,
    },
  ];
}
