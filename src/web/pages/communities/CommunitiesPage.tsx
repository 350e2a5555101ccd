/** Communities page: filters, table with household counts and supervisor, create/edit and archive. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';
import { useCommunities, useUpdateCommunity } from '../../api/communities';
import { useSupervisors } from '../../api/users';
import { useCan } from '../../auth/session';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/feedback';
import { usePagination } from '../../lib/pagination';
import { CommunityFilters, type CommunityFilterValues } from './CommunityFilters';
import { CommunityFormModal } from './CommunityFormModal';
import { communityColumns } from './communityColumns';

export function CommunitiesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('communities.manage');
  const { message } = App.useApp();
  const showError = useShowError();
  const [filters, setFilters] = useState<CommunityFilterValues>({});
  const pagination = usePagination();
  const communities = useCommunities({ ...filters, limit: pagination.limit, offset: pagination.offset });
  const update = useUpdateCommunity();
  const supervisors = useSupervisors(can('users.read') || can('users.manage'));
  const supervisorById = useMemo(() => new Map((supervisors.data?.items ?? []).map((u) => [u.id, u.displayName])), [supervisors.data]);
  const [editing, setEditing] = useState<Community | null>(null);
  const [open, setOpen] = useState(false);

  const columns = communityColumns({
    t,
    canManage,
    supervisorName: (id) => supervisorById.get(id),
    onEdit: (community) => {
      setEditing(community);
      setOpen(true);
    },
    onSetStatus: (community, status) =>
      update.mutate(
        { id: community.id, body: { status } },
        { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e) },
      ),
  });

  return (
    <>
      <PageHeader
        title={t('nav.communities')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setOpen(true);
              }}
            >
              {t('communities.create')}
            </Button>
          ) : null
        }
      />
      <PageCard>
        <CommunityFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            pagination.reset();
          }}
        />
        <Table<Community>
          rowKey="id"
          columns={columns}
          dataSource={communities.data?.items}
          loading={communities.isFetching}
          pagination={pagination.table(communities.data?.total)}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="communities-table"
        />
      </PageCard>
      {canManage ? (
        <CommunityFormModal open={open} community={editing} supervisors={supervisors.data?.items ?? []} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
