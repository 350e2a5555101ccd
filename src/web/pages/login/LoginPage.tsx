/** Login page: product name, language switch, login form and (in demo mode) the demo accounts. */
import { Card, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { LoginBody } from '../../../shared/schemas/auth';
import { FullPageSpin } from '../../auth/guards';
import { homePath } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { DemoAccountsCard } from './DemoAccountsCard';
import { LoginForm } from './LoginForm';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, isPending } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginBody>();
  // The page the user was sent here from; the bare address of the console asks for nothing in particular.
  const from = (location.state as { from?: string } | null)?.from;
  const asked = from && from !== '/' ? from : undefined;

  if (isPending) return <FullPageSpin />;
  if (user) return <Navigate to={user.mustChangePassword ? '/change-password' : (asked ?? homePath(user.permissions))} replace />;

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <Flex justify="flex-end" style={{ width: '100%' }}>
        <LanguageSwitch />
      </Flex>
      <div style={{ width: '100%', maxWidth: 400, marginTop: '6vh' }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={1} style={{ marginBottom: 4 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        <Card>
          <LoginForm form={form} onSuccess={(session) => navigate(asked ?? homePath(session.user.permissions), { replace: true })} />
        </Card>
        <DemoAccountsCard onPick={(account) => form.setFieldsValue({ username: account.username, password: account.password })} />
      </div>
    </Flex>
  );
}
