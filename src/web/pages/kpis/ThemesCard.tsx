/**
 * 热点话题: the month's most frequent words in opinions, suggestions and issue descriptions, each with how many
 * texts have it (a bar against the most frequent), its share, the change from the month before and its last six
 * months; a theme opens the texts behind it (ThemeTextsPage).
 */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../auth/session';
import { useKpiThemes, type KpiTheme } from '../../api/kpis';

/** Where the texts of a theme are listed, with the dashboard's month and community. */
export function themePath(term: string, period: string | undefined, communityId: number | undefined): string {
  const query = new URLSearchParams();
  if (period) query.set('period', period);
  if (communityId !== undefined) query.set('communityId', String(communityId));
  const q = query.toString();
  return `/dashboard/themes/${encodeURIComponent(term)}${q ? `?${q}` : ''}`;
}

/** The six months as a small line, the last point marked. */
function Sparkline({ points }: { points: readonly number[] }) {
  const w = 72;
  const h = 20;
  const max = Math.max(1, ...points);
  const xy = points.map((p, i) => [(i / Math.max(1, points.length - 1)) * (w - 4) + 2, h - 2 - (p / max) * (h - 4)] as const);
  const last = xy[xy.length - 1];
  return (
    <svg width={w} height={h} role="img" aria-label={points.join(', ')}>
      <title>{points.join(' → ')}</title>
      <polyline fill="none" stroke="#1677ff" strokeWidth={1.5} points={xy.map(([x, y]) => `${x},${y}`).join(' ')} />
      {last ? <circle cx={last[0]} cy={last[1]} r={2} fill="#1677ff" /> : null}
    </svg>
  );
}

function Change({ value }: { value: number }) {
  if (value === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  // More texts about a theme is more to look at: rising is shown red, as more complaints would be.
  return value > 0 ? (
    <Typography.Text type="danger">
      <ArrowUpOutlined /> {value}
    </Typography.Text>
  ) : (
    <Typography.Text type="success">
      <ArrowDownOutlined /> {-value}
    </Typography.Text>
  );
}

export function ThemesCard({ period, communityId }: { period: string | undefined; communityId: number | undefined }) {
  const { t } = useTranslation();
  const canConfigure = useCan()('kpis.configure');
  const themes = useKpiThemes({ period, communityId, limit: 20 }, period !== undefined);
  const data = themes.data;
  const max = Math.max(1, ...(data?.themes ?? []).map((x) => x.count));
  return (
    <Card
      size="small"
      title={t('kpis.themes.title')}
      data-testid="kpi-themes"
      extra={
        <Typography.Text type="secondary">
          {data ? t('kpis.themes.texts', { count: data.texts }) : null}
          {canConfigure ? (
            <>
              {' · '}
              <Link to="/settings/kpi-theme-words">{t('kpis.themes.words')}</Link>
            </>
          ) : null}
        </Typography.Text>
      }
    >
      <Table<KpiTheme>
        size="small"
        rowKey="term"
        loading={themes.isLoading}
        dataSource={data?.themes ?? []}
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('kpis.themes.empty') }}
        columns={[
          { title: t('kpis.themes.term'), dataIndex: 'term', render: (v: string) => <Link to={themePath(v, data?.period.label ?? period, communityId)}>{v}</Link> },
          {
            title: t('kpis.themes.count'),
            dataIndex: 'count',
            render: (v: number) => (
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                <span aria-hidden style={{ display: 'inline-block', height: 8, width: Math.max(2, (v / max) * 120), background: '#69b1ff', borderRadius: 2 }} />
                {v}
              </span>
            ),
          },
          { title: t('kpis.themes.share'), dataIndex: 'share', align: 'right', responsive: ['md'], render: (v: number) => `${v.toFixed(1)}%` },
          { title: t('kpis.themes.change'), dataIndex: 'change', align: 'right', render: (v: number) => <Change value={v} /> },
          { title: t('kpis.themes.trend'), dataIndex: 'trend', responsive: ['lg'], render: (v: number[]) => <Sparkline points={v} /> },
        ]}
      />
    </Card>
  );
}
