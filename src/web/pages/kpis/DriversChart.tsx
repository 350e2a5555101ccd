/**
 * Key drivers (关键驱动因素) of the 12 months ending with the dashboard's month: each service dimension's
 * importance for overall satisfaction (across) against its score (up), the quadrant lines at the means and the
 * quadrant to improve first shaded; below, the dimensions with their quadrant (优先改进 in red), n and those
 * with too few answers. From GET /kpis/drivers (docs/kpis.md, "Key drivers").
 */
import { ScatterChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../shared/schemas/kpis';
import { useKpiDrivers, type DriverQuadrant, type KpiDriver } from '../../api/kpis';

echarts.use([ScatterChart, GridComponent, TooltipComponent, MarkLineComponent, MarkAreaComponent, CanvasRenderer]);

const QUADRANT_COLORS: Record<DriverQuadrant, string> = { improve: 'error', keep: 'success', maintain: 'processing', secondary: 'default' };
const POINT_COLORS: Record<DriverQuadrant, string> = { improve: '#ff4d4f', keep: '#52c41a', maintain: '#1677ff', secondary: '#8c8c8c' };

/** `to` is the last day of the dashboard's month (YYYY-MM-DD): the analysis covers the 12 months ending with it. */
export function DriversChart({ to, communityId }: { to: string | undefined; communityId: number | undefined }) {
  const { t } = useTranslation();
  const period = to ? `custom:${addMonths(`${to.slice(0, 7)}-01`, -11)}..${to}` : undefined;
  const drivers = useKpiDrivers({ period, communityId }, period !== undefined);
  const data = drivers.data;
  const plotted = (data?.dimensions ?? []).filter((d): d is KpiDriver & { importance: number; performance: number; quadrant: DriverQuadrant } => d.importance !== null && d.performance !== null && d.quadrant !== null);
  // The axes fit the points (with a margin), so that dimensions close together stay apart on a phone.
  const importances = plotted.map((d) => d.importance);
  const performances = plotted.map((d) => d.performance);
  const xMin = Math.max(-1, Math.floor((Math.min(...importances) - 0.05) * 10) / 10);
  const xMax = Math.min(1, Math.ceil((Math.max(...importances) + 0.05) * 10) / 10);
  const yMin = Math.max(0, Math.floor((Math.min(...performances) - 5) / 5) * 5);
  const yMax = Math.min(100, Math.ceil((Math.max(...performances) + 5) / 5) * 5);

  const option = {
    grid: { left: 8, right: 16, top: 32, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const d = plotted[p.dataIndex];
        return d ? t('kpis.drivers.tooltip', { name: d.dimension, importance: d.importance.toFixed(2), performance: d.performance, n: d.n }) : '';
      },
    },
    xAxis: { type: 'value', name: t('kpis.drivers.importance'), nameLocation: 'middle', nameGap: 22, min: xMin, max: xMax, splitLine: { show: false } },
    yAxis: { type: 'value', name: t('kpis.drivers.performance'), min: yMin, max: yMax },
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        data: plotted.map((d) => ({ name: d.dimension, value: [d.importance, d.performance], itemStyle: { color: POINT_COLORS[d.quadrant] } })),
        label: { show: true, position: 'top', formatter: '{b}', fontSize: 11 },
        labelLayout: { moveOverlap: 'shiftY' },
        markLine:
          data?.importanceMean != null && data.performanceMean != null
            ? { silent: true, symbol: 'none', label: { show: false }, lineStyle: { type: 'dashed', color: '#999' }, data: [{ xAxis: data.importanceMean }, { yAxis: data.performanceMean }] }
            : undefined,
        markArea:
          data?.importanceMean != null && data.performanceMean != null
            ? { silent: true, itemStyle: { color: 'rgba(255, 77, 79, 0.06)' }, data: [[{ xAxis: data.importanceMean, yAxis: yMin }, { xAxis: xMax, yAxis: data.performanceMean }]] }
            : undefined,
      },
    ],
  };

  return (
    <Card title={t('kpis.drivers.title')} size="small" data-testid="key-drivers">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('kpis.drivers.intro')}</Typography.Text>
        {plotted.length ? (
          <div role="img" aria-label={t('kpis.drivers.title')}>
            <ReactEChartsCore echarts={echarts} option={option} style={{ height: 300, width: '100%' }} notMerge />
          </div>
        ) : (
          <Empty description={t('kpis.drivers.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
        <Table<KpiDriver>
          size="small"
          rowKey="dimension"
          loading={drivers.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={(data?.dimensions ?? []).filter((d) => d.ratedBy > 0)}
          locale={{ emptyText: t('kpis.drivers.none') }}
          columns={[
            { title: t('kpis.drivers.dimension'), dataIndex: 'dimension', fixed: 'left' },
            {
              title: t('kpis.drivers.quadrant'),
              key: 'quadrant',
              render: (_, d) =>
                d.quadrant ? (
                  <Tag color={QUADRANT_COLORS[d.quadrant]}>{t(`kpis.drivers.quadrants.${d.quadrant}`)}</Tag>
                ) : (
                  <Typography.Text type="secondary">{d.insufficient ? t('kpis.drivers.insufficient', { min: data?.minSample ?? 30 }) : t('kpis.drivers.noVariance')}</Typography.Text>
                ),
            },
            { title: t('kpis.drivers.importance'), dataIndex: 'importance', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
            { title: t('kpis.drivers.share'), dataIndex: 'share', align: 'right', responsive: ['sm'], render: (v: number | null) => (v === null ? '—' : `${v}%`) },
            { title: t('kpis.drivers.performance'), dataIndex: 'performance', align: 'right', render: (v: number | null) => v ?? '—' },
            { title: 'n', dataIndex: 'n', align: 'right', responsive: ['sm'] },
          ]}
        />
        {data && data.overall.averageScore > 0 ? (
          <Typography.Text type="secondary">{t('kpis.drivers.overallMean', { count: data.overall.averageScore })}</Typography.Text>
        ) : data && data.overall.item > 0 ? (
          <Typography.Text type="secondary">{t('kpis.drivers.overallItem')}</Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}
