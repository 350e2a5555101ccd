/** Satisfaction by service dimension (0–100) as a bar chart, each bar coloured by how it compares with the rest. */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiFigure } from '../../api/kpis';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function DimensionChart({ figures }: { figures: KpiFigure[] }) {
  const { t } = useTranslation();
  const scored = figures.filter((f) => f.key === 'dimension_score' && f.value !== null);
  if (!scored.length) return <Empty description={t('kpis.noDimensions')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const sorted = [...scored].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  const option = {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number; dataIndex: number }) => `${p.name}：${p.value}（${t('kpis.sample', { n: sorted[p.dataIndex]?.n ?? 0 })}）`,
    },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: sorted.map((f) => f.dimension ?? '') },
    series: [
      {
        type: 'bar',
        data: sorted.map((f) => ({ value: f.value, itemStyle: { color: (f.value ?? 0) >= 80 ? '#52c41a' : (f.value ?? 0) >= 60 ? '#faad14' : '#ff4d4f' } })),
        label: { show: true, position: 'right' },
        barMaxWidth: 22,
      },
    ],
  };
  return (
    <div role="img" aria-label={t('kpis.dimensions')}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: Math.max(160, sorted.length * 36) }} notMerge />
    </div>
  );
}
