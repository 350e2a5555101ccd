/** One issue: its facts, the actions the caller may take, attachments, replies to the resident and the timeline. */
import { LeftOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useIssue } from '../../api/issues';
import { AttachmentLinks } from '../../components/AttachmentLinks';
import { IssueActions } from './IssueActions';
import { IssueOverview } from './IssueOverview';
import { IssueReplies } from './IssueReplies';
import { IssueTimeline } from './IssueTimeline';

export function IssuePage() {
  const { t } = useTranslation();
  const issueId = Number(useParams().issueId);
  const query = useIssue(issueId);

  if (query.isLoading) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  const issue = query.data;
  if (!issue) return <Result status="404" subTitle={t('issues.notFound')} extra={<Link to="/issues">{t('issues.back')}</Link>} />;

  return (
    <Flex vertical gap={12} style={{ maxWidth: 1080 }}>
      <Link to="/issues">
        <LeftOutlined /> {t('issues.back')}
      </Link>
      <IssueOverview issue={issue} />
      {issue.status === 'resolved' && issue.unconfirmedReason ? (
        <Alert
          type="warning"
          showIcon
          title={t('issues.unconfirmed.title', { reason: t(`issues.unconfirmedReasons.${issue.unconfirmedReason}`) })}
          description={issue.allowedEvents.includes('close') ? t('issues.unconfirmed.decide') : t('issues.unconfirmed.waiting')}
          data-testid="issue-unconfirmed"
        />
      ) : null}
      <IssueActions issue={issue} />
      <Card size="small" title={t('issues.fields.attachments')}>
        <AttachmentLinks attachments={issue.attachments} />
      </Card>
      <IssueReplies replies={issue.replies} />
      <IssueTimeline timeline={issue.timeline} />
    </Flex>
  );
}
