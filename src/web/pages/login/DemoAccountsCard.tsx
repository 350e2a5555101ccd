/** "演示账号": shown on the login page only when the server runs in demo mode. */
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDemoAccounts, type DemoAccount } from '../../api/system';

export function DemoAccountsCard({ onPick }: { onPick: (account: DemoAccount) => void }) {
  const { t } = useTranslation();
  const { data } = useDemoAccounts();
  if (!data || data.items.length === 0) return null;
  const passwords = new Set(data.items.map((a) => a.password));
  const sharedPassword = passwords.size === 1 ? data.items[0].password : null;

  return (
    <Card title={t('auth.demoAccounts')} size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('auth.demoHint')}
      </Typography.Paragraph>
      {sharedPassword ? (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {t('auth.password')}: <Typography.Text code copyable>{sharedPassword}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <Flex vertical>
        {data.items.map((account) => (
          <Flex key={account.username} align="center" justify="space-between" gap={8} style={{ paddingBlock: 4 }}>
            <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
              <Typography.Text code>{account.username}</Typography.Text>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`roles.builtin.${account.role}`, { defaultValue: account.role })}</Tag>
              {sharedPassword ? null : <Typography.Text type="secondary">{account.password}</Typography.Text>}
            </Flex>
            <Button size="small" type="link" onClick={() => onPick(account)} aria-label={`${t('auth.useAccount')} ${account.username}`}>
              {t('auth.useAccount')}
            </Button>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
