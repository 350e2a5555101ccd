/** Search box and role/tag/building/move-in/status filters above a community's household table. */
import { Checkbox, DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Building } from '../../../shared/schemas/households';
import type { ResidentRole } from '../../../shared/schemas/residents';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../../api/households';
import { RESIDENT_ROLES, type Tag } from '../../api/residents';
import { FILTER_SEARCH_STYLE, FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';

export interface HouseholdFilterValues {
  q?: string;
  buildingId?: number;
  unitId?: number;
  role?: ResidentRole;
  tag?: string;
  status?: HouseholdStatus;
  moveInFrom?: string;
  moveInTo?: string;
  includeMovedOut?: 'true';
}

interface Props {
  value: HouseholdFilterValues;
  buildings: Building[];
  tags: Tag[];
  onChange: (value: HouseholdFilterValues) => void;
}

const DATE = 'YYYY-MM-DD';

export function HouseholdFilters({ value, buildings, tags, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <FilterBar>
      <Input.Search
        allowClear
        placeholder={t('households.searchPlaceholder')}
        aria-label={t('common.search')}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ ...FILTER_SEARCH_STYLE, flex: '3 1 280px', maxWidth: 380 }}
      />
      <Select
        allowClear
        placeholder={t('households.filterBuilding')}
        aria-label={t('households.filterBuilding')}
        value={value.buildingId}
        options={buildings.map((b) => ({ value: b.id, label: b.name }))}
        onChange={(buildingId) => onChange({ ...value, buildingId, unitId: undefined })}
        style={FILTER_SELECT_STYLE}
      />
      <Select
        allowClear
        placeholder={t('households.filterRole')}
        aria-label={t('households.filterRole')}
        value={value.role}
        options={RESIDENT_ROLES.map((role) => ({ value: role, label: t(`residents.roles.${role}`) }))}
        onChange={(role) => onChange({ ...value, role })}
        style={FILTER_SELECT_STYLE}
      />
      <Select
        allowClear
        placeholder={t('households.filterTag')}
        aria-label={t('households.filterTag')}
        value={value.tag}
        options={tags.map((tag) => ({ value: tag.name, label: tag.name }))}
        onChange={(tag) => onChange({ ...value, tag })}
        style={FILTER_SELECT_STYLE}
      />
      <Select
        allowClear
        placeholder={t('households.filterStatus')}
        aria-label={t('households.filterStatus')}
        value={value.status}
        options={HOUSEHOLD_STATUSES.map((status) => ({ value: status, label: t(`households.status.${status}`) }))}
        onChange={(status) => onChange({ ...value, status })}
        style={FILTER_SELECT_STYLE}
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('households.moveInFrom'), t('households.moveInTo')]}
        aria-label={t('households.fields.moveInDate')}
        value={[value.moveInFrom ? dayjs(value.moveInFrom) : null, value.moveInTo ? dayjs(value.moveInTo) : null]}
        onChange={(range) =>
          onChange({ ...value, moveInFrom: range?.[0]?.format(DATE) ?? undefined, moveInTo: range?.[1]?.format(DATE) ?? undefined })
        }
        style={{ flex: '2 1 240px', maxWidth: 300 }}
      />
      <Checkbox
        checked={value.includeMovedOut === 'true'}
        onChange={(e) => onChange({ ...value, includeMovedOut: e.target.checked ? 'true' : undefined })}
        style={{ alignItems: 'center' }}
      >
        {t('households.includeMovedOut')}
      </Checkbox>
    </FilterBar>
  );
}
