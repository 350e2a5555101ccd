/** Filters above the visit records table: community, period, visitor, method, outcome, score range, items. */
import { DatePicker, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';
import type { User } from '../../../shared/schemas/users';
import { VISIT_METHODS, type RecordFilters as Filters } from '../../api/visits';
import { FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';

interface Props {
  value: Filters;
  communities: Community[];
  visitors: User[];
  onChange: (value: Filters) => void;
}

export function RecordFilters({ value, communities, visitors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  return (
    <FilterBar>
      <Select
        allowClear
        placeholder={t('visits.fields.community')}
        aria-label={t('visits.fields.community')}
        value={value.communityId}
        options={communities.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(communityId) => set({ communityId, visitorId: undefined })}
        style={FILTER_SELECT_STYLE}
      />
      <DatePicker.RangePicker
        aria-label={t('visits.records.period')}
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        style={{ flex: '2 1 240px', maxWidth: 280 }}
        inputReadOnly
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('visits.fields.visitor')}
        aria-label={t('visits.fields.visitor')}
        value={value.visitorId}
        options={visitors.map((u) => ({ value: u.id, label: u.displayName }))}
        onChange={(visitorId) => set({ visitorId })}
        style={FILTER_SELECT_STYLE}
      />
      <Select
        allowClear
        placeholder={t('visits.fields.method')}
        aria-label={t('visits.fields.method')}
        value={value.method}
        options={VISIT_METHODS.map((m) => ({ value: m, label: t(`visits.methods.${m}`) }))}
        onChange={(method) => set({ method })}
        style={FILTER_SELECT_STYLE}
      />
      <Select
        allowClear
        placeholder={t('visits.fields.outcome')}
        aria-label={t('visits.fields.outcome')}
        value={value.outcome}
        options={(['completed', 'refused'] as const).map((o) => ({ value: o, label: t(`visits.outcomes.${o}`) }))}
        onChange={(outcome) => set({ outcome })}
        style={FILTER_SELECT_STYLE}
      />
      <Space.Compact style={{ flex: '1 1 200px', maxWidth: 240 }}>
        <InputNumber
          min={1}
          max={5}
          step={0.5}
          placeholder={`${t('visits.records.scoreRange')} ${t('visits.records.minScore')}`}
          aria-label={`${t('visits.records.scoreRange')} ${t('visits.records.minScore')}`}
          value={value.minScore}
          onChange={(minScore) => set({ minScore: minScore ?? undefined })}
          style={{ width: '50%' }}
        />
        <InputNumber
          min={1}
          max={5}
          step={0.5}
          placeholder={t('visits.records.maxScore')}
          aria-label={`${t('visits.records.scoreRange')} ${t('visits.records.maxScore')}`}
          value={value.maxScore}
          onChange={(maxScore) => set({ maxScore: maxScore ?? undefined })}
          style={{ width: '50%' }}
        />
      </Space.Compact>
      <Select
        allowClear
        placeholder={t('visits.fields.items')}
        aria-label={t('visits.fields.items')}
        value={value.hasItems}
        options={[
          { value: 'true', label: t('visits.records.hasItems') },
          { value: 'false', label: t('visits.records.noItems') },
        ]}
        onChange={(hasItems) => set({ hasItems })}
        style={FILTER_SELECT_STYLE}
      />
    </FilterBar>
  );
}
