/**
 * A visitor's task: what to know before the call (residents, last visits, open items, community complaints)
 * and the actions the server allows the caller — start the visit form, log a failed attempt, make an appointment.
 */
import { CalendarOutlined, CloseCircleOutlined, EditOutlined, FileTextOutlined, LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAttempts, useBriefing, type TaskAction } from '../../api/visits';
import type { IssueStatus } from '../../api/issues';
import { formatDate, formatDateTime } from '../../lib/format';
import { KindTag, StatusTag } from '../issues/IssueTags';
import { AppointmentModal } from './AppointmentModal';
import { AttemptModal } from './AttemptModal';
import { BriefingResidents } from './BriefingResidents';
import { TASK_STATUS_COLOR, taskWhen } from './taskDisplay';
import { ProvisionalTag } from '../../components/ProvisionalTag';

/** A plain list of rows divided by lines. */
function Rows({ children }: { children: ReactNode[] }) {
  return (
    <Flex vertical>
      {children.map((child, i) => (
        <div key={i} style={{ padding: '8px 0', borderTop: i ? '1px solid rgba(5, 5, 5, 0.06)' : undefined }}>
          {child}
        </div>
      ))}
    </Flex>
  );
}

const BIG = { size: 'large', block: true, style: { height: 52, fontSize: 17 } } as const;

export function TaskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const taskId = Number(useParams().taskId);
  const briefing = useBriefing(taskId);
  const attempts = useAttempts(taskId);
  const [attemptOpen, setAttemptOpen] = useState(false);
  const [appointOpen, setAppointOpen] = useState(false);

  if (briefing.isLoading) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (!briefing.data) {
    return <Result status="404" subTitle={t('visits.task.notFound')} extra={<Link to="/tasks">{t('visits.task.back')}</Link>} />;
  }
  const { task, household, residents, lastVisits, openItems, communityComplaints } = briefing.data;
  const allowed = (action: TaskAction) => task.allowedActions.includes(action);
  const works = allowed('record') || allowed('attempt') || allowed('appoint');

  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Link to="/tasks">
        <LeftOutlined /> {t('visits.task.back')}
      </Link>
      <Card styles={{ body: { padding: 16 } }}>
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {household.label}
          </Typography.Title>
          <Tag color={TASK_STATUS_COLOR[task.status]} data-testid="task-status">
            {t(`visits.statuses.${task.status}`)}
          </Tag>
        </Flex>
        <Flex vertical gap={4} style={{ marginTop: 8, fontSize: 15 }}>
          <Typography.Text>
            {t(`visits.reasons.${task.reason}`)} · {t(`visits.methods.${task.method}`)}
          </Typography.Text>
          <Typography.Text>
            {taskWhen(task, t)} {task.dueProvisional ? <ProvisionalTag /> : null}
          </Typography.Text>
          {task.issueId ? (
            <Link to={`/issues/${task.issueId}`} data-testid="task-issue-link">
              {t('visits.confirmation.viewIssue')}
            </Link>
          ) : null}
          {task.attemptCount > 0 ? <Typography.Text>{t('visits.myTasks.attempts', { count: task.attemptCount })}</Typography.Text> : null}
          {task.note ? (
            <Typography.Text type="secondary">
              <FileTextOutlined aria-label={t('visits.task.note')} /> {task.note}
            </Typography.Text>
          ) : null}
          {household.tags.length > 0 ? (
            <Flex wrap gap={4}>
              {household.tags.map((tag) => (
                <Tag key={tag} color="gold">
                  {tag}
                </Tag>
              ))}
            </Flex>
          ) : null}
        </Flex>
      </Card>

      {works ? (
        <Flex vertical gap={8}>
          {allowed('record') ? (
            <Button type="primary" icon={<EditOutlined />} {...BIG} onClick={() => navigate(`/tasks/${task.id}/record`)}>
              {t('visits.task.start')}
            </Button>
          ) : null}
          {allowed('attempt') ? (
            <Button icon={<CloseCircleOutlined />} {...BIG} onClick={() => setAttemptOpen(true)}>
              {t('visits.task.logAttempt')}
            </Button>
          ) : null}
          {allowed('appoint') ? (
            <Button icon={<CalendarOutlined />} {...BIG} onClick={() => setAppointOpen(true)}>
              {t('visits.task.appoint')}
            </Button>
          ) : null}
        </Flex>
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('visits.task.closed', { status: t(`visits.statuses.${task.status}`) })}
          action={task.recordId ? <Link to={`/visit-records/${task.recordId}`}>{t('visits.task.viewRecord')}</Link> : undefined}
        />
      )}

      <BriefingResidents residents={residents} />

      <Card title={t('visits.task.lastVisits')} size="small">
        {lastVisits.length === 0 ? (
          <Typography.Text type="secondary">{t('visits.task.noLastVisits')}</Typography.Text>
        ) : (
          <Rows>
            {lastVisits.map((v) => (
              <Flex key={v.id} justify="space-between" gap={8}>
                <span>
                  {formatDate(v.visitDate)} · {t(`visits.methods.${v.method}`)} · {t(`visits.outcomes.${v.outcome}`)} · {v.visitorName}
                </span>
                {v.averageScore !== null ? <Tag color={v.averageScore < 3 ? 'red' : 'green'}>{v.averageScore.toFixed(1)}</Tag> : null}
              </Flex>
            ))}
          </Rows>
        )}
      </Card>

      <Card title={t('visits.task.openItems')} size="small">
        {openItems.length === 0 ? (
          <Typography.Text type="secondary">{t('visits.task.noOpenItems')}</Typography.Text>
        ) : (
          <Rows>
            {openItems.map((item) => (
              <Flex key={item.id} vertical>
                <span>
                  <KindTag kind={item.kind} />
                  <StatusTag status={item.status as IssueStatus} />
                  {item.category} · {formatDate(item.raisedOn)}
                </span>
                <Link to={`/issues/${item.id}`}>{item.description}</Link>
              </Flex>
            ))}
          </Rows>
        )}
      </Card>

      <Card title={t('visits.task.complaints')} size="small">
        {communityComplaints.length === 0 ? (
          <Typography.Text type="secondary">{t('visits.task.noComplaints')}</Typography.Text>
        ) : (
          <Descriptions
            size="small"
            column={1}
            items={communityComplaints.map((c) => ({ key: c.category, label: c.category, children: t('visits.task.complaintCount', { count: c.count }) }))}
          />
        )}
      </Card>

      {attempts.data && attempts.data.items.length > 0 ? (
        <Card title={t('visits.task.attemptHistory')} size="small">
          <Rows>
            {attempts.data.items.map((a) => (
              <span key={a.id} data-testid="attempt">
                {formatDateTime(a.at)} · {t(`visits.attemptResults.${a.result}`)}
                {a.userName ? ` · ${a.userName}` : ''}
                {a.note ? ` · ${a.note}` : ''}
              </span>
            ))}
          </Rows>
        </Card>
      ) : null}

      <AttemptModal taskId={task.id} open={attemptOpen} onClose={() => setAttemptOpen(false)} />
      <AppointmentModal task={task} open={appointOpen} onClose={() => setAppointOpen(false)} />
    </Flex>
  );
}
