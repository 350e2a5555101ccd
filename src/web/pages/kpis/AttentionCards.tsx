/**
 * What needs attention in the month: problems, complaints and needs by category and by department (still open,
 * overdue), and the visits rated under 3 to visit back (重点回访), each opening its record or household.
 */
import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { IssueTally, LowSatisfactionVisit } from '../../../shared/schemas/kpis';
import { useKpiAttention } from '../../api/kpis';
import { formatDate } from '../../lib/format';

function TallyTable({ rows, nameTitle, loading }: { rows: IssueTally[]; nameTitle: string; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<IssueTally>
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      dataSource={rows.slice(0, 10)}
      locale={{ emptyText: t('kpis.attention.noIssues') }}
      columns={[
        { title: nameTitle, dataIndex: 'name' },
        { title: t('kpis.attention.raised'), dataIndex: 'raised', align: 'right' },
        { title: t('kpis.attention.open'), dataIndex: 'open', align: 'right' },
        { title: t('kpis.attention.overdue'), dataIndex: 'overdue', align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
      ]}
    />
  );
}

export function AttentionCards({ period, communityId }: { period: string | undefined; communityId: number | undefined }) {
  const { t } = useTranslation();
  const attention = useKpiAttention({ period, communityId }, period !== undefined);
  const data = attention.data;
  const loading = attention.isLoading;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('kpis.attention.issues')}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <TallyTable rows={data?.byCategory ?? []} nameTitle={t('kpis.attention.category')} loading={loading} />
            </Col>
            <Col xs={24} md={12}>
              <TallyTable rows={data?.byDepartment ?? []} nameTitle={t('kpis.attention.department')} loading={loading} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('kpis.attention.low')}
          extra={data ? <Typography.Text type="secondary">{t('kpis.attention.lowTotal', { count: data.lowSatisfactionTotal })}</Typography.Text> : null}
          data-testid="low-satisfaction"
        >
          <Table<LowSatisfactionVisit>
            size="small"
            rowKey="recordId"
            loading={loading}
            dataSource={data?.lowSatisfaction ?? []}
            pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('kpis.attention.noLow') }}
            columns={[
              { title: t('kpis.columns.household'), dataIndex: 'householdLabel', render: (v: string, r) => <Link to={`/households/${r.householdId}`}>{v}</Link> },
              { title: t('kpis.columns.community'), dataIndex: 'communityName', responsive: ['md'] },
              { title: t('kpis.columns.date'), dataIndex: 'visitDate', render: (v: string, r) => <Link to={`/visit-records/${r.recordId}`}>{formatDate(v)}</Link> },
              { title: t('kpis.columns.score'), dataIndex: 'averageScore', render: (v: number) => <Tag color={v < 2 ? 'error' : 'warning'}>{v.toFixed(1)}</Tag> },
              { title: t('kpis.columns.visitor'), dataIndex: 'visitorName', responsive: ['lg'] },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
