/** Communities page: filters, table with household counts and supervisor, create/edit and archive. */
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommunityListQuery, type Community } from '../../../shared/schemas/communities';
import { useCommunities, useUpdateCommunity } from '../../api/communities';
import { useSupervisors } from '../../api/users';
import { CreateButton } from '../../components/CreateButton';
import { useCan } from '../../auth/session';
import { useShowError } from '../../lib/feedback';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { CommunityFilters } from './CommunityFilters';
import { CommunityFormModal } from './CommunityFormModal';
import { communityColumns } from './communityColumns';

const LIST = listSpec({ schema: CommunityListQuery, keys: ['q', 'type', 'status'] });

export function CommunitiesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('communities.manage');
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useListParams(LIST);
  const communities = useCommunities({ ...list.filters, limit: list.limit, offset: list.offset, cursor: list.cursor });
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

  const openNew = () => {
    setEditing(null);
    setOpen(true);
  };

  return (
    <ListPage
      title={t('nav.communities')}
      extra={canManage ? <CreateButton onClick={openNew}>{t('communities.create')}</CreateButton> : null}
      filters={<CommunityFilters value={list.filters} onChange={list.setFilters} />}
      query={communities}
      pagination={list.pagination}
      columns={columns}
      table={{ 'data-testid': 'communities-table' }}
    >
      {canManage ? (
        <CommunityFormModal open={open} community={editing} supervisors={supervisors.data?.items ?? []} onClose={() => setOpen(false)} />
      ) : null}
    </ListPage>
  );
}
