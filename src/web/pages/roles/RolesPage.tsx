/** Roles page: built-in roles (read-only) and custom roles made from the permission catalogue. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/schemas/roles';
import { useDeleteRole, useRoles } from '../../api/roles';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/feedback';
import { useRoleName } from '../../lib/roleName';
import { RoleFormModal } from './RoleFormModal';
import { roleColumns } from './roleColumns';

export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const roleName = useRoleName();
  const roles = useRoles();
  const deleteRole = useDeleteRole();
  const [selected, setSelected] = useState<Role | null>(null);
  const [open, setOpen] = useState(false);

  const columns = roleColumns({
    t,
    roleName,
    onOpen: (role) => {
      setSelected(role);
      setOpen(true);
    },
    onDelete: (role) =>
      deleteRole.mutate(role.id, {
        onSuccess: () => void message.success(t('common.deleted')),
        onError: (e) => showError(e),
      }),
  });

  return (
    <>
      <PageHeader
        title={t('nav.roles')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setSelected(null);
              setOpen(true);
            }}
          >
            {t('roles.create')}
          </Button>
        }
      />
      <PageCard>
        <Table<Role>
          rowKey="id"
          columns={columns}
          dataSource={roles.data?.items}
          loading={roles.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
        />
      </PageCard>
      <RoleFormModal open={open} role={selected} onClose={() => setOpen(false)} />
    </>
  );
}
