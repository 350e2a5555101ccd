/** Departments page: the list of departments issues are routed to, and creating one. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/schemas/communities';
import { useDepartments } from '../../api/communities';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { DepartmentFormModal } from './DepartmentFormModal';

export function DepartmentsPage() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [open, setOpen] = useState(false);

  const columns: TableColumnsType<Department> = [
    { title: t('departments.fields.name'), dataIndex: 'name' },
    { title: t('departments.fields.code'), dataIndex: 'code' },
    { title: t('departments.fields.userCount'), dataIndex: 'userCount', align: 'right' },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.departments')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('departments.create')}
          </Button>
        }
      />
      <PageCard>
        <Table<Department>
          rowKey="id"
          columns={columns}
          dataSource={departments.data?.items}
          loading={departments.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
        />
      </PageCard>
      <DepartmentFormModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
