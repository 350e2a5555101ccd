/** Columns of the issue category table; the routed department and the active switch change in place. */
import { Button, Select, Switch } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { Department } from '../../../shared/schemas/departments';
import type { IssueCategory } from '../../api/issues';

interface Context {
  t: TFunction;
  departments: Department[];
  onChange: (category: IssueCategory, patch: { departmentId?: number | null; active?: boolean }) => void;
  onEdit: (category: IssueCategory) => void;
}

export function categoryColumns({ t, departments, onChange, onEdit }: Context): TableColumnsType<IssueCategory> {
  return [
    { title: t('issueSettings.fields.position'), dataIndex: 'position', width: 72, align: 'right' },
    { title: t('issueSettings.fields.name'), dataIndex: 'name' },
    {
      title: t('issueSettings.fields.department'),
      dataIndex: 'departmentId',
      render: (departmentId: number | null, category) => (
        <Select
          allowClear
          value={departmentId ?? undefined}
          placeholder={t('issueSettings.noDepartment')}
          aria-label={`${category.name} ${t('issueSettings.fields.department')}`}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(next?: number) => onChange(category, { departmentId: next ?? null })}
          style={{ minWidth: 140 }}
        />
      ),
    },
    {
      title: t('issueSettings.fields.resolveDays'),
      dataIndex: 'resolveDays',
      align: 'right',
      render: (days: number) => t('issueSettings.workingDays', { count: days }),
    },
    {
      title: t('issueSettings.fields.active'),
      dataIndex: 'active',
      render: (active: boolean, category) => (
        <Switch checked={active} aria-label={`${category.name} ${t('issueSettings.fields.active')}`} onChange={(next) => onChange(category, { active: next })} />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, category) => (
        <Button type="link" size="small" onClick={() => onEdit(category)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
}
