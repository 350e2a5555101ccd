/**
 * The issues waiting on the signed-in user, at a glance: a handler's department queue and what of it is
 * overdue; for supervisors and management, everything overdue or escalated (督办). Each number opens its list.
 */
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useIssues, type IssueFilters } from '../../api/issues';
import { useCan, useCurrentUser } from '../../auth/session';

function Count({ label, filters, to, danger }: { label: string; filters: IssueFilters; to: string; danger?: boolean }) {
  const issues = useIssues({ ...filters, limit: 1, offset: 0 });
  const total = issues.data?.total ?? 0;
  return (
    <Col xs={12} md={8}>
      <Link to={to}>
        <Card hoverable size="small">
          <Statistic title={label} value={total} loading={issues.isLoading} styles={{ content: danger && total > 0 ? { color: '#cf1322' } : undefined }} />
        </Card>
      </Link>
    </Col>
  );
}

export function IssueCounts() {
  const { t } = useTranslation();
  const can = useCan();
  const user = useCurrentUser();
  // A department queue exists only for members of a department.
  const handles = can('issues.handle') && user.departmentId !== null;
  const supervises = can('issues.manage') || can('issues.oversee');
  if (!handles && !supervises) return null;
  return (
    <Row gutter={[16, 16]}>
      {handles ? <Count label={t('workbench.issues.queue')} filters={{ view: 'department' }} to="/issues/queue" /> : null}
      {handles ? <Count label={t('workbench.issues.queueOverdue')} filters={{ view: 'department', due: 'overdue' }} to="/issues/queue" danger /> : null}
      {supervises ? <Count label={t('workbench.issues.supervision')} filters={{ view: 'supervision' }} to="/issues/supervision" danger /> : null}
    </Row>
  );
}
