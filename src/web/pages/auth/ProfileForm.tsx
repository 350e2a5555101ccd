/** Display name and language of the logged-in user. */
import { App, Button, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/schemas/common';
import { useUpdateProfile } from '../../api/auth';
import { useCurrentUser } from '../../auth/session';
import { LANGUAGE_LABELS } from '../../components/LanguageSwitch';
import { LOCALES } from '../../i18n';
import { useShowError } from '../../lib/feedback';
import { useLanguage } from '../../lib/language';

interface Values {
  displayName: string;
  locale: Locale;
}

export function ProfileForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const update = useUpdateProfile();
  const showError = useShowError();
  const { language, setLanguage } = useLanguage();

  useEffect(() => {
    form.setFieldsValue({ displayName: user.displayName, locale: language });
  }, [user.displayName, language, form]);

  const submit = (values: Values) => {
    if (values.locale !== language) setLanguage(values.locale);
    if (values.displayName !== user.displayName) {
      update.mutate(
        { displayName: values.displayName },
        { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e, form) },
      );
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 480 }}>
      <Form.Item label={t('users.fields.username')}>
        <Input value={user.username} disabled />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.fields.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="locale" label={t('common.language')}>
        <Select options={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_LABELS[locale] }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
