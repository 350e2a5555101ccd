/**
 * Current + new + confirm password form, used by the forced change screen and the profile page. The new
 * password is judged as it is typed by the same rules as the server's (src/shared/password-policy.ts), whose
 * estimator loads the first time the field is used, so the console's first page does not carry it.
 */
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPasswordChecker, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordVerdict } from '../../shared/password-policy';
import { useChangePassword, useCurrentUser } from '../auth/session';
import { useShowError } from '../lib/feedback';
import { PasswordStrength } from './PasswordStrength';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const user = useCurrentUser();
  const changePassword = useChangePassword();
  const showError = useShowError();
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);

  const judge = async (value: string) => {
    const check = await loadPasswordChecker();
    const result = check(value, { username: user.username, displayName: user.displayName, companyName: user.companyName });
    // A verdict for a value typed over in the meantime is stale.
    if (form.getFieldValue('newPassword') === value) setVerdict(result);
    return result;
  };

  const submit = (values: Values) =>
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          setVerdict(null);
          onDone();
        },
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off">
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={verdict ? <PasswordStrength verdict={verdict} /> : t('password.rule', { min: PASSWORD_MIN_LENGTH })}
        validateDebounce={250}
        rules={[
          { required: true, message: t('password.newRequired') },
          {
            validator: async (_, value: string | undefined) => {
              if (!value) {
                setVerdict(null);
                return;
              }
              const { problem } = await judge(value);
              if (problem) throw new Error(t(`password.problems.${problem}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }));
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" onFocus={() => void loadPasswordChecker()} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={changePassword.isPending} block>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
