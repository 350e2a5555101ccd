/** Column definitions of the visit records table. */
import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { VisitRecord } from '../../api/visits';
import { formatDate } from '../../lib/format';

export function scoreColor(score: number): string {
  return score < 3 ? 'red' : score < 4 ? 'orange' : 'green';
}

export function recordColumns(t: TFunction): TableColumnsType<VisitRecord> {
  return [
    {
      title: t('visits.fields.visitDate'),
      dataIndex: 'visitDate',
      render: (d: string, record) => (
        <Space size={4}>
          {formatDate(d)}
          {record.backdated ? <Tag>{t('visits.records.backdated')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('visits.fields.household'),
      key: 'household',
      render: (_, record) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/visit-records/${record.id}`}>{record.householdLabel}</Link>
          {record.residentName ? <Typography.Text type="secondary">{record.residentName}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: t('visits.fields.visitor'), dataIndex: 'visitorName' },
    { title: t('visits.fields.reason'), dataIndex: 'reason', render: (r: VisitRecord['reason']) => t(`visits.reasons.${r}`) },
    { title: t('visits.fields.method'), dataIndex: 'method', render: (m: VisitRecord['method']) => t(`visits.methods.${m}`) },
    {
      title: t('visits.fields.outcome'),
      dataIndex: 'outcome',
      render: (o: VisitRecord['outcome']) => <Tag color={o === 'completed' ? 'green' : 'red'}>{t(`visits.outcomes.${o}`)}</Tag>,
    },
    {
      title: t('visits.fields.score'),
      dataIndex: 'averageScore',
      render: (s: number | null) => (s === null ? '—' : <Tag color={scoreColor(s)}>{s.toFixed(1)}</Tag>),
    },
    {
      title: t('visits.fields.items'),
      key: 'items',
      render: (_, record) => (
        <Space wrap size={[4, 4]}>
          {record.items.map((item) => (
            <Tag key={item.id} color={item.kind === 'complaint' ? 'red' : item.kind === 'praise' ? 'green' : 'default'}>
              {t(`visits.itemKinds.${item.kind}`)} · {item.category}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, record) => <Link to={`/visit-records/${record.id}`}>{t('common.view')}</Link>,
    },
  ];
}
