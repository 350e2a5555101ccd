/** The community's key facts above its buildings and households. */
import { Badge, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';

export function CommunitySummary({ community, supervisorName }: { community: Community; supervisorName?: string }) {
  const { t } = useTranslation();
  const supervisor = community.supervisorId ? (supervisorName ?? `#${community.supervisorId}`) : t('communities.noSupervisor');
  return (
    <Card title={t('communities.summary')} size="small" data-testid="community-summary">
      <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} size="small">
        <Descriptions.Item label={t('communities.fields.code')}>{community.code}</Descriptions.Item>
        <Descriptions.Item label={t('communities.fields.type')}>{t(`communities.types.${community.type}`)}</Descriptions.Item>
        <Descriptions.Item label={t('communities.fields.supervisor')}>{supervisor}</Descriptions.Item>
        <Descriptions.Item label={t('communities.fields.status')}>
          <Badge status={community.status === 'active' ? 'success' : 'default'} text={t(`communities.status.${community.status}`)} />
        </Descriptions.Item>
        <Descriptions.Item label={t('communities.fields.householdCount')}>{community.householdCount}</Descriptions.Item>
        <Descriptions.Item label={t('communities.fields.residentCount')}>{community.residentCount}</Descriptions.Item>
        <Descriptions.Item label={t('communities.fields.address')} span={2}>
          {community.address || '—'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
