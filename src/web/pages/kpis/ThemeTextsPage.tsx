/**
 * The texts behind a theme (/dashboard/themes/:term?period=…&communityId=…): the month's opinions, suggestions and
 * issue descriptions that have the word, newest first, the word marked, each opening its visit record or issue.
 * Their total is the theme's count on the dashboard. Phone numbers and residents' names come masked.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useKpiThemeTexts, type KpiThemeText } from '../../api/kpis';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';

const PAGE_SIZE = 20;

/** The text with each occurrence of the word marked (a synonym's other spellings are left as they are). */
function marked(text: string, term: string): ReactNode {
  if (!term) return text;
  const parts = text.split(term);
  return parts.flatMap((p, i) => (i === 0 ? [p] : [<mark key={i}>{term}</mark>, p]));
}

export function ThemeTextsPage() {
  const { t } = useTranslation();
  const { term = '' } = useParams();
  const [params] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const communityId = params.get('communityId') ? Number(params.get('communityId')) : undefined;
  const [page, setPage] = useState(1);
  const texts = useKpiThemeTexts({ term, period, communityId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const data = texts.data;
  const back = (
    <Link to={`/dashboard${period ? `?period=${encodeURIComponent(period)}` : ''}`}>
      <ArrowLeftOutlined /> {t('kpis.themes.back')}
    </Link>
  );
  const sourceOf = (r: KpiThemeText) => t(`kpis.themes.sources.${r.issueKind ?? r.source}`);
  const target = (r: KpiThemeText) => (r.issueId !== null ? `/issues/${r.issueId}` : `/visit-records/${r.recordId}`);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('kpis.themes.pageTitle', { term: data?.term ?? term })} extra={back} />
      {texts.isError ? <Alert type="error" showIcon title={t('kpis.loadFailed')} /> : null}
      <Card
        size="small"
        title={data ? `${data.period.from} – ${data.period.to}` : null}
        extra={data ? <Typography.Text type="secondary">{t('kpis.themes.total', { count: data.total })}</Typography.Text> : null}
      >
        <Table<KpiThemeText>
          size="small"
          rowKey={(r) => `${r.source}:${r.recordId ?? r.issueId}`}
          loading={texts.isLoading}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, size: 'small' }}
          columns={[
            { title: t('kpis.columns.date'), dataIndex: 'date', render: (v: string, r) => <Link to={target(r)}>{formatDate(v)}</Link> },
            { title: t('kpis.themes.source'), key: 'source', render: (_, r) => <Tag>{sourceOf(r)}</Tag> },
            { title: t('kpis.columns.community'), dataIndex: 'communityName', responsive: ['md'] },
            { title: t('kpis.themes.text'), dataIndex: 'text', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{marked(v, data?.term ?? term)}</span> },
          ]}
        />
      </Card>
    </Space>
  );
}
