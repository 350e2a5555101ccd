/** Column definitions of the issue tables (the list, the department queue, supervision). */
import { Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { IssueSummary } from '../../api/issues';
import { Deadline, EscalationTag, KindTag, PriorityTag, StatusTag } from './IssueTags';

/** A name with a grey second line, or a dash. */
function TwoLines({ first, second }: { first: string | null; second: string | null }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{first ?? '—'}</span>
      {second ? <Typography.Text type="secondary">{second}</Typography.Text> : null}
    </Space>
  );
}

export function issueColumns(t: TFunction): TableColumnsType<IssueSummary> {
  return [
    {
      title: t('issues.fields.kind'),
      dataIndex: 'kind',
      fixed: 'left',
      render: (_, issue) => (
        <Space size={0}>
          <KindTag kind={issue.kind} />
          <PriorityTag priority={issue.priority} />
        </Space>
      ),
    },
    { title: t('issues.fields.category'), dataIndex: 'categoryName' },
    {
      title: t('issues.fields.description'),
      dataIndex: 'description',
      render: (description: string, issue) => (
        <Link to={`/issues/${issue.id}`} data-testid="issue-link">
          <Typography.Text ellipsis={{ tooltip: description }} style={{ maxWidth: 260, color: 'inherit' }}>
            {description}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('issues.fields.household'),
      key: 'household',
      render: (_, issue) => <TwoLines first={issue.householdLabel ?? issue.communityName} second={issue.householdLabel ? issue.communityName : issue.residentName} />,
    },
    {
      title: t('issues.fields.handler'),
      key: 'handler',
      render: (_, issue) => <TwoLines first={issue.departmentName} second={issue.assigneeName} />,
    },
    {
      title: t('issues.fields.status'),
      dataIndex: 'status',
      render: (_, issue) => (
        <Space size={0}>
          <StatusTag status={issue.status} />
          <EscalationTag level={issue.escalationLevel} />
        </Space>
      ),
    },
    { title: t('issues.fields.replyDue'), key: 'replyDue', render: (_, issue) => <Deadline at={issue.replyDueAt} state={issue.replyState} provisional={issue.replyDueProvisional} /> },
    { title: t('issues.fields.resolveDue'), key: 'resolveDue', render: (_, issue) => <Deadline at={issue.resolveDueAt} state={issue.resolveState} provisional={issue.resolveDueProvisional} /> },
    { title: t('common.actions'), key: 'actions', render: (_, issue) => <Link to={`/issues/${issue.id}`}>{t('common.view')}</Link> },
  ];
}
