/**
 * One community: summary, building → unit tree, and its households with search and filters, which are kept in the
 * address with the page (lists/), so a filtered household list can be linked and the back button restores it.
 */
import { Card, Col, Collapse, Grid, Result, Row, Space, Spin, Table } from 'antd';
import { useState } from 'react';
import { HouseholdListQuery } from '../../../shared/schemas/households';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Household } from '../../../shared/schemas/households';
import { useCommunity } from '../../api/communities';
import { useBuildings, useCommunityHouseholds } from '../../api/households';
import { useTags } from '../../api/residents';
import { useSupervisors } from '../../api/users';
import { useCan } from '../../auth/session';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { HouseholdFilters, type HouseholdFilterValues } from '../households/HouseholdFilters';
import { HouseholdFormModal } from '../households/HouseholdFormModal';
import { householdColumns } from '../households/householdColumns';
import { BuildingTree } from './BuildingTree';
import { CommunityActions } from './CommunityActions';
import { CommunitySummary } from './CommunitySummary';

const LIST = listSpec({
  schema: HouseholdListQuery,
  keys: ['q', 'buildingId', 'unitId', 'role', 'tag', 'status', 'moveInFrom', 'moveInTo', 'includeMovedOut'],
});

export function CommunityPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const communityId = Number(useParams().communityId);
  const community = useCommunity(communityId);
  const buildings = useBuildings(communityId);
  const tags = useTags();
  const supervisors = useSupervisors(can('users.read') || can('users.manage'));
  const list = useListParams(LIST);
  // The schema reads includeMovedOut=false too; the filter bar offers only the box that sets it true.
  const filters: HouseholdFilterValues = { ...list.filters, includeMovedOut: list.filters.includeMovedOut === 'true' ? 'true' : undefined };
  const households = useCommunityHouseholds(communityId, { ...filters, limit: list.limit, offset: list.offset, cursor: list.cursor });
  const paging = list.pagination(households.data);
  const [creating, setCreating] = useState(false);
  // On a phone the tree folds away so the household list stays near the top.
  const wide = !!Grid.useBreakpoint().lg;

  if (community.isPending) return <Spin />;
  if (!community.data) return <Result status="404" title="404" subTitle={t('communities.notFound')} />;

  const changeFilters = (next: HouseholdFilterValues) => list.setFilters(next);
  const tree = (
    <BuildingTree
      buildings={buildings.data?.items ?? []}
      selected={{ buildingId: filters.buildingId, unitId: filters.unitId }}
      onSelect={({ buildingId, unitId }) => changeFilters({ ...filters, buildingId, unitId })}
    />
  );
  const supervisorName = supervisors.data?.items.find((u) => u.id === community.data.supervisorId)?.displayName;

  return (
    <>
      <PageHeader title={community.data.name} extra={<CommunityActions communityId={communityId} onAddHousehold={() => setCreating(true)} />} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <CommunitySummary community={community.data} supervisorName={supervisorName} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={6}>
            {wide ? (
              <Card title={t('communities.buildings')} size="small" styles={{ body: { maxHeight: 560, overflow: 'auto' } }}>
                {tree}
              </Card>
            ) : (
              <Collapse items={[{ key: 'buildings', label: t('communities.buildings'), children: tree }]} style={{ background: '#fff' }} />
            )}
          </Col>
          <Col xs={24} lg={18}>
            <PageCard>
              <HouseholdFilters value={filters} buildings={buildings.data?.items ?? []} tags={tags.data?.items ?? []} onChange={changeFilters} />
              <Table<Household>
                rowKey="id"
                columns={householdColumns({ t })}
                dataSource={households.data?.items}
                loading={households.isFetching}
                pagination={paging.table}
                scroll={{ x: 'max-content' }}
                size="middle"
                data-testid="households-table"
              />
              {paging.pager}
            </PageCard>
          </Col>
        </Row>
      </Space>
      {can('households.manage') ? (
        <HouseholdFormModal
          open={creating}
          communityId={communityId}
          household={null}
          onClose={() => setCreating(false)}
          onCreated={(household) => navigate(`/households/${household.id}`)}
        />
      ) : null}
    </>
  );
}
