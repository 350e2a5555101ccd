/**
 * 数据看板: the month's KPI cards against their targets (with the change from the month before and a year
 * earlier), satisfaction by dimension, each community's (or one community's buildings') headline figures,
 * and the whole catalogue as a table. Every figure opens the lists behind it. Follows the community chosen in
 * the header; the month is in the address, so a copied link opens the same view.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { KPIS_EXPORT_PATH, useKpis, useKpiTrend, type KpiFigure, type KpiKey } from '../../api/kpis';
import { ExportButton } from '../../components/ExportButton';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { AttentionCards } from './AttentionCards';
import { DimensionChart } from './DimensionChart';
import { DriversChart } from './DriversChart';
import { ThemesCard } from './ThemesCard';
import { TrendChart } from './TrendChart';
import { FigureCard, FormulaHint, StatusTag, detailPath, figureName, formatValue, sameFigure } from './kpiDisplay';

/** The cards at the top: the regulations' four targets, then satisfaction and complaints. */
const HEADLINE: readonly KpiKey[] = ['coverage', 'completion', 'resolution', 'adoption', 'satisfaction_rate', 'satisfaction_index', 'complaints_per_100', 'praise'];
const TEXT_TYPES = { met: 'success', near: 'warning', missed: 'danger' } as const;
/** The rates of the trend chart. */
const TREND: readonly KpiKey[] = ['coverage', 'completion', 'resolution', 'adoption', 'satisfaction_rate'];
/** The figures of the community and building table. */
const BY_GROUP: readonly KpiKey[] = ['coverage', 'completion', 'resolution', 'satisfaction_rate'];

export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const communityId = useSelectedCommunityId();
  const canReadAll = useCan()('kpis.read');
  const asked = params.get('period') ?? undefined;
  const kpis = useKpis({ period: asked, communityId, compare: 'true' });
  const groupBy = communityId === undefined ? 'community' : 'building';
  const groups = useKpis({ period: asked, communityId, groupBy, kpi: BY_GROUP.join(',') }, canReadAll);
  const data = kpis.data;
  const period = data?.period.label ?? asked ?? '';
  const month = data ? dayjs(data.period.from) : undefined;
  const trend = useKpiTrend({ kpi: TREND.join(','), months: 12, to: data?.period.to.slice(0, 7), communityId }, !!data && canReadAll);

  const headline = (data?.figures ?? []).filter((f) => HEADLINE.includes(f.key));
  const columns: ColumnsType<KpiFigure> = [
    {
      title: t('kpis.figure'),
      key: 'name',
      render: (_, f) => (
        <Space size={4}>
          <Link to={detailPath(f, period, communityId)}>{figureName(f)}</Link>
          <FormulaHint figure={f} />
        </Space>
      ),
    },
    { title: t('kpis.value'), key: 'value', render: (_, f) => <span title={f.reasonText ?? undefined}>{formatValue(t, f)}</span> },
    { title: t('kpis.numerator'), dataIndex: 'numerator', responsive: ['md'], render: (v: number | null) => v ?? '—' },
    { title: t('kpis.denominator'), dataIndex: 'denominator', responsive: ['md'], render: (v: number | null) => v ?? '—' },
    { title: 'n', dataIndex: 'n', responsive: ['lg'] },
    { title: t('kpis.columns.status'), key: 'status', render: (_, f) => <StatusTag status={f.status} /> },
    { title: t('kpis.previous'), key: 'previous', responsive: ['lg'], render: (_, f) => formatValue(t, sameFigure(data?.previous?.figures, f) ?? noValue(f)) },
    { title: t('kpis.yearAgo'), key: 'yearAgo', responsive: ['lg'], render: (_, f) => formatValue(t, sameFigure(data?.yearAgo?.figures, f) ?? noValue(f)) },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} className="kpi-dashboard">
      <PageHeader
        title={t('kpis.title')}
        extra={
          <Space wrap className="no-print">
            <DatePicker
              picker="month"
              allowClear={false}
              aria-label={t('kpis.period')}
              value={month}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(d) => d && setParams({ period: `month:${d.format('YYYY-MM')}` })}
            />
            {canReadAll ? (
              <ExportButton path={KPIS_EXPORT_PATH} query={{ period: data?.period.label, communityId, groupBy }} testId="kpi-export">
                {t('kpis.exportXlsx')}
              </ExportButton>
            ) : null}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('kpis.print')}
            </Button>
          </Space>
        }
      />
      {kpis.isError ? <Alert type="error" showIcon title={t('kpis.loadFailed')} /> : null}
      <Row gutter={[12, 12]}>
        {headline.map((f) => (
          <Col key={`${f.key}:${f.dimension ?? ''}`} xs={12} md={8} xl={6}>
            <FigureCard figure={f} previous={sameFigure(data?.previous?.figures, f)} yearAgo={sameFigure(data?.yearAgo?.figures, f)} to={detailPath(f, period, communityId)} />
          </Col>
        ))}
      </Row>
      {canReadAll ? (
        <Card title={t('kpis.trend')} size="small">
          <TrendChart trend={trend.data} loading={trend.isLoading} />
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('kpis.dimensions')} size="small">
            <DimensionChart figures={data?.figures ?? []} />
          </Card>
        </Col>
        {canReadAll ? (
          <Col xs={24} xl={14}>
            <Card title={groupBy === 'community' ? t('kpis.byCommunity') : t('kpis.byBuilding')} size="small">
              <Table
                size="small"
                rowKey="id"
                loading={groups.isLoading}
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={groups.data?.groups ?? []}
                columns={[
                  { title: t('kpis.name'), dataIndex: 'name', fixed: 'left' },
                  ...BY_GROUP.map((key) => ({
                    title: headline.find((f) => f.key === key)?.label ?? key,
                    key,
                    render: (_: unknown, g: { figures: KpiFigure[] }) => {
                      const f = g.figures.find((x) => x.key === key);
                      if (!f) return '—';
                      return (
                        <Typography.Text type={f.status ? TEXT_TYPES[f.status] : undefined} title={f.reasonText ?? undefined}>
                          {formatValue(t, f)}
                        </Typography.Text>
                      );
                    },
                  })),
                ]}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
      {canReadAll ? <DriversChart to={data?.period.to} communityId={communityId} /> : null}
      {canReadAll ? <AttentionCards period={data?.period.label} communityId={communityId} /> : null}
      {canReadAll ? <ThemesCard period={data?.period.label} communityId={communityId} /> : null}
      <Card title={t('kpis.allFigures')} size="small">
        <Table size="small" rowKey={(f) => `${f.key}:${f.dimension ?? ''}`} loading={kpis.isLoading} pagination={false} dataSource={data?.figures ?? []} columns={columns} />
      </Card>
    </Space>
  );
}

/** A figure with no value, for a comparison period that lacks it. */
const noValue = (f: KpiFigure): Pick<KpiFigure, 'unit' | 'value'> => ({ unit: f.unit, value: null });
