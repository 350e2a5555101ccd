/** The last twelve months of the regulations' rates, as lines, ending with the month the dashboard shows. */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiTrend } from '../../api/kpis';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function TrendChart({ trend, loading }: { trend: KpiTrend | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (!trend) return loading ? <Spin /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const option = {
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
    xAxis: { type: 'category', data: trend.months.map((m) => m.slice(2).replace('-', '/')) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: trend.series.map((s) => ({ name: s.label, type: 'line', connectNulls: false, symbolSize: 6, data: s.points.map((p) => p.value) })),
  };
  return (
    <div role="img" aria-label={t('kpis.trend')}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 280 }} notMerge />
    </div>
  );
}
