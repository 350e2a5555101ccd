/** The history of the issue: who did what and when, with their comment; deadline sweeps show as 系统. */
import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Issue } from '../../api/issues';
import { formatDate, formatDateTime, formatDeadline } from '../../lib/format';
import { EscalationTag } from './IssueTags';
import { ProvisionalTag } from '../../components/ProvisionalTag';

type Entry = Issue['timeline'][number];

const TYPE_COLOR: Record<string, string> = { escalated: 'red', reply_overdue: 'red', reminded: 'gray', reply: 'green', created: 'blue' };

function what(t: TFunction, entry: Entry): string {
  if (entry.type === 'transition' && entry.event) return t(`issues.timeline.events.${entry.event}`, { defaultValue: entry.event });
  return t(`issues.timeline.types.${entry.type}`, { defaultValue: entry.type });
}

interface Moved {
  from: string | null;
  to: string;
}

/** 解决期限 2027-02-11 24:00 → 2027-02-14 24:00, for each deadline a calendar change recomputed, and the follow-up visit's due date it recounted. */
function Recomputed({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const cause = entry.data.cause as { kind: 'notice' | 'override'; year?: number; date?: string; removed?: boolean } | undefined;
  const moves = (['reply', 'resolve'] as const).flatMap((k) => {
    const m = entry.data[k] as Moved | undefined;
    return m ? [{ k, m }] : [];
  });
  const followUps = (entry.data.followUps as { taskId: number; reason: string; from: string; to: string; provisional: boolean }[] | undefined) ?? [];
  return (
    <Flex vertical gap={0}>
      {cause ? (
        <Typography.Text type="secondary">
          {cause.kind === 'notice'
            ? t(cause.removed ? 'issues.timeline.recomputed.noticeRemoved' : 'issues.timeline.recomputed.notice', { year: cause.year })
            : t(cause.removed ? 'issues.timeline.recomputed.overrideRemoved' : 'issues.timeline.recomputed.override', { date: cause.date })}
        </Typography.Text>
      ) : null}
      {moves.map(({ k, m }) => (
        <Typography.Text key={k}>
          {t(k === 'reply' ? 'issues.fields.replyDue' : 'issues.fields.resolveDue')}：{m.from ? formatDeadline(m.from) : '—'} → {formatDeadline(m.to)}
        </Typography.Text>
      ))}
      {followUps.map((f) => (
        <Typography.Text key={f.taskId} data-testid="recomputed-follow-up">
          {t(`visits.reasons.${f.reason}`)} {t('visits.fields.dueDate')}：<span style={{ whiteSpace: 'nowrap' }}>{formatDate(f.from)}</span> →{' '}
          <span style={{ whiteSpace: 'nowrap' }}>{formatDate(f.to)}</span>
          {f.provisional ? <> <ProvisionalTag /></> : null}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function EntryContent({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const { level, date, recordId, noRecipient } = entry.data;
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
      <Flex wrap gap={4} align="center">
        <Typography.Text strong>{entry.actorName ?? t('issues.system')}</Typography.Text>
        <span>{what(t, entry)}</span>
        {entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus ? (
          <Typography.Text type="secondary">
            {t(`issues.statuses.${entry.fromStatus}`)} → {t(`issues.statuses.${entry.toStatus}`)}
          </Typography.Text>
        ) : null}
        {typeof level === 'number' ? <EscalationTag level={level} /> : null}
        {Array.isArray(noRecipient) && noRecipient.length ? <Typography.Text type="warning">{t('issues.escalatedNoRecipient', { levels: noRecipient.join('、') })}</Typography.Text> : null}
        {typeof date === 'string' ? <Tag>{formatDate(date)}</Tag> : null}
        {typeof recordId === 'number' ? <Link to={`/visit-records/${recordId}`}>{t('issues.sourceRecord')}</Link> : null}
      </Flex>
      {entry.type === 'deadlines_recomputed' ? <Recomputed entry={entry} /> : null}
      {entry.comment ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.comment}</Typography.Text> : null}
    </Flex>
  );
}

export function IssueTimeline({ timeline }: { timeline: Issue['timeline'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('issues.timeline.title')}>
      <Timeline
        data-testid="issue-timeline"
        items={timeline.map((entry) => ({
          key: entry.id,
          color: entry.actorName === null ? 'gray' : (TYPE_COLOR[entry.type] ?? 'blue'),
          content: <EntryContent entry={entry} />,
        }))}
      />
    </Card>
  );
}
