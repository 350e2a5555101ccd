/** Search box and department/community/status filters above the staff table. */
import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';
import type { Department } from '../../../shared/schemas/departments';
import { STAFF_STATUSES, type StaffStatus } from '../../api/staff';
import { FILTER_SEARCH_STYLE, FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';

export interface StaffFilterValues {
  q?: string;
  departmentId?: number;
  communityId?: number;
  status?: StaffStatus;
}

interface Props {
  value: StaffFilterValues;
  departments: Department[];
  communities: Community[];
  onChange: (value: StaffFilterValues) => void;
}

export function StaffFilters({ value, departments, communities, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <FilterBar>
      <Input.Search
        key={value.q ?? ''}
        allowClear
        defaultValue={value.q}
        placeholder={t('staff.searchPlaceholder')}
        aria-label={t('common.search')}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={FILTER_SEARCH_STYLE}
      />
      <Select
        allowClear
        placeholder={t('staff.fields.department')}
        aria-label={t('staff.fields.department')}
        value={value.departmentId}
        options={departments.map((d) => ({ value: d.id, label: d.name }))}
        onChange={(departmentId) => onChange({ ...value, departmentId })}
        style={FILTER_SELECT_STYLE}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('staff.fields.communities')}
        aria-label={t('staff.fields.communities')}
        value={value.communityId}
        options={communities.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(communityId) => onChange({ ...value, communityId })}
        style={FILTER_SELECT_STYLE}
      />
      <Select
        allowClear
        placeholder={t('staff.fields.status')}
        aria-label={t('staff.fields.status')}
        value={value.status}
        options={STAFF_STATUSES.map((status) => ({ value: status, label: t(`staff.status.${status}`) }))}
        onChange={(status) => onChange({ ...value, status })}
        style={FILTER_SELECT_STYLE}
      />
    </FilterBar>
  );
}
