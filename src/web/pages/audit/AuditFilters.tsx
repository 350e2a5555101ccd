/**
 * Filters of the audit log: action, entity type, actor and a date range. The range is held as the server takes
 * it, from the start of its first day to the end of its last (Asia/Shanghai).
 */
import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FILTER_SEARCH_STYLE, FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';
import { useUsers } from '../../api/users';
import { useCan } from '../../auth/session';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditActionLabel } from './auditLabels';

export interface AuditFilterValues {
  action?: string;
  entityType?: string;
  actorId?: number;
  from?: string;
  to?: string;
}

export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (v: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const users = useUsers({ limit: 200, offset: 0 }, can('users.read'));

  return (
    <FilterBar>
      <Select
        allowClear
        placeholder={t('audit.fields.action')}
        aria-label={t('audit.fields.action')}
        value={value.action}
        options={AUDIT_ACTIONS.map((action) => ({ value: action, label: auditActionLabel(t, action) }))}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(action?: string) => onChange({ ...value, action })}
        style={FILTER_SELECT_STYLE}
      />
      <Select
        allowClear
        placeholder={t('audit.fields.entityType')}
        aria-label={t('audit.fields.entityType')}
        value={value.entityType}
        options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: t(`audit.entityTypes.${type}`) }))}
        onChange={(entityType) => onChange({ ...value, entityType })}
        style={FILTER_SELECT_STYLE}
      />
      {users.data ? (
        <Select
          allowClear
          placeholder={t('audit.fields.actor')}
          aria-label={t('audit.fields.actor')}
          value={value.actorId}
          showSearch={{ optionFilterProp: 'label' }}
          options={users.data.items.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
          onChange={(actorId) => onChange({ ...value, actorId })}
          style={FILTER_SELECT_STYLE}
        />
      ) : null}
      <DatePicker.RangePicker
        aria-label={t('audit.fields.range')}
        value={value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null}
        onChange={(range) => onChange({ ...value, from: range?.[0]?.startOf('day').format(), to: range?.[1]?.endOf('day').format() })}
        allowEmpty={[true, true]}
        style={FILTER_SEARCH_STYLE}
      />
    </FilterBar>
  );
}
