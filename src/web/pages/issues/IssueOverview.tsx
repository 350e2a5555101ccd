/**
 * The head of an issue page: kind, category, status and tags, the description, then the facts — deadlines
 * with their state, who raised it and where, who handles it, and how it ended (resolution, adoption, rating).
 */
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Issue } from '../../api/issues';
import { SatisfactionRate } from '../../components/SatisfactionRate';
import { formatDate, formatDateTime } from '../../lib/format';
import { Deadline, EscalationTag, KindTag, PriorityTag, StatusTag } from './IssueTags';

type Item = NonNullable<DescriptionsProps['items']>[number];

function useFacts(issue: Issue): Item[] {
  const { t } = useTranslation();
  const fact = (key: string, children: ReactNode, shown = true, span?: Item['span']): Item[] =>
    shown ? [{ key, label: t(`issues.fields.${key}`), children, span }] : [];
  const household = issue.householdId ? <Link to={`/households/${issue.householdId}`}>{issue.householdLabel}</Link> : null;
  return [
    ...fact('replyDue', <Deadline at={issue.replyDueAt} state={issue.replyState} provisional={issue.replyDueProvisional} />),
    ...fact('resolveDue', <Deadline at={issue.resolveDueAt} state={issue.resolveState} provisional={issue.resolveDueProvisional} />),
    ...fact('expectedResolveDate', formatDate(issue.expectedResolveDate), !!issue.expectedResolveDate),
    ...fact('community', issue.communityName),
    ...fact('household', household, !!household),
    ...fact('resident', issue.residentName, !!issue.residentName),
    ...fact(
      'source',
      issue.recordId ? <Link to={`/visit-records/${issue.recordId}`}>{t('issues.sourceRecord')}</Link> : t(`issues.channels.${issue.channel}`),
    ),
    ...fact('raisedAt', formatDateTime(issue.raisedAt)),
    ...fact('createdBy', issue.createdByName, !!issue.createdByName),
    ...fact('replyMode', t(`issues.replyModes.${issue.replyMode}`)),
    ...fact('department', issue.departmentName ?? t('issues.unassigned')),
    ...fact('assignee', issue.assigneeName ?? '—'),
    ...fact('reopenCount', issue.reopenCount, issue.reopenCount > 0),
    ...fact('adoption', issue.adoption ? t(`issues.adoptions.${issue.adoption}`) : null, !!issue.adoption),
    ...fact('adoptionPlan', issue.adoptionPlan, !!issue.adoptionPlan, 'filled'),
    ...fact('adoptionPlannedDate', formatDate(issue.adoptionPlannedDate), !!issue.adoptionPlannedDate),
    ...fact('adoptionReason', issue.adoptionReason, !!issue.adoptionReason, 'filled'),
    ...fact('praisedUser', issue.praisedUserName, !!issue.praisedUserName),
    ...fact('praisedDepartment', issue.praisedDepartmentName, !!issue.praisedDepartmentName),
    ...fact('resolvedBy', issue.resolvedByName, !!issue.resolvedByName),
    ...fact('resolution', issue.resolution, !!issue.resolution, 'filled'),
    ...fact(
      'closure',
      issue.closure ? (
        <Tag color={issue.closure === 'confirmed' || issue.closure === 'acknowledged' ? 'green' : 'orange'} data-testid="issue-closure">
          {t(`issues.closures.${issue.closure}`)}
          {issue.closure === 'unconfirmed' && issue.unconfirmedReason ? `（${t(`issues.unconfirmedReasons.${issue.unconfirmedReason}`)}）` : ''}
        </Tag>
      ) : null,
      !!issue.closure,
    ),
    ...fact('closeReason', issue.closeReason, !!issue.closeReason, 'filled'),
    ...fact('satisfaction', <SatisfactionRate value={issue.satisfaction} disabled />, issue.satisfaction !== null),
    ...fact('withdrawReason', issue.withdrawReason, !!issue.withdrawReason, 'filled'),
    ...fact(
      'confirmationTask',
      <Link to={`/tasks/${issue.confirmationTaskId}`}>{t('issues.viewConfirmationTask')}</Link>,
      issue.confirmationTaskId !== null,
    ),
  ];
}

export function IssueOverview({ issue }: { issue: Issue }) {
  const facts = useFacts(issue);
  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {issue.categoryName} <Typography.Text type="secondary">#{issue.id}</Typography.Text>
        </Typography.Title>
        <Flex gap={0} wrap>
          <KindTag kind={issue.kind} />
          <PriorityTag priority={issue.priority} />
          <EscalationTag level={issue.escalationLevel} />
          <StatusTag status={issue.status} />
        </Flex>
      </Flex>
      <Typography.Paragraph style={{ fontSize: 15, margin: '12px 0', whiteSpace: 'pre-wrap' }} data-testid="issue-description">
        {issue.description}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={facts} />
    </Card>
  );
}
