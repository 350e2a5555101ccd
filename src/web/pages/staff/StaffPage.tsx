/** Staff page: filters, the staff table, create/edit and marking someone as having left. */
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffListQuery, type Staff } from '../../../shared/schemas/staff';
import { useScopeCommunities } from '../../api/communities';
import { useDepartments } from '../../api/departments';
import { useStaff, useUpdateStaff } from '../../api/staff';
import { useUsers } from '../../api/users';
import { CreateButton } from '../../components/CreateButton';
import { useCan } from '../../auth/session';
import { useShowError } from '../../lib/feedback';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { StaffFilters } from './StaffFilters';
import { StaffFormModal } from './StaffFormModal';
import { staffColumns } from './staffColumns';

const LIST = listSpec({ schema: StaffListQuery, keys: ['q', 'departmentId', 'communityId', 'status'] });

export function StaffPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useListParams(LIST);
  const staff = useStaff({ ...list.filters, limit: list.limit, offset: list.offset, cursor: list.cursor });
  const update = useUpdateStaff();
  const departments = useDepartments();
  const communities = useScopeCommunities(can('communities.read'));
  const users = useUsers({ status: 'active', limit: 200, offset: 0 }, can('users.read') || can('users.manage'));
  const [editing, setEditing] = useState<Staff | null>(null);
  const [open, setOpen] = useState(false);

  const communityById = useMemo(() => new Map((communities.data?.items ?? []).map((c) => [c.id, c.name])), [communities.data]);
  const departmentById = useMemo(() => new Map((departments.data?.items ?? []).map((d) => [d.id, d.name])), [departments.data]);
  const userById = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName])), [users.data]);

  const columns = staffColumns({
    t,
    communityName: (id) => communityById.get(id) ?? `#${id}`,
    departmentName: (id) => departmentById.get(id) ?? `#${id}`,
    userName: (id) => userById.get(id) ?? `#${id}`,
    onEdit: (member) => {
      setEditing(member);
      setOpen(true);
    },
    onSetStatus: (member, status) =>
      update.mutate({ id: member.id, body: { status } }, { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e) }),
  });

  const openNew = () => {
    setEditing(null);
    setOpen(true);
  };

  return (
    <ListPage
      title={t('nav.staff')}
      extra={<CreateButton onClick={openNew}>{t('staff.create')}</CreateButton>}
      filters={
        <StaffFilters
          value={list.filters}
          departments={departments.data?.items ?? []}
          communities={communities.data?.items ?? []}
          onChange={list.setFilters}
        />
      }
      query={staff}
      pagination={list.pagination}
      columns={columns}
    >
      <StaffFormModal
        open={open}
        staff={editing}
        departments={departments.data?.items ?? []}
        communities={communities.data?.items ?? []}
        users={users.data?.items ?? []}
        onClose={() => setOpen(false)}
      />
    </ListPage>
  );
}
