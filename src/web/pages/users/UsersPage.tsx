/** Users page: filters, the accounts table, and the create/edit/reset flows. */
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserListQuery, type User } from '../../../shared/schemas/users';
import { useScopeCommunities } from '../../api/communities';
import { useDepartments } from '../../api/departments';
import { useRoles } from '../../api/roles';
import { useResetPassword, useUpdateUser, useUsers } from '../../api/users';
import { CreateButton } from '../../components/CreateButton';
import { useCan, useCurrentUser } from '../../auth/session';
import { SecretModal } from '../../components/SecretModal';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { useShowError } from '../../lib/feedback';
import { useRoleName } from '../../lib/roleName';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { UserFilters } from './UserFilters';
import { UserFormModal } from './UserFormModal';
import { userColumns } from './userColumns';

const LIST = listSpec({ schema: UserListQuery, keys: ['q', 'roleId', 'status'] });

interface Secret {
  name: string;
  password: string;
}

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('users.manage');
  const me = useCurrentUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const roleName = useRoleName();
  const communityId = useSelectedCommunityId();
  const list = useListParams(LIST);
  const [editing, setEditing] = useState<User | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [secret, setSecret] = useState<Secret | null>(null);

  const users = useUsers({ ...list.filters, communityId, limit: list.limit, offset: list.offset, cursor: list.cursor });
  const roles = useRoles();
  const departments = useDepartments();
  const communities = useScopeCommunities(can('communities.read'));
  const updateUser = useUpdateUser();
  const resetPassword = useResetPassword();

  const communityById = useMemo(() => new Map((communities.data?.items ?? []).map((c) => [c.id, c.name])), [communities.data]);
  const departmentById = useMemo(() => new Map((departments.data?.items ?? []).map((d) => [d.id, d.name])), [departments.data]);

  const columns = userColumns({
    t,
    roleName,
    communityName: (id) => communityById.get(id) ?? `#${id}`,
    departmentName: (id) => departmentById.get(id) ?? `#${id}`,
    canManage,
    currentUserId: me.id,
    onEdit: (user) => {
      setEditing(user);
      setFormOpen(true);
    },
    onToggleStatus: (user) =>
      updateUser.mutate(
        { id: user.id, body: { status: user.status === 'active' ? 'disabled' : 'active' } },
        { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e) },
      ),
    onResetPassword: (user) =>
      resetPassword.mutate(user.id, {
        onSuccess: ({ temporaryPassword }) => setSecret({ name: user.displayName, password: temporaryPassword }),
        onError: (e) => showError(e),
      }),
  });

  const openNew = () => {
    setEditing(null);
    setFormOpen(true);
  };

  return (
    <ListPage
      title={t('nav.users')}
      extra={canManage ? <CreateButton onClick={openNew}>{t('users.create')}</CreateButton> : null}
      filters={<UserFilters value={list.filters} roles={roles.data?.items ?? []} onChange={list.setFilters} />}
      query={users}
      pagination={list.pagination}
      columns={columns}
    >
      {canManage ? (
        <UserFormModal
          open={formOpen}
          user={editing}
          roles={roles.data?.items ?? []}
          departments={departments.data?.items ?? []}
          communities={communities.data?.items ?? []}
          onClose={() => setFormOpen(false)}
          onCreated={(user, password) => setSecret({ name: user.displayName, password })}
        />
      ) : null}
      <SecretModal
        open={!!secret}
        title={t('users.temporaryPasswordTitle', { name: secret?.name ?? '' })}
        label={t('users.temporaryPassword')}
        secret={secret?.password ?? ''}
        warning={t('users.temporaryPasswordWarning')}
        onClose={() => setSecret(null)}
      />
    </ListPage>
  );
}
