/** Column definitions of the communities table. */
import { Badge, Button, Popconfirm, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Community } from '../../../shared/schemas/communities';
import { formatDate } from '../../lib/format';

export interface CommunityColumnContext {
  t: TFunction;
  canManage: boolean;
  /** The supervisor's display name; undefined when the caller cannot read accounts. */
  supervisorName: (id: number) => string | undefined;
  onEdit: (community: Community) => void;
  onSetStatus: (community: Community, status: Community['status']) => void;
}

export function communityColumns({ t, canManage, supervisorName, onEdit, onSetStatus }: CommunityColumnContext): TableColumnsType<Community> {
  const columns: TableColumnsType<Community> = [
    {
      title: t('communities.fields.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, community) => <Link to={`/communities/${community.id}`}>{name}</Link>,
    },
    { title: t('communities.fields.code'), dataIndex: 'code' },
    { title: t('communities.fields.type'), dataIndex: 'type', render: (type: Community['type']) => t(`communities.types.${type}`) },
    { title: t('communities.fields.householdCount'), dataIndex: 'householdCount', align: 'right' },
    { title: t('communities.fields.residentCount'), dataIndex: 'residentCount', align: 'right' },
    {
      title: t('communities.fields.supervisor'),
      dataIndex: 'supervisorId',
      render: (id: number | null) => (id ? (supervisorName(id) ?? `#${id}`) : t('communities.noSupervisor')),
    },
    { title: t('communities.fields.address'), dataIndex: 'address', render: (address: string) => address || '—' },
    {
      title: t('communities.fields.status'),
      dataIndex: 'status',
      render: (status: Community['status']) => (
        <Badge status={status === 'active' ? 'success' : 'default'} text={t(`communities.status.${status}`)} />
      ),
    },
    { title: t('communities.fields.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDate(at) },
  ];
  if (!canManage) return columns;
  columns.push({
    title: t('common.actions'),
    key: 'actions',
    render: (_, community) => (
      <Space size={0}>
        <Button type="link" size="small" onClick={() => onEdit(community)}>
          {t('common.edit')}
        </Button>
        {community.status === 'active' ? (
          <Popconfirm title={t('communities.confirmArchive', { name: community.name })} onConfirm={() => onSetStatus(community, 'archived')}>
            <Button type="link" size="small" danger>
              {t('communities.archive')}
            </Button>
          </Popconfirm>
        ) : (
          <Button type="link" size="small" onClick={() => onSetStatus(community, 'active')}>
            {t('communities.restore')}
          </Button>
        )}
      </Space>
    ),
  });
  return columns;
}
