/** Column definitions of the staff table. */
import { Badge, Button, Popconfirm, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { Staff } from '../../../shared/schemas/staff';

export interface StaffColumnContext {
  t: TFunction;
  communityName: (id: number) => string;
  departmentName: (id: number) => string;
  userName: (id: number) => string;
  onEdit: (staff: Staff) => void;
  onSetStatus: (staff: Staff, status: Staff['status']) => void;
}

export function staffColumns(ctx: StaffColumnContext): TableColumnsType<Staff> {
  const { t } = ctx;
  return [
    { title: t('staff.fields.name'), dataIndex: 'name', fixed: 'left' },
    { title: t('staff.fields.phone'), dataIndex: 'phone', render: (phone: string | null) => phone || '—' },
    { title: t('staff.fields.position'), dataIndex: 'position', render: (position: string) => position || '—' },
    { title: t('staff.fields.department'), dataIndex: 'departmentId', render: (id: number | null) => (id ? ctx.departmentName(id) : '—') },
    { title: t('staff.fields.user'), dataIndex: 'userId', render: (id: number | null) => (id ? ctx.userName(id) : '—') },
    {
      title: t('staff.fields.communities'),
      dataIndex: 'communityIds',
      render: (ids: number[]) =>
        ids.length ? (
          <Space wrap size={[4, 4]}>
            {ids.map((id) => (
              <Tag key={id}>{ctx.communityName(id)}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('staff.fields.status'),
      dataIndex: 'status',
      render: (status: Staff['status']) => <Badge status={status === 'active' ? 'success' : 'default'} text={t(`staff.status.${status}`)} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, staff) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => ctx.onEdit(staff)}>
            {t('common.edit')}
          </Button>
          {staff.status === 'active' ? (
            <Popconfirm title={t('staff.confirmLeft', { name: staff.name })} onConfirm={() => ctx.onSetStatus(staff, 'left')}>
              <Button type="link" size="small" danger>
                {t('staff.markLeft')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => ctx.onSetStatus(staff, 'active')}>
              {t('staff.reinstate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}
