/** Search box and role/status filters above the users table. */
import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FILTER_SEARCH_STYLE, FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';
import type { Role } from '../../../shared/schemas/roles';
import { useRoleName } from '../../lib/roleName';

export interface UserFilterValues {
  q?: string;
  roleId?: number;
  status?: 'active' | 'disabled';
}

interface Props {
  value: UserFilterValues;
  roles: Role[];
  onChange: (value: UserFilterValues) => void;
}

export function UserFilters({ value, roles, onChange }: Props) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  return (
    <FilterBar>
      <Input.Search
        key={value.q ?? ''}
        allowClear
        defaultValue={value.q}
        placeholder={t('users.searchPlaceholder')}
        aria-label={t('common.search')}
        onSearch={(q) => onChange({ ...value, q: q || undefined })}
        style={FILTER_SEARCH_STYLE}
      />
      <Select
        allowClear
        placeholder={t('users.filterRole')}
        aria-label={t('users.filterRole')}
        value={value.roleId}
        options={roles.map((r) => ({ value: r.id, label: roleName(r) }))}
        onChange={(roleId) => onChange({ ...value, roleId })}
        style={FILTER_SELECT_STYLE}
      />
      <Select
        allowClear
        placeholder={t('users.filterStatus')}
        aria-label={t('users.filterStatus')}
        value={value.status}
        options={[
          { value: 'active', label: t('users.status.active') },
          { value: 'disabled', label: t('users.status.disabled') },
        ]}
        onChange={(status) => onChange({ ...value, status })}
        style={FILTER_SELECT_STYLE}
      />
    </FilterBar>
  );
}
