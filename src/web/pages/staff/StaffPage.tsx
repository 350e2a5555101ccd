/** Staff page: filters, the staff table, create/edit and marking someone as having left. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/schemas/staff';
import { useDepartments, useScopeCommunities } from '../../api/communities';
import { useStaff, useUpdateStaff } from '../../api/staff';
import { useUsers } from '../../api/users';
import { useCan } from '../../auth/session';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/feedback';
import { usePagination } from '../../lib/pagination';
import { StaffFilters, type StaffFilterValues } from './StaffFilters';
import { StaffFormModal } from './StaffFormModal';
import { staffColumns } from './staffColumns';

export function StaffPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [filters, setFilters] = useState<StaffFilterValues>({});
  const pagination = usePagination();
  const staff = useStaff({ ...filters, limit: pagination.limit, offset: pagination.offset });
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

  return (
    <>
      <PageHeader
        title={t('nav.staff')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('staff.create')}
          </Button>
        }
      />
      <PageCard>
        <StaffFilters
          value={filters}
          departments={departments.data?.items ?? []}
          communities={communities.data?.items ?? []}
          onChange={(next) => {
            setFilters(next);
            pagination.reset();
          }}
        />
        <Table<Staff>
          rowKey="id"
          columns={columns}
          dataSource={staff.data?.items}
          loading={staff.isFetching}
          pagination={pagination.table(staff.data?.total)}
          scroll={{ x: 'max-content' }}
          size="middle"
        />
      </PageCard>
      <StaffFormModal
        open={open}
        staff={editing}
        departments={departments.data?.items ?? []}
        communities={communities.data?.items ?? []}
        users={users.data?.items ?? []}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
