/** Departments page: the departments issues are routed to, their heads, creating and editing them. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/schemas/departments';
import { useDepartments } from '../../api/departments';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { DepartmentFormModal } from './DepartmentFormModal';
import { departmentColumns } from './departmentColumns';

export function DepartmentsPage() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Department | null>(null);
  const columns = departmentColumns({
    t,
    onEdit: (department) => {
      setEditing(department);
      setOpen(true);
    },
  });

  return (
    <>
      <PageHeader
        title={t('nav.departments')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
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
      <DepartmentFormModal open={open} department={editing} onClose={() => setOpen(false)} />
    </>
  );
}
