/** Search box and type/status filters above the communities table. */
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
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
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('communities.searchPlaceholder')}
        aria-label={t('common.search')}
        onSearch={(q) => onChange({ ...value, q: q || undefined })}
        style={{ width: 240, maxWidth: '100%' }}
      />
      <Select
        allowClear
        placeholder={t('communities.fields.type')}
        aria-label={t('communities.fields.type')}
        value={value.type}
        options={COMMUNITY_TYPES.map((type) => ({ value: type, label: t(`communities.types.${type}`) }))}
        onChange={(type) => onChange({ ...value, type })}
        style={{ width: 140 }}
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
        style={{ width: 140 }}
      />
    </Space>
  );
}
