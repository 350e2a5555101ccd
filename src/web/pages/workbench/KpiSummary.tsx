/**
 * This month's headline KPIs on the page managers and supervisors open first: each against its target and
 * coloured by its status, each opening its figure's detail; the 数据看板 is one click away. Only for readers of
 * the scope's figures (kpis.read); it loads no chart.
 */
import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useKpis, type KpiKey } from '../../api/kpis';
import { useCan } from '../../auth/session';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { FigureCard, detailPath } from '../kpis/kpiDisplay';

const HEADLINE: readonly KpiKey[] = ['coverage', 'completion', 'resolution', 'adoption', 'satisfaction_rate'];

export function KpiSummary() {
  const canRead = useCan()('kpis.read');
  if (!canRead) return null;
  return <Summary />;
}

function Summary() {
  const { t } = useTranslation();
  const communityId = useSelectedCommunityId();
  const kpis = useKpis({ communityId, kpi: HEADLINE.join(',') });
  const data = kpis.data;
  const period = data?.period.label ?? '';
  return (
    <Card
      size="small"
      title={t('workbench.kpis.title', { period: data?.period.label.replace(/^month:/, '') ?? '' })}
      extra={
        <Link to="/dashboard">
          {t('workbench.kpis.open')} <ArrowRightOutlined />
        </Link>
      }
      data-testid="workbench-kpis"
    >
      {kpis.isError ? <Alert type="error" showIcon title={t('kpis.loadFailed')} /> : null}
      {kpis.isLoading ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      <Row gutter={[12, 12]}>
        {(data?.figures ?? []).map((f) => (
          <Col key={f.key} xs={12} md={8} xl={{ flex: '1 1 0' }}>
            <FigureCard figure={f} to={detailPath(f, period, communityId)} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
