/** One task in the visitor's list: a large card that opens the task page, readable on a 360 px phone. */
import { ClockCircleOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { VisitTask } from '../../api/visits';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { TASK_STATUS_COLOR, taskWhen } from './taskDisplay';

export function TaskCard({ task, overdue }: { task: VisitTask; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to={`/tasks/${task.id}`} data-testid="task-card" aria-label={task.householdLabel}>
      <Card hoverable styles={{ body: { padding: 16 } }}>
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {task.householdLabel}
          </Typography.Text>
          <Tag color={TASK_STATUS_COLOR[task.status]} style={{ marginInlineEnd: 0 }}>
            {t(`visits.statuses.${task.status}`)}
          </Tag>
        </Flex>
        <Flex vertical gap={4} style={{ marginTop: 8, fontSize: 15 }}>
          <Typography.Text>
            <UserOutlined /> {task.residentName ?? t('visits.myTasks.noResident')}
          </Typography.Text>
          <Typography.Text>
            <PhoneOutlined /> {t(`visits.reasons.${task.reason}`)} · {t(`visits.methods.${task.method}`)}
          </Typography.Text>
          <Typography.Text type={overdue ? 'danger' : undefined}>
            <ClockCircleOutlined /> {taskWhen(task, t)}
            {task.attemptCount > 0 ? ` · ${t('visits.myTasks.attempts', { count: task.attemptCount })}` : ''}
            {task.dueProvisional ? (
              <>
                {' '}
                <ProvisionalTag />
              </>
            ) : null}
          </Typography.Text>
          {task.note ? <Typography.Text type="secondary">{task.note}</Typography.Text> : null}
        </Flex>
      </Card>
    </Link>
  );
}
