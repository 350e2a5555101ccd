/** Expanded audit row: the entity before and after the change, as JSON. */
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/schemas/audit';

function JsonBlock({ title, value }: { title: string; value: AuditEntry['before'] }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre style={{ margin: '4px 0 0', padding: 8, background: 'rgba(0,0,0,0.03)', borderRadius: 6, overflowX: 'auto', fontSize: 12 }}>
        {value ? JSON.stringify(value, null, 2) : t('audit.empty')}
      </pre>
    </>
  );
}

export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 8]}>
      <Col xs={24} md={12}>
        <JsonBlock title={t('audit.before')} value={entry.before} />
      </Col>
      <Col xs={24} md={12}>
        <JsonBlock title={t('audit.after')} value={entry.after} />
      </Col>
    </Row>
  );
}
