/** Create or edit a community and choose its supervisor; the code is fixed once created. */
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community, CommunityType } from '../../../shared/schemas/communities';
import type { User } from '../../../shared/schemas/users';
import { COMMUNITY_TYPES, useCreateCommunity, useUpdateCommunity } from '../../api/communities';
import { useShowError } from '../../lib/feedback';

interface Values {
  name: string;
  code: string;
  type: CommunityType;
  address: string;
  supervisorId?: number | null;
}

interface Props {
  open: boolean;
  community: Community | null;
  supervisors: User[];
  onClose: () => void;
}

export function CommunityFormModal({ open, community, supervisors, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateCommunity();
  const update = useUpdateCommunity();
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (community) form.setFieldsValue(community);
  }, [open, community, form]);

  const submit = (values: Values) => {
    const onError = (error: unknown) => showError(error, form);
    const supervisorId = values.supervisorId ?? null;
    if (community) {
      const { name, type, address } = values;
      update.mutate({ id: community.id, body: { name, type, address, supervisorId } }, { onSuccess: onClose, onError });
    } else {
      create.mutate({ ...values, supervisorId }, { onSuccess: onClose, onError });
    }
  };

  return (
    <Modal
      open={open}
      title={community ? t('communities.editTitle') : t('communities.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'residential', address: '' }}>
        <Form.Item name="name" label={t('communities.fields.name')} rules={[{ required: true, whitespace: true, message: t('communities.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('communities.fields.code')}
          extra={community ? undefined : t('communities.codeHint')}
          rules={[
            { required: true, message: t('communities.codeRequired') },
            { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('communities.codeFormat') },
          ]}
        >
          <Input disabled={!!community} maxLength={32} />
        </Form.Item>
        <Form.Item name="type" label={t('communities.fields.type')} rules={[{ required: true }]}>
          <Select options={COMMUNITY_TYPES.map((type) => ({ value: type, label: t(`communities.types.${type}`) }))} />
        </Form.Item>
        <Form.Item name="address" label={t('communities.fields.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="supervisorId" label={t('communities.fields.supervisor')} extra={t('communities.supervisorHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('communities.noSupervisor')}
            options={supervisors.map((u) => ({ value: u.id, label: `${u.displayName} · ${u.username}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
