/** Column definitions of the users table. */
import { Badge, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { User } from '../../../shared/schemas/users';
import { formatDateTime } from '../../lib/format';

export interface UserColumnContext {
  t: TFunction;
  roleName: (role: { key: string | null; name: string }) => string;
  communityName: (id: number) => string;
  departmentName: (id: number) => string;
  canManage: boolean;
  /** the signed-in user: their own password is changed under 个人中心, and they cannot disable themselves */
  currentUserId: number;
  onEdit: (user: User) => void;
  onToggleStatus: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function userColumns(ctx: UserColumnContext): TableColumnsType<User> {
  const { t } = ctx;
  const columns: TableColumnsType<User> = [
    {
      title: t('users.fields.displayName'),
      key: 'name',
      fixed: 'left',
      render: (_, user) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <Typography.Text type="secondary">{user.username}</Typography.Text>
        </Space>
      ),
    },
    { title: t('users.fields.role'), key: 'role', render: (_, user) => ctx.roleName({ key: user.roleKey, name: user.roleName }) },
    {
      title: t('users.fields.communities'),
      key: 'communities',
      render: (_, user) =>
        user.allCommunities ? (
          <Tag color="blue">{t('community.all')}</Tag>
        ) : (
          <Space wrap size={[4, 4]}>
            {user.communityIds.map((id) => (
              <Tag key={id}>{ctx.communityName(id)}</Tag>
            ))}
          </Space>
        ),
    },
    {
      title: t('users.fields.department'),
      key: 'department',
      render: (_, user) => (user.departmentId ? ctx.departmentName(user.departmentId) : '—'),
    },
    { title: t('users.fields.phone'), dataIndex: 'phone', render: (phone: string | null) => phone || '—' },
    {
      title: t('users.fields.status'),
      dataIndex: 'status',
      render: (status: User['status'], user) => (
        <Space orientation="vertical" size={0}>
          <Badge status={status === 'active' ? 'success' : 'default'} text={t(`users.status.${status}`)} />
          {user.mustChangePassword ? <Typography.Text type="warning">{t('users.mustChange')}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: t('users.fields.lastLoginAt'), dataIndex: 'lastLoginAt', render: (at: string | null) => formatDateTime(at) },
  ];
  if (!ctx.canManage) return columns;

  columns.push({
    title: t('common.actions'),
    key: 'actions',
    render: (_, user) => (
      <Space size={0} wrap>
        <Button type="link" size="small" onClick={() => ctx.onEdit(user)}>
          {t('common.edit')}
        </Button>
        {user.id === ctx.currentUserId ? (
          <>
            <Tooltip title={t('users.ownStatusHint')}>
              <Button type="link" size="small" disabled>
                {t('users.disable')}
              </Button>
            </Tooltip>
            <Tooltip title={t('users.ownPasswordHint')}>
              <Button type="link" size="small" disabled>
                {t('users.resetPassword')}
              </Button>
            </Tooltip>
          </>
        ) : (
          <>
            <Popconfirm
              title={t(user.status === 'active' ? 'users.confirmDisable' : 'users.confirmEnable', { name: user.displayName })}
              onConfirm={() => ctx.onToggleStatus(user)}
            >
              <Button type="link" size="small" danger={user.status === 'active'}>
                {t(user.status === 'active' ? 'users.disable' : 'users.enable')}
              </Button>
            </Popconfirm>
            <Popconfirm title={t('users.confirmReset', { name: user.displayName })} onConfirm={() => ctx.onResetPassword(user)}>
              <Button type="link" size="small">
                {t('users.resetPassword')}
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>
    ),
  });
  return columns;
}
