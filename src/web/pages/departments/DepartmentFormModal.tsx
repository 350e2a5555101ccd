/**
 * Create a department (工程部, 保洁部 …) or edit one: its name and its head (负责人), who receives the first
 * level of escalation of the department's overdue issues. The code is fixed once created.
 */
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/schemas/departments';
import { useCreateDepartment, useUpdateDepartment } from '../../api/departments';
import { useUsers } from '../../api/users';
import { useShowError } from '../../lib/feedback';

interface Values {
  name: string;
  code: string;
  headId?: number | null;
}

export function DepartmentFormModal({ open, department, onClose }: { open: boolean; department: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const users = useUsers({ status: 'active', limit: 200, offset: 0 }, open && !!department);
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (department) form.setFieldsValue(department);
  }, [open, department, form]);

  const submit = ({ name, code, headId }: Values) => {
    const options = { onSuccess: onClose, onError: (e: unknown) => showError(e, form) };
    if (department) update.mutate({ id: department.id, body: { name, headId: headId ?? null } }, options);
    else create.mutate({ name, code }, options);
  };

  return (
    <Modal
      open={open}
      title={department ? t('departments.editTitle') : t('departments.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<Values> form={form} name="department" layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('departments.fields.name')} rules={[{ required: true, whitespace: true, message: t('departments.nameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('departments.fields.code')}
          extra={department ? undefined : t('communities.codeHint')}
          rules={[
            { required: true, message: t('departments.codeRequired') },
            { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('communities.codeFormat') },
          ]}
        >
          <Input disabled={!!department} maxLength={32} />
        </Form.Item>
        {department ? (
          <Form.Item name="headId" label={t('departments.fields.head')} extra={t('departments.headHint')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('departments.noHead')}
              loading={users.isLoading}
              options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} · ${u.username}` }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
