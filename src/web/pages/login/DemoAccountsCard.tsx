/** "演示账号": shown on the login page only when the server runs in demo mode. */
import { Button, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDemoAccounts, type DemoAccount } from '../../api/system';

export function DemoAccountsCard({ onPick }: { onPick: (account: DemoAccount) => void }) {
  const { t } = useTranslation();
  const { data } = useDemoAccounts();
  if (!data || data.items.length === 0) return null;

  return (
    <Card title={t('auth.demoAccounts')} size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('auth.demoHint')}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={data.items}
        renderItem={(account) => (
          <List.Item
            actions={[
              <Button key="use" size="small" type="link" onClick={() => onPick(account)}>
                {t('auth.useAccount')}
              </Button>,
            ]}
          >
            <span>
              <Typography.Text code>{account.username}</Typography.Text>{' '}
              <Tag>{t(`roles.builtin.${account.role}`, { defaultValue: account.role })}</Tag>
            </span>
            <Typography.Text type="secondary" copyable>
              {account.password}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
