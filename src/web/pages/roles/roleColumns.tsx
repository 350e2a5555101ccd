/** Column definitions of the roles table. */
import { Button, Popconfirm, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/schemas/roles';

export interface RoleColumnContext {
  t: TFunction;
  roleName: (role: Role) => string;
  onOpen: (role: Role) => void;
  onDelete: (role: Role) => void;
}

export function roleColumns({ t, roleName, onOpen, onDelete }: RoleColumnContext): TableColumnsType<Role> {
  return [
    {
      title: t('roles.fields.name'),
      key: 'name',
      render: (_, role) => (
        <Space>
          {roleName(role)}
          {role.builtin ? <Tag>{t('roles.builtinTag')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('roles.fields.description'),
      key: 'description',
      render: (_, role) => (role.builtin && role.key ? t(`roles.builtinDescription.${role.key}`, { defaultValue: role.description }) : role.description) || '—',
    },
    { title: t('roles.fields.permissionCount'), key: 'permissions', render: (_, role) => role.permissions.length, align: 'right' },
    { title: t('roles.fields.userCount'), dataIndex: 'userCount', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, role) =>
        role.builtin ? (
          <Button type="link" size="small" onClick={() => onOpen(role)}>
            {t('common.view')}
          </Button>
        ) : (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => onOpen(role)}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('roles.confirmDelete', { name: role.name })}
              onConfirm={() => onDelete(role)}
              okButtonProps={{ danger: true }}
            >
              <Button type="link" size="small" danger disabled={role.userCount > 0} title={role.userCount > 0 ? t('roles.inUse') : undefined}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];
}
