/** Audit log page: who did what, when and from where, with before/after of each change. */
import { Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/schemas/audit';
import { useAuditLog } from '../../api/audit';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { usePagination } from '../../lib/pagination';
import { AuditChanges } from './AuditChanges';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { auditColumns } from './auditColumns';

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const pagination = usePagination();
  const [from, to] = filters.range ?? [null, null];
  const log = useAuditLog({
    action: filters.action,
    entityType: filters.entityType,
    actorId: filters.actorId,
    from: from ? from.startOf('day').format() : undefined,
    to: to ? to.endOf('day').format() : undefined,
    limit: pagination.limit,
    offset: pagination.offset,
  });

  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <PageCard>
        <AuditFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            pagination.reset();
          }}
        />
        <Table<AuditEntry>
          rowKey="id"
          columns={auditColumns(t)}
          dataSource={log.data?.items}
          loading={log.isFetching}
          pagination={pagination.table(log.data?.total)}
          expandable={{
            expandedRowRender: (entry) => <AuditChanges entry={entry} />,
            rowExpandable: (entry) => !!(entry.before || entry.after),
          }}
          scroll={{ x: 'max-content' }}
          size="middle"
        />
      </PageCard>
    </>
  );
}
