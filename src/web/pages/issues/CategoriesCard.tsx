/** 问题类别: the categories issues are filed under and the department each is routed to. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/departments';
import { useIssueCategories, useUpdateCategory, type IssueCategory } from '../../api/issues';
import { useShowError } from '../../lib/feedback';
import { CategoryFormModal } from './CategoryFormModal';
import { categoryColumns } from './categoryColumns';

export function CategoriesCard() {
  const { t } = useTranslation();
  const categories = useIssueCategories(true);
  const departments = useDepartments();
  const update = useUpdateCategory();
  const showError = useShowError();
  const [editing, setEditing] = useState<IssueCategory | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const departmentList = departments.data?.items ?? [];

  const columns = categoryColumns({
    t,
    departments: departmentList,
    onChange: (category, body) => update.mutate({ id: category.id, body }, { onError: (e) => showError(e) }),
    onEdit: (category) => {
      setEditing(category);
      setFormOpen(true);
    },
  });

  return (
    <Card
      title={t('issueSettings.categories')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setFormOpen(true);
          }}
          data-testid="category-add"
        >
          {t('issueSettings.addCategory')}
        </Button>
      }
    >
      <Table<IssueCategory>
        rowKey="id"
        columns={columns}
        dataSource={categories.data}
        loading={categories.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="category-table"
      />
      <CategoryFormModal open={formOpen} category={editing} departments={departmentList} onClose={() => setFormOpen(false)} />
    </Card>
  );
}
