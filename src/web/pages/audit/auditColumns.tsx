/** Column definitions of the audit log table. */
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../shared/schemas/audit';
import { formatDateTime } from '../../lib/format';
import { auditActionLabel, auditEntityText } from './auditLabels';

export function auditColumns(t: TFunction): TableColumnsType<AuditEntry> {
  return [
    { title: t('audit.fields.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at), width: 150 },
    { title: t('audit.fields.actor'), dataIndex: 'actorName', render: (name: string | null) => name ?? t('audit.system') },
    { title: t('audit.fields.action'), dataIndex: 'action', render: (action: string) => auditActionLabel(t, action) },
    { title: t('audit.fields.entity'), key: 'entity', render: (_, entry) => auditEntityText(t, entry) },
    { title: t('audit.fields.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
  ];
}
