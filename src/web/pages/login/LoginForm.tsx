/** Username/password form; a failed login shows the server's message above the fields. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoginBody, SessionResponse } from '../../../shared/schemas/auth';
import { useLogin } from '../../auth/session';

export function LoginForm({ form, onSuccess }: { form: FormInstance<LoginBody>; onSuccess: (session: SessionResponse) => void }) {
  const { t } = useTranslation();
  const login = useLogin();

  return (
    <Form<LoginBody>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => login.mutate(values, { onSuccess })}
      onValuesChange={() => login.error && login.reset()}
    >
      {login.error ? (
        <Alert type="error" showIcon title={login.error.message} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
        {t('auth.login')}
      </Button>
    </Form>
  );
}
