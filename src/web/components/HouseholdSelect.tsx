/**
 * Find a household of one community by what staff type (room, name, phone digits). A Form input whose value
 * is the household id; `onHousehold` receives the whole household (its residents) when one is chosen.
 */
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../shared/schemas/households';
import { useCommunityHouseholds } from '../api/households';

interface Props {
  communityId: number | undefined;
  value?: number;
  onChange?: (value: number | undefined) => void;
  onHousehold?: (household: Household | undefined) => void;
  allowClear?: boolean;
}

export function HouseholdSelect({ communityId, value, onChange, onHousehold, allowClear }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const households = useCommunityHouseholds(communityId ?? 0, { q: q || undefined, limit: 20, offset: 0 }, !!communityId);
  const items = households.data?.items ?? [];

  // An emptied field (the form was reset) starts a new search.
  useEffect(() => {
    if (value === undefined) setQ('');
  }, [value]);

  return (
    <Select
      value={value}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('visits.tasks.householdSearch')}
      loading={households.isFetching}
      options={items.map((h) => ({
        value: h.id,
        label: h.residents.length ? `${h.label} · ${h.residents.map((r) => r.name).join('、')}` : h.label,
      }))}
      onChange={(id?: number) => {
        onChange?.(id);
        onHousehold?.(items.find((h) => h.id === id));
      }}
    />
  );
}
