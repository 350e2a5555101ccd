/**
 * One visit record: who, when and how; the answers; items raised; attachments; the history of corrections; the
 * correction form when the server says the caller may correct it.
 */
import { EditOutlined, LeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { IssueStatus } from '../../api/issues';
import { useVisitRecord } from '../../api/visits';
import { useCan } from '../../auth/session';
import { AttachmentLinks } from '../../components/AttachmentLinks';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../lib/format';
import { StatusTag } from '../issues/IssueTags';
import { CorrectionModal } from './CorrectionModal';
import { RecordAnswers } from './RecordAnswers';
import { scoreColor } from './recordColumns';

export function VisitRecordPage() {
  const { t } = useTranslation();
  const can = useCan();
  const recordId = Number(useParams().recordId);
  const query = useVisitRecord(recordId);
  const [correcting, setCorrecting] = useState(false);
  const back = can('visits.manage') || can('visits.read') ? '/visit-records' : '/tasks';

  if (query.isLoading) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  const record = query.data;
  if (!record) return <Result status="404" subTitle={t('visits.records.notFound')} extra={<Link to={back}>{t('visits.records.back')}</Link>} />;
  const text = (value: string) => value || '—';

  return (
    <Flex vertical gap={12}>
      <Link to={back}>
        <LeftOutlined /> {t('visits.records.back')}
      </Link>
      <PageHeader
        title={`${record.householdLabel} · ${formatDate(record.visitDate)}`}
        extra={
          record.canCorrect ? (
            <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)}>
              {t('visits.records.correct')}
            </Button>
          ) : null
        }
      />
      <Card size="small" title={t('visits.records.detail')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'resident', label: t('visits.fields.resident'), children: record.residentName ?? '—' },
            { key: 'visitor', label: t('visits.fields.visitor'), children: record.visitorName },
            { key: 'reason', label: t('visits.fields.reason'), children: t(`visits.reasons.${record.reason}`) },
            { key: 'method', label: t('visits.fields.method'), children: t(`visits.methods.${record.method}`) },
            {
              key: 'outcome',
              label: t('visits.fields.outcome'),
              children: <Tag color={record.outcome === 'completed' ? 'green' : 'red'}>{t(`visits.outcomes.${record.outcome}`)}</Tag>,
            },
            {
              key: 'score',
              label: t('visits.fields.score'),
              children: record.averageScore === null ? '—' : <Tag color={scoreColor(record.averageScore)}>{record.averageScore.toFixed(1)}</Tag>,
            },
            { key: 'startedAt', label: t('visits.fields.startedAt'), children: formatDateTime(record.startedAt) },
            {
              key: 'endedAt',
              label: t('visits.fields.endedAt'),
              children: (
                <>
                  {formatDateTime(record.endedAt)} {record.backdated ? <Tag>{t('visits.records.backdated')}</Tag> : null}
                </>
              ),
            },
            { key: 'spokenTo', label: t('visits.fields.spokenTo'), children: text(record.spokenTo) },
            { key: 'opinions', label: t('visits.fields.opinions'), children: text(record.opinions), span: 'filled' },
            { key: 'suggestions', label: t('visits.fields.suggestions'), children: text(record.suggestions), span: 'filled' },
            { key: 'improvementMeasures', label: t('visits.fields.improvementMeasures'), children: text(record.improvementMeasures), span: 'filled' },
          ]}
        />
      </Card>
      <Card size="small" title={t('visits.records.answers')}>
        <RecordAnswers versionId={record.questionnaireVersionId} answers={record.answers} />
      </Card>
      <Card size="small" title={t('visits.fields.items')}>
        {record.items.length === 0 ? (
          <Typography.Text type="secondary">{t('visits.records.noItemsText')}</Typography.Text>
        ) : (
          <Flex vertical gap={8} data-testid="record-items">
            {record.items.map((item) => (
              <div key={item.id}>
                <Tag color={item.kind === 'complaint' ? 'red' : item.kind === 'praise' ? 'green' : 'blue'}>{t(`visits.itemKinds.${item.kind}`)}</Tag>
                <Typography.Text strong>{item.category}</Typography.Text>
                {item.issueStatus ? <StatusTag status={item.issueStatus as IssueStatus} /> : null}
                <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                  {item.issueId ? <Link to={`/issues/${item.issueId}`}>{item.description}</Link> : item.description}
                </Typography.Paragraph>
              </div>
            ))}
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('visits.fields.attachments')}>
        <AttachmentLinks attachments={record.attachments} />
      </Card>
      <Card size="small" title={t('visits.records.corrections')}>
        {record.corrections.length === 0 ? (
          <Typography.Text type="secondary">{t('visits.records.noCorrections')}</Typography.Text>
        ) : (
          <Flex vertical gap={8} data-testid="record-corrections">
            {record.corrections.map((c, i) => (
              <div key={i}>
                <Typography.Text strong>
                  {formatDateTime(c.at)} · {c.userName ?? '—'}
                </Typography.Text>
                <div>{c.reason}</div>
                <Typography.Text type="secondary">
                  {t('visits.records.correctedFields', { fields: c.fields.map((f) => t(`visits.fields.${f}`, { defaultValue: f })).join('、') })}
                </Typography.Text>
              </div>
            ))}
          </Flex>
        )}
      </Card>
      {record.canCorrect ? <CorrectionModal record={record} open={correcting} onClose={() => setCorrecting(false)} /> : null}
    </Flex>
  );
}
