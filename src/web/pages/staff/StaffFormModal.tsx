/** Create or edit a staff member: name, phone, position, department, linked login account and communities. */
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';
import type { Department } from '../../../shared/schemas/departments';
import type { Staff } from '../../../shared/schemas/staff';
import type { User } from '../../../shared/schemas/users';
import { useCreateStaff, useUpdateStaff } from '../../api/staff';
import { useShowError } from '../../lib/feedback';

interface Values {
  name: string;
  phone?: string;
  position?: string;
  departmentId?: number | null;
  userId?: number | null;
  communityIds: number[];
}

interface Props {
  open: boolean;
  staff: Staff | null;
  departments: Department[];
  communities: Community[];
  users: User[];
  onClose: () => void;
}

export function StaffFormModal({ open, staff, departments, communities, users, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (staff) {
      form.setFieldsValue({
        name: staff.name,
        phone: staff.phone ?? undefined,
        position: staff.position,
        departmentId: staff.departmentId,
        userId: staff.userId,
        communityIds: staff.communityIds,
      });
    }
  }, [open, staff, form]);

  const submit = (values: Values) => {
    const body = {
      name: values.name,
      phone: values.phone?.trim() || null,
      position: values.position?.trim() ?? '',
      departmentId: values.departmentId ?? null,
      userId: values.userId ?? null,
      communityIds: values.communityIds ?? [],
    };
    const onError = (error: unknown) => showError(error, form);
    if (staff) update.mutate({ id: staff.id, body }, { onSuccess: onClose, onError });
    else create.mutate(body, { onSuccess: onClose, onError });
  };

  return (
    <Modal
      open={open}
      title={staff ? t('staff.editTitle') : t('staff.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ communityIds: [], position: '' }}>
        <Form.Item name="name" label={t('staff.fields.name')} rules={[{ required: true, whitespace: true, message: t('staff.nameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('staff.fields.phone')}>
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
        <Form.Item name="position" label={t('staff.fields.position')} extra={t('staff.positionHint')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('staff.fields.department')}>
          <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="userId" label={t('staff.fields.user')} extra={t('staff.userHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={users.map((u) => ({ value: u.id, label: `${u.displayName} · ${u.username}` }))}
          />
        </Form.Item>
        <Form.Item name="communityIds" label={t('staff.fields.communities')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={communities.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
