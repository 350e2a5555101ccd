/** Columns of the departments table. */
import { Button, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { Department } from '../../../shared/schemas/departments';

export function departmentColumns({ t, onEdit }: { t: TFunction; onEdit: (department: Department) => void }): TableColumnsType<Department> {
  return [
    { title: t('departments.fields.name'), dataIndex: 'name' },
    { title: t('departments.fields.code'), dataIndex: 'code' },
    {
      title: t('departments.fields.head'),
      dataIndex: 'headName',
      render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('departments.noHead')}</Typography.Text>,
    },
    { title: t('departments.fields.userCount'), dataIndex: 'userCount', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, department) => (
        <Button type="link" size="small" onClick={() => onEdit(department)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
}
