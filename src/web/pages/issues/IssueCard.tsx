/** One issue as a card that opens it: the list on a phone and the board's columns. */
import { ClockCircleOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { IssueSummary } from '../../api/issues';
import { Deadline, EscalationTag, KindTag, PriorityTag, StatusTag } from './IssueTags';

export function IssueCard({ issue, showStatus = true }: { issue: IssueSummary; showStatus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to={`/issues/${issue.id}`} data-testid="issue-card" aria-label={`${issue.categoryName} ${issue.description}`}>
      <Card hoverable size="small" styles={{ body: { padding: 12 } }}>
        <Flex justify="space-between" align="start" gap={4} wrap>
          <Flex gap={0} wrap>
            <KindTag kind={issue.kind} />
            <Typography.Text strong>{issue.categoryName}</Typography.Text>
          </Flex>
          <Flex gap={0} wrap>
            <PriorityTag priority={issue.priority} />
            <EscalationTag level={issue.escalationLevel} />
            {showStatus ? <StatusTag status={issue.status} /> : null}
          </Flex>
        </Flex>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>
          {issue.description}
        </Typography.Paragraph>
        <Flex vertical gap={2}>
          <Typography.Text type="secondary">
            <HomeOutlined /> {[issue.communityName, issue.householdLabel, issue.residentName].filter(Boolean).join(' · ')}
          </Typography.Text>
          <Typography.Text type="secondary">
            <TeamOutlined /> {[issue.departmentName, issue.assigneeName].filter(Boolean).join(' · ') || t('issues.unassigned')}
          </Typography.Text>
          {issue.replyDueAt && !issue.repliedAt ? (
            <span>
              <ClockCircleOutlined /> {t('issues.fields.replyDue')} <Deadline at={issue.replyDueAt} state={issue.replyState} provisional={issue.replyDueProvisional} />
            </span>
          ) : null}
          {issue.resolveDueAt ? (
            <span>
              <ClockCircleOutlined /> {t('issues.fields.resolveDue')} <Deadline at={issue.resolveDueAt} state={issue.resolveState} provisional={issue.resolveDueProvisional} />
            </span>
          ) : null}
        </Flex>
      </Card>
    </Link>
  );
}
