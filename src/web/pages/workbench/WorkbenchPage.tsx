/**
 * Workbench: who I am, which company, which role, which communities, this month's headline KPIs (for readers of
 * the figures), the issues waiting on me, and where I can go.
 */
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../auth/session';
import { isAllowed } from '../../auth/permissions';
import { NAVIGATION } from '../../layout/navigation';
import { useCommunityChoice } from '../../lib/communitySelection';
import { useRoleName } from '../../lib/roleName';
import { IssueCounts } from './IssueCounts';
import { KpiSummary } from './KpiSummary';

function ScopeSummary() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { communities, enabled } = useCommunityChoice();
  if (user.allCommunities) return <Tag color="blue">{t('workbench.scopeAll')}</Tag>;
  if (!enabled || user.communityIds.length === 0) return <Typography.Text type="secondary">{t('workbench.scopeNone')}</Typography.Text>;
  const names = communities.filter((c) => user.communityIds.includes(c.id)).map((c) => c.name);
  return (
    <Space wrap size={[4, 4]}>
      <span>{t('workbench.scopeCount', { count: user.communityIds.length })}</span>
      {names.map((name) => (
        <Tag key={name}>{name}</Tag>
      ))}
    </Space>
  );
}

export function WorkbenchPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const roleName = useRoleName();
  const shortcuts = NAVIGATION.filter((e) => e.path !== '/' && isAllowed(e, user.permissions));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('workbench.welcome', { name: user.displayName })}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('workbench.company')}>{user.companyName}</Descriptions.Item>
          <Descriptions.Item label={t('workbench.role')}>{roleName(user.role)}</Descriptions.Item>
          <Descriptions.Item label={t('workbench.scope')}>
            <ScopeSummary />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <KpiSummary />
      <IssueCounts />
      {shortcuts.length > 0 ? (
        <Row gutter={[16, 16]}>
          {shortcuts.map((entry) => (
            <Col key={entry.path} xs={12} md={8} xl={6}>
              <Link to={entry.path}>
                <Card hoverable size="small">
                  <Space>
                    {entry.icon}
                    {t(entry.labelKey)}
                  </Space>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      ) : null}
    </Space>
  );
}
