/**
 * One figure and the lists behind it (/dashboard/:kpi?period=…&communityId=…): the value against its target,
 * how it is computed, and for its numerator, denominator or sample the rows of the list whose total is that
 * count, each opening the record, issue, task or household, so that anyone can check the figure by hand.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { KpiKey } from '../../../shared/schemas/kpis';
import { useDrillDownList, useKpis, type KpiFigure } from '../../api/kpis';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDeadline } from '../../lib/format';
import { StatusTag, figureName, formatValue } from './kpiDisplay';

type Row = Record<string, unknown>;
const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** The columns of each list a figure drills into, by the list's address. */
function columnsOf(t: TFunction, href: string): ColumnsType<Row> {
  const path = href.split('?')[0];
  if (path.endsWith('/issues'))
    return [
      { title: t('kpis.columns.category'), dataIndex: 'categoryName' },
      { title: t('kpis.columns.description'), dataIndex: 'description', ellipsis: true, render: (v, r) => <Link to={`/issues/${String(r.id)}`}>{text(v)}</Link> },
      { title: t('kpis.columns.community'), dataIndex: 'communityName', responsive: ['md'] },
      { title: t('kpis.columns.household'), dataIndex: 'householdLabel', responsive: ['md'], render: text },
      { title: t('kpis.columns.due'), dataIndex: 'resolveDueAt', responsive: ['lg'], render: (v: string | null) => formatDeadline(v) },
    ];
  if (path.endsWith('/visit-records'))
    return [
      { title: t('kpis.columns.date'), dataIndex: 'visitDate', render: (v, r) => <Link to={`/visit-records/${String(r.id)}`}>{formatDate(v as string)}</Link> },
      { title: t('kpis.columns.household'), dataIndex: 'householdLabel' },
      { title: t('kpis.columns.visitor'), dataIndex: 'visitorName', responsive: ['md'] },
      { title: t('kpis.columns.score'), dataIndex: 'averageScore', render: (v: number | null) => (v === null ? '—' : v.toFixed(1)) },
    ];
  if (path.endsWith('/visit-tasks'))
    return [
      { title: t('kpis.columns.household'), dataIndex: 'householdLabel' },
      { title: t('kpis.columns.due'), dataIndex: 'dueDate', render: (v: string) => formatDate(v) },
      { title: t('kpis.columns.assignee'), dataIndex: 'assigneeName', responsive: ['md'], render: text },
      { title: t('kpis.columns.status'), dataIndex: 'status', render: (v: string) => t(`visits.statuses.${v}`, { defaultValue: v }) },
    ];
  return [{ title: t('kpis.columns.label'), dataIndex: 'label', render: (v, r) => <Link to={`/households/${String(r.id)}`}>{text(v)}</Link> }];
}

function DrillDownTable({ role, href }: KpiFigure['drillDown'][number]) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useDrillDownList(href, (page - 1) * pageSize, pageSize);
  return (
    <Card size="small" title={t(`kpis.detail.${role}`)} extra={list.data ? <Typography.Text type="secondary">{t('kpis.detail.rows', { count: list.data.total })}</Typography.Text> : null}>
      <Table<Row>
        size="small"
        rowKey={(r) => String(r.id)}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columnsOf(t, href)}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, size: 'small' }}
      />
    </Card>
  );
}

export function KpiDetailPage() {
  const { t } = useTranslation();
  const { kpi } = useParams();
  const [params] = useSearchParams();
  const key = KpiKey.safeParse(kpi);
  const period = params.get('period') ?? undefined;
  const communityId = params.get('communityId') ? Number(params.get('communityId')) : undefined;
  const dimension = params.get('dimension');
  const kpis = useKpis({ period, communityId, kpi: key.success ? key.data : undefined }, key.success);
  const figure = kpis.data?.figures.find((f) => f.key === kpi && (dimension === null || f.dimension === dimension));
  const back = (
    <Link to={`/dashboard${period ? `?period=${encodeURIComponent(period)}` : ''}`}>
      <ArrowLeftOutlined /> {t('kpis.detail.back')}
    </Link>
  );
  if (!key.success) return <Alert type="warning" showIcon title={t('kpis.detail.unknown')} action={back} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={figure ? figureName(figure) : t('kpis.title')} extra={back} />
      {kpis.isError ? <Alert type="error" showIcon title={t('kpis.loadFailed')} /> : null}
      {figure ? (
        <>
          <Card size="small">
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label={t('kpis.value')}>
                <Space>
                  <Typography.Text strong style={{ fontSize: 18 }}>
                    {formatValue(t, figure)}
                  </Typography.Text>
                  <StatusTag status={figure.status} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('kpis.period')}>{kpis.data ? `${kpis.data.period.from} – ${kpis.data.period.to}` : ''}</Descriptions.Item>
              <Descriptions.Item label={t('kpis.targetLabel')}>
                {figure.target !== null ? formatValue(t, { unit: figure.unit, value: figure.target }) : t('kpis.noTarget')}
              </Descriptions.Item>
              <Descriptions.Item label={t('kpis.numerator')}>{figure.numerator ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('kpis.denominator')}>{figure.denominator ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="n">{figure.n}</Descriptions.Item>
            </Descriptions>
            {figure.reasonText && figure.value === null ? <Alert type="info" showIcon title={figure.reasonText} style={{ marginTop: 8 }} /> : null}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('kpis.howComputed')}：{figure.formula}
            </Typography.Paragraph>
          </Card>
          {figure.drillDown.length ? figure.drillDown.map((d) => <DrillDownTable key={d.role} {...d} />) : <Alert type="info" showIcon title={t('kpis.detail.noLists')} />}
        </>
      ) : null}
    </Space>
  );
}
