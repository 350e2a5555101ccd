/** Filters above the supervisor's task table: community, visitor, status, reason, method and time view. */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';
import type { User } from '../../../shared/schemas/users';
import { TASK_STATUSES, VISIT_METHODS, VISIT_REASONS, type TaskFilters as Filters } from '../../api/visits';
import { FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';

export type TaskFilterValues = Omit<Filters, 'limit' | 'offset' | 'mine'>;

interface Props {
  value: TaskFilterValues;
  communities: Community[];
  visitors: User[];
  onChange: (value: TaskFilterValues) => void;
}

export function TaskFilters({ value, communities, visitors, onChange }: Props) {
  const { t } = useTranslation();
  const select = <K extends keyof TaskFilterValues>(key: K, label: string, options: { value: TaskFilterValues[K]; label: string }[]) => (
    <Select
      allowClear
      placeholder={label}
      aria-label={label}
      value={value[key]}
      options={options as { value: string | number; label: string }[]}
      onChange={(next) => onChange({ ...value, [key]: next })}
      style={FILTER_SELECT_STYLE}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
  return (
    <FilterBar>
      {select('communityId', t('visits.fields.community'), communities.map((c) => ({ value: c.id, label: c.name })))}
      {select('assigneeId', t('visits.fields.assignee'), visitors.map((u) => ({ value: u.id, label: u.displayName })))}
      {select('view', t('visits.views.all'), (['today', 'overdue', 'upcoming'] as const).map((v) => ({ value: v, label: t(`visits.views.${v}`) })))}
      {select('status', t('visits.fields.status'), TASK_STATUSES.map((s) => ({ value: s, label: t(`visits.statuses.${s}`) })))}
      {select('reason', t('visits.fields.reason'), VISIT_REASONS.map((r) => ({ value: r, label: t(`visits.reasons.${r}`) })))}
      {select('method', t('visits.fields.method'), VISIT_METHODS.map((m) => ({ value: m, label: t(`visits.methods.${m}`) })))}
    </FilterBar>
  );
}
