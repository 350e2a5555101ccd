/** Create a personal API token with an optional expiry. */
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../../shared/schemas/auth';
import { useCreateApiToken } from '../../api/auth';
import { useShowError } from '../../lib/feedback';

const EXPIRY_DAYS = [30, 90, 365] as const;

interface Values {
  name: string;
  expiresInDays: number | 'never';
}

export function CreateTokenModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (created: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiToken();
  const showError = useShowError();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = ({ name, expiresInDays }: Values) =>
    create.mutate(
      { name, expiresInDays: expiresInDays === 'never' ? null : expiresInDays },
      {
        onSuccess: (created) => {
          onClose();
          onCreated(created);
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('tokens.createTitle')}
      okText={t('tokens.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ expiresInDays: 90 }}>
        <Form.Item name="name" label={t('tokens.fields.name')} extra={t('tokens.nameHint')} rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.fields.expiry')}>
          <Select
            options={[
              ...EXPIRY_DAYS.map((days) => ({ value: days, label: t('tokens.expiresInDays', { count: days }) })),
              { value: 'never', label: t('tokens.never') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
