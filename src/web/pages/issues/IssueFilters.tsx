/**
 * Filters above the issue lists, as data: each entry is a select with its options; a page chooses which
 * entries it shows. "仅未关闭" and the keyword search complete the bar.
 */
import { Checkbox, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScopeCommunities } from '../../api/communities';
import { useDepartments } from '../../api/departments';
import { DUE_FILTERS, ISSUE_STATUSES, useIssueAssignees, useIssueCategories, type IssueFilters as Filters } from '../../api/issues';
import { ITEM_KINDS } from '../../api/visits';
import { useCan } from '../../auth/session';
import { FILTER_SEARCH_STYLE, FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';

type SelectKey = 'status' | 'due' | 'kind' | 'categoryId' | 'communityId' | 'departmentId' | 'assigneeId' | 'escalated';
export type IssueFilterKey = SelectKey | 'open' | 'q';

interface SelectFilter {
  key: SelectKey;
  label: string;
  options: { value: string | number; label: string }[];
  /** Choosing this filter clears the ones that depend on it. */
  clears?: SelectKey[];
}

interface Props {
  value: Filters;
  onChange: (value: Filters) => void;
  keys: readonly IssueFilterKey[];
}

export function IssueFilters({ value, onChange, keys }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const categories = useIssueCategories(true);
  const communities = useScopeCommunities(can('communities.read') && keys.includes('communityId'));
  const departments = useDepartments(keys.includes('departmentId'));
  const { assignees } = useIssueAssignees(value.communityId, value.departmentId, keys.includes('assigneeId'));

  const selects: SelectFilter[] = [
    { key: 'status', label: t('issues.fields.status'), options: ISSUE_STATUSES.map((s) => ({ value: s, label: t(`issues.statuses.${s}`) })) },
    { key: 'due', label: t('issues.filters.due'), options: DUE_FILTERS.map((d) => ({ value: d, label: t(`issues.filters.dues.${d}`) })) },
    { key: 'kind', label: t('issues.fields.kind'), options: ITEM_KINDS.map((k) => ({ value: k, label: t(`visits.itemKinds.${k}`) })) },
    { key: 'categoryId', label: t('issues.fields.category'), options: (categories.data ?? []).map((c) => ({ value: c.id, label: c.name })) },
    {
      key: 'communityId',
      label: t('issues.fields.community'),
      options: (communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
      clears: ['assigneeId'],
    },
    {
      key: 'departmentId',
      label: t('issues.fields.department'),
      options: (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
      clears: ['assigneeId'],
    },
    { key: 'assigneeId' as const, label: t('issues.fields.assignee'), options: assignees.map((u) => ({ value: u.id, label: u.displayName })) },
    {
      key: 'escalated',
      label: t('issues.filters.escalated'),
      options: (['true', 'false'] as const).map((v) => ({ value: v, label: t(`issues.filters.escalatedValues.${v}`) })),
    },
  ];

  return (
    <FilterBar>
      {keys.includes('q') ? (
        <Input.Search
          key={value.q ?? ''}
          allowClear
          placeholder={t('issues.filters.q')}
          aria-label={t('issues.filters.q')}
          defaultValue={value.q}
          onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
          style={FILTER_SEARCH_STYLE}
          data-testid="issue-filter-q"
        />
      ) : null}
      {selects
        .filter((s) => keys.includes(s.key))
        .map((s) => (
          <Select
            key={s.key}
            allowClear
            placeholder={s.label}
            aria-label={s.label}
            value={value[s.key]}
            options={s.options}
            onChange={(next) => onChange({ ...value, ...Object.fromEntries((s.clears ?? []).map((k) => [k, undefined])), [s.key]: next })}
            showSearch={{ optionFilterProp: 'label' }}
            style={FILTER_SELECT_STYLE}
            data-testid={`issue-filter-${s.key}`}
          />
        ))}
      {keys.includes('open') ? (
        <Checkbox
          checked={value.open === 'true'}
          onChange={(e) => onChange({ ...value, open: e.target.checked ? 'true' : undefined })}
          style={{ alignSelf: 'center' }}
          data-testid="issue-filter-open"
        >
          {t('issues.filters.open')}
        </Checkbox>
      ) : null}
    </FilterBar>
  );
}
