/** Audit log page: who did what, when and from where, with before/after of each change; filters in the address. */
import { useTranslation } from 'react-i18next';
import { AuditQuery, type AuditEntry } from '../../../shared/schemas/audit';
import { useAuditLog } from '../../api/audit';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { AuditChanges } from './AuditChanges';
import { AuditFilters } from './AuditFilters';
import { auditColumns } from './auditColumns';

const LIST = listSpec({ schema: AuditQuery, keys: ['action', 'entityType', 'actorId', 'from', 'to'] });

export function AuditPage() {
  const { t } = useTranslation();
  const list = useListParams(LIST);
  const log = useAuditLog({ ...list.filters, limit: list.limit, offset: list.offset, cursor: list.cursor });

  return (
    <ListPage<AuditEntry>
      title={t('nav.audit')}
      filters={<AuditFilters value={list.filters} onChange={list.setFilters} />}
      query={log}
      pagination={list.pagination}
      columns={auditColumns(t)}
      table={{
        expandable: {
          expandedRowRender: (entry) => <AuditChanges entry={entry} />,
          rowExpandable: (entry) => !!(entry.before || entry.after),
        },
      }}
    />
  );
}
