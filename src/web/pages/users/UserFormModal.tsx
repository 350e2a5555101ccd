/**
 * Create or edit a staff account. The department is asked for handlers only; the community list is hidden
 * when the chosen role sees the whole company (`scope.company`).
 */
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';
import type { Department } from '../../../shared/schemas/departments';
import type { Role } from '../../../shared/schemas/roles';
import type { User } from '../../../shared/schemas/users';
import { useCreateUser, useUpdateUser } from '../../api/users';
import { useShowError } from '../../lib/feedback';
import { useRoleName } from '../../lib/roleName';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  roleId?: number;
  departmentId?: number | null;
  communityIds: number[];
}

interface Props {
  open: boolean;
  user: User | null;
  roles: Role[];
  departments: Department[];
  communities: Community[];
  onClose: () => void;
  onCreated: (user: User, temporaryPassword: string) => void;
}

export function UserFormModal({ open, user, roles, departments, communities, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const [form] = Form.useForm<Values>();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const showError = useShowError();
  const roleId = Form.useWatch('roleId', form);
  const role = roles.find((r) => r.id === roleId);
  const companyWide = !!role?.permissions.includes('scope.company');
  const needsDepartment = role?.key === 'handler';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        phone: user.phone ?? undefined,
        roleId: user.roleId,
        departmentId: user.departmentId,
        communityIds: user.communityIds,
      });
    }
  }, [open, user, form]);

  const submit = (values: Values) => {
    const body = {
      displayName: values.displayName,
      phone: values.phone?.trim() || null,
      roleId: values.roleId!,
      departmentId: needsDepartment ? (values.departmentId ?? null) : null,
      communityIds: companyWide ? [] : (values.communityIds ?? []),
    };
    const onError = (error: unknown) => showError(error, form);
    if (user) {
      updateUser.mutate({ id: user.id, body }, { onSuccess: onClose, onError });
    } else {
      createUser.mutate(
        { ...body, username: values.username },
        {
          onSuccess: (created) => {
            onClose();
            onCreated(created.user, created.temporaryPassword);
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle') : t('users.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createUser.isPending || updateUser.isPending}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ communityIds: [] }}>
        <Form.Item
          name="username"
          label={t('users.fields.username')}
          extra={user ? undefined : t('users.usernameHint')}
          rules={[
            { required: true, message: t('users.usernameRequired') },
            { pattern: /^[A-Za-z0-9._-]{2,64}$/, message: t('users.usernameFormat') },
          ]}
        >
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.fields.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.fields.phone')}>
          <Input maxLength={32} inputMode="tel" />
        </Form.Item>
        <Form.Item name="roleId" label={t('users.fields.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
          <Select options={roles.map((r) => ({ value: r.id, label: roleName(r) }))} />
        </Form.Item>
        {needsDepartment ? (
          <Form.Item name="departmentId" label={t('users.fields.department')}>
            <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        ) : null}
        {companyWide ? null : (
          <Form.Item name="communityIds" label={t('users.fields.communities')} extra={t('users.communitiesHint')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={communities.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
