/** Create or edit a custom role; a built-in role opens read-only. */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/schemas/roles';
import type { Permission } from '../../../shared/schemas/permissions';
import { useCreateRole, usePermissionCatalogue, useUpdateRole } from '../../api/roles';
import { useShowError } from '../../lib/feedback';
import { useRoleName } from '../../lib/roleName';
import { PermissionChecklist } from './PermissionChecklist';

interface Values {
  name: string;
  description: string;
  permissions: Permission[];
}

export function RoleFormModal({ open, role, onClose }: { open: boolean; role: Role | null; onClose: () => void }) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const [form] = Form.useForm<Values>();
  const catalogue = usePermissionCatalogue();
  const createRole = useCreateRole();
  const updateRole = useUpdateRole();
  const showError = useShowError();
  const readOnly = !!role?.builtin;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (role) {
      form.setFieldsValue({
        name: roleName(role),
        description: role.description,
        permissions: role.permissions as Permission[],
      });
    }
  }, [open, role, form, roleName]);

  const submit = (values: Values) => {
    const onError = (error: unknown) => showError(error, form);
    if (role) updateRole.mutate({ id: role.id, body: values }, { onSuccess: onClose, onError });
    else createRole.mutate(values, { onSuccess: onClose, onError });
  };

  const title = readOnly ? t('roles.viewTitle') : role ? t('roles.editTitle') : t('roles.createTitle');
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      onOk={() => (readOnly ? onClose() : form.submit())}
      onCancel={onClose}
      okButtonProps={readOnly ? { style: { display: 'none' } } : undefined}
      cancelText={readOnly ? t('common.close') : t('common.cancel')}
      confirmLoading={createRole.isPending || updateRole.isPending}
      forceRender
    >
      {readOnly ? <Alert type="info" showIcon title={t('roles.builtinReadOnly')} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={readOnly} initialValues={{ description: '', permissions: [] }}>
        <Form.Item name="name" label={t('roles.fields.name')} rules={[{ required: true, whitespace: true, message: t('roles.nameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="description" label={t('roles.fields.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="permissions" label={t('roles.fields.permissions')}>
          <PermissionChecklist catalogue={catalogue.data?.items ?? []} disabled={readOnly} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
