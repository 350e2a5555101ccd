/** Create a department (工程部, 保洁部 …). */
import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateDepartmentBody } from '../../../shared/schemas/communities';
import { useCreateDepartment } from '../../api/communities';
import { useShowError } from '../../lib/feedback';

export function DepartmentFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateDepartmentBody>();
  const create = useCreateDepartment();
  const showError = useShowError();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <Modal
      open={open}
      title={t('departments.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form<CreateDepartmentBody>
        form={form}
        layout="vertical"
        onFinish={(values) => create.mutate(values, { onSuccess: onClose, onError: (e) => showError(e, form) })}
      >
        <Form.Item name="name" label={t('departments.fields.name')} rules={[{ required: true, whitespace: true, message: t('departments.nameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('departments.fields.code')}
          extra={t('communities.codeHint')}
          rules={[
            { required: true, message: t('departments.codeRequired') },
            { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('communities.codeFormat') },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
