/** Forced password change: shown before anything else while `mustChangePassword` is set. */
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { homePath } from '../../auth/permissions';
import { useCurrentUser, useLogout } from '../../auth/session';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { LanguageSwitch } from '../../components/LanguageSwitch';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  if (!user.mustChangePassword) return <Navigate to={homePath(user.permissions)} replace />;

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <Flex justify="flex-end" gap={8} style={{ width: '100%' }}>
        <LanguageSwitch />
        <Button type="text" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}>
          {t('auth.logout')}
        </Button>
      </Flex>
      <Card style={{ width: '100%', maxWidth: 420, marginTop: '6vh' }}>
        <Typography.Title level={3}>{t('password.forcedTitle')}</Typography.Title>
        <Alert type="info" showIcon title={t('password.forcedHint', { name: user.displayName })} style={{ marginBottom: 16 }} />
        <ChangePasswordForm onDone={() => navigate(homePath(user.permissions), { replace: true })} />
      </Card>
    </Flex>
  );
}
