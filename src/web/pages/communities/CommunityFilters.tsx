/** Search box and type/status filters above the communities table. */
import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FILTER_SEARCH_STYLE, FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';
import type { CommunityType } from '../../../shared/schemas/communities';
import { COMMUNITY_TYPES } from '../../api/communities';

export interface CommunityFilterValues {
  q?: string;
  type?: CommunityType;
  status?: 'active' | 'archived';
}

export function CommunityFilters({ value, onChange }: { value: CommunityFilterValues; onChange: (v: CommunityFilterValues) => void }) {
  const { t } = useTranslation();
  return (
    <FilterBar>
      <Input.Search
        key={value.q ?? ''}
        allowClear
        defaultValue={value.q}
        placeholder={t('communities.searchPlaceholder')}
        aria-label={t('common.search')}
        onSearch={(q) => onChange({ ...value, q: q || undefined })}
        style={FILTER_SEARCH_STYLE}
      />
      <Select
        allowClear
        placeholder={t('communities.fields.type')}
        aria-label={t('communities.fields.type')}
        value={value.type}
        options={COMMUNITY_TYPES.map((type) => ({ value: type, label: t(`communities.types.${type}`) }))}
        onChange={(type) => onChange({ ...value, type })}
        style={FILTER_SELECT_STYLE}
      />
      <Select
        allowClear
        placeholder={t('communities.fields.status')}
        aria-label={t('communities.fields.status')}
        value={value.status}
        options={[
          { value: 'active', label: t('communities.status.active') },
          { value: 'archived', label: t('communities.status.archived') },
        ]}
        onChange={(status) => onChange({ ...value, status })}
        style={FILTER_SELECT_STYLE}
      />
    </FilterBar>
  );
}
