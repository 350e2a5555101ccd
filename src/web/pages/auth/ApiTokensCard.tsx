/** Personal API tokens: list, create (secret shown once) and revoke. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../shared/schemas/auth';
import { useApiTokens, useRevokeApiToken } from '../../api/auth';
import { SecretModal } from '../../components/SecretModal';
import { useShowError } from '../../lib/feedback';
import { formatDateTime } from '../../lib/format';
import { CreateTokenModal } from './CreateTokenModal';

export function ApiTokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [createOpen, setCreateOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.fields.name'), dataIndex: 'name' },
    { title: t('tokens.fields.prefix'), dataIndex: 'prefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
    { title: t('tokens.fields.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('tokens.fields.expiresAt'), dataIndex: 'expiresAt', render: (at: string | null) => (at ? formatDateTime(at) : t('tokens.never')) },
    { title: t('tokens.fields.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) => (
        <Popconfirm
          title={t('tokens.confirmRevoke', { name: token.name })}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            revoke.mutate(token.id, { onSuccess: () => void message.success(t('tokens.revoked')), onError: (e) => showError(e) })
          }
        >
          <Button type="link" size="small" danger>
            {t('tokens.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={t('tokens.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
          {t('tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.hint')}</Typography.Paragraph>
      <Table<ApiToken>
        rowKey="id"
        columns={columns}
        dataSource={tokens.data?.items}
        loading={tokens.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="small"
      />
      <CreateTokenModal open={createOpen} onClose={() => setCreateOpen(false)} onCreated={(created) => setSecret(created.secret)} />
      <SecretModal
        open={!!secret}
        title={t('tokens.createdTitle')}
        label={t('tokens.secret')}
        secret={secret ?? ''}
        warning={t('tokens.secretWarning')}
        onClose={() => setSecret(null)}
      />
    </Card>
  );
}
