/** What the resident was told, each reply marked on time (按时) or late (超时). */
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../api/issues';
import { formatDateTime } from '../../lib/format';

export function IssueReplies({ replies }: { replies: Issue['replies'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('issues.reply.title')}>
      {replies.length === 0 ? (
        <Typography.Text type="secondary">{t('issues.reply.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={12} data-testid="issue-replies">
          {replies.map((r) => (
            <div key={r.id} data-testid="issue-reply">
              <Flex wrap gap={4} align="center">
                <Tag>{t(`issues.replyModes.${r.mode}`)}</Tag>
                <Tag color={r.onTime ? 'green' : 'red'}>{t(r.onTime ? 'issues.reply.onTime' : 'issues.reply.late')}</Tag>
                <Typography.Text type="secondary">
                  {formatDateTime(r.repliedAt)} · {r.repliedByName ?? t('issues.system')}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{r.content}</Typography.Paragraph>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
