/** How a KPI figure is shown: its value in its unit, its status against the target, its formula and sample. */
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { KpiFigure, KpiStatus } from '../../api/kpis';

export const STATUS_COLORS: Record<KpiStatus, string> = { met: 'success', near: 'warning', missed: 'error' };
const STATUS_TEXT_COLORS: Record<KpiStatus, string> = { met: '#389e0d', near: '#d48806', missed: '#cf1322' };

/** The value in its unit ("17.5%", "2.3 个工作日"), or "—" when there is none. */
export function formatValue(t: TFunction, figure: Pick<KpiFigure, 'unit' | 'value'>): string {
  const { value, unit } = figure;
  if (value === null) return '—';
  switch (unit) {
    case 'percent':
      return `${value}%`;
    case 'per100':
      return value.toFixed(1);
    case 'days':
      return `${value} ${t('kpis.unit.days')}`;
    case 'attempts':
      return `${value} ${t('kpis.unit.attempts')}`;
    default:
      return String(value);
  }
}

/** The figure's name (a dimension score's label names its dimension). */
export const figureName = (f: Pick<KpiFigure, 'label'>) => f.label;

/** Where a figure opens: its detail page with the lists behind it, for the same period and community. */
export function detailPath(f: Pick<KpiFigure, 'key' | 'dimension'>, period: string, communityId: number | undefined): string {
  const search = new URLSearchParams({ period });
  if (communityId !== undefined) search.set('communityId', String(communityId));
  if (f.dimension) search.set('dimension', f.dimension);
  return `/dashboard/${f.key}?${search.toString()}`;
}

export function StatusTag({ status }: { status: KpiStatus | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return <Tag color={STATUS_COLORS[status]}>{t(`kpis.status.${status}`)}</Tag>;
}

/** The formula, and the reason of a missing value, behind a "?" beside the figure's name. */
export function FormulaHint({ figure }: { figure: KpiFigure }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={<span>{t('kpis.howComputed')}：{figure.formula}</span>}>
      <QuestionCircleOutlined aria-label={t('kpis.howComputed')} style={{ color: 'rgba(0,0,0,0.45)', cursor: 'help' }} />
    </Tooltip>
  );
}

/** The change from a comparison period: "较上期 +2.1 个百分点" for a rate, "较上期 -1" otherwise. */
function Delta({ label, now, before }: { label: string; now: KpiFigure; before: KpiFigure | undefined }) {
  const { t } = useTranslation();
  if (now.value === null || before?.value === null || before === undefined) return null;
  const diff = Math.round((now.value - before.value) * 10) / 10;
  const signed = `${diff > 0 ? '+' : ''}${diff}`;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {label} {now.unit === 'percent' ? t('kpis.points', { value: signed }) : signed}
    </Typography.Text>
  );
}

/** A KPI card: the value coloured by its status, the target, the sample, the change, and a link to its lists. */
export function FigureCard({ figure, previous, yearAgo, to }: { figure: KpiFigure; previous?: KpiFigure; yearAgo?: KpiFigure; to: string }) {
  const { t } = useTranslation();
  const color = figure.status ? STATUS_TEXT_COLORS[figure.status] : undefined;
  return (
    <Card size="small" className="kpi-card" data-kpi={figure.key} style={{ height: '100%' }}>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space size={4}>
          <Typography.Text strong>{figureName(figure)}</Typography.Text>
          <FormulaHint figure={figure} />
        </Space>
        <Link to={to} aria-label={`${figureName(figure)} ${t('kpis.details')}`}>
          <Statistic value={formatValue(t, figure)} styles={{ content: { color, fontSize: 26 } }} />
        </Link>
        {figure.value === null && figure.reasonText ? <Typography.Text type="secondary">{figure.reasonText}</Typography.Text> : null}
        <Space size={4} wrap>
          <StatusTag status={figure.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {figure.target !== null ? t('kpis.target', { value: formatValue(t, { unit: figure.unit, value: figure.target }) }) : t('kpis.noTarget')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('kpis.sample', { n: figure.n })}
          </Typography.Text>
          {figure.smallSample ? (
            <Tooltip title={t('kpis.smallSampleHint')}>
              <Tag>{t('kpis.smallSample')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
        <Space size={8} wrap>
          <Delta label={t('kpis.vsPrevious')} now={figure} before={previous} />
          <Delta label={t('kpis.vsYearAgo')} now={figure} before={yearAgo} />
        </Space>
      </Space>
    </Card>
  );
}

/** Finds the same figure (key and dimension) in another set. */
export const sameFigure = (list: readonly KpiFigure[] | undefined, f: KpiFigure) => list?.find((o) => o.key === f.key && o.dimension === f.dimension);
