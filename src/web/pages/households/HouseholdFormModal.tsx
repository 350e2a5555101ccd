/** Add a household (building, unit, room) to a community, or edit one's area and status; the room is fixed once created. */
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../shared/schemas/households';
import { HOUSEHOLD_STATUSES, useCreateHousehold, useUpdateHousehold, type HouseholdStatus } from '../../api/households';
import { useShowError } from '../../lib/feedback';

interface Values {
  building: string;
  unit?: string;
  room: string;
  area?: number | null;
  status: HouseholdStatus;
}

interface Props {
  open: boolean;
  communityId: number;
  household: Household | null;
  onClose: () => void;
  onCreated?: (household: Household) => void;
}

export function HouseholdFormModal({ open, communityId, household, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateHousehold(communityId);
  const update = useUpdateHousehold();
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (household) {
      form.setFieldsValue({
        building: household.building,
        unit: household.unit ?? undefined,
        room: household.room,
        area: household.area,
        status: household.status,
      });
    }
  }, [open, household, form]);

  const submit = (values: Values) => {
    const onError = (error: unknown) => showError(error, form);
    const area = values.area ?? null;
    if (household) {
      update.mutate({ id: household.id, body: { area, status: values.status } }, { onSuccess: onClose, onError });
    } else {
      create.mutate(
        { building: values.building, unit: values.unit?.trim() || null, room: values.room, area, status: values.status },
        {
          onSuccess: (created) => {
            onClose();
            onCreated?.(created);
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={household ? t('households.editTitle') : t('households.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ status: 'occupied' }}>
        <Form.Item
          name="building"
          label={t('households.fields.building')}
          extra={household ? undefined : t('households.buildingHint')}
          rules={[{ required: true, whitespace: true, message: t('households.buildingRequired') }]}
        >
          <Input maxLength={20} disabled={!!household} />
        </Form.Item>
        <Form.Item name="unit" label={t('households.fields.unit')} extra={household ? undefined : t('households.unitHint')}>
          <Input maxLength={20} disabled={!!household} />
        </Form.Item>
        <Form.Item name="room" label={t('households.fields.room')} rules={[{ required: true, whitespace: true, message: t('households.roomRequired') }]}>
          <Input maxLength={20} disabled={!!household} />
        </Form.Item>
        <Form.Item name="area" label={t('households.fields.area')}>
          <InputNumber min={0.01} max={100000} step={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="status" label={t('households.fields.status')} rules={[{ required: true }]}>
          <Select options={HOUSEHOLD_STATUSES.map((status) => ({ value: status, label: t(`households.status.${status}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
