/** Column definitions of the audit log table. */
import { Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../shared/schemas/audit';
import { formatDateTime } from '../../lib/format';
import { auditActionLabel, auditEntityLabel } from './auditLabels';

export function auditColumns(t: TFunction): TableColumnsType<AuditEntry> {
  return [
    { title: t('audit.fields.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at), width: 150 },
    { title: t('audit.fields.actor'), dataIndex: 'actorName', render: (name: string | null) => name ?? t('audit.system') },
    {
      title: t('audit.fields.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <span title={action}>
          {auditActionLabel(t, action)}
          <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
            {action}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('audit.fields.entity'),
      key: 'entity',
      render: (_, entry) =>
        entry.entityType ? `${auditEntityLabel(t, entry.entityType)}${entry.entityId ? ' #' + entry.entityId : ''}` : '—',
    },
    { title: t('audit.fields.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
  ];
}
