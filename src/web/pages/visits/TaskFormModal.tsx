/** Create one visit task: find the household by room or name, then who, why, how and by when. */
import { Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';
import type { Household } from '../../../shared/schemas/households';
import { useCreateTask, useVisitors, type Method, type Reason } from '../../api/visits';
import { HouseholdSelect } from '../../components/HouseholdSelect';
import { useShowError } from '../../lib/feedback';
import { TaskFields } from './TaskFields';

interface Values {
  communityId: number;
  householdId: number;
  residentId?: number;
  assigneeId?: number;
  reason: Reason;
  method: Method;
  dueDate: Dayjs;
  questionnaireId?: number;
  note?: string;
}

interface Props {
  open: boolean;
  communities: Community[];
  defaultCommunityId?: number;
  onClose: () => void;
}

export function TaskFormModal({ open, communities, defaultCommunityId, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [household, setHousehold] = useState<Household>();
  const communityId = Form.useWatch('communityId', form);
  const { visitors } = useVisitors(communityId, open);
  const createTask = useCreateTask();
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setHousehold(undefined);
    form.setFieldsValue({ communityId: defaultCommunityId ?? communities[0]?.id, reason: 'periodic', method: 'phone', dueDate: dayjs() });
  }, [open, form, defaultCommunityId, communities]);

  const submit = (values: Values) =>
    createTask.mutate(
      {
        householdId: values.householdId,
        residentId: values.residentId ?? null,
        assigneeId: values.assigneeId ?? null,
        reason: values.reason,
        method: values.method,
        dueDate: values.dueDate.format('YYYY-MM-DD'),
        questionnaireId: values.questionnaireId ?? null,
        note: values.note ?? '',
      },
      { onSuccess: onClose, onError: (e) => showError(e, form) },
    );

  return (
    <Modal
      open={open}
      title={t('visits.tasks.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createTask.isPending}
      forceRender
    >
      <Form<Values> form={form} name="createTask" layout="vertical" onFinish={submit}>
        <Form.Item name="communityId" label={t('visits.fields.community')} rules={[{ required: true, message: t('visits.tasks.communityRequired') }]}>
          <Select
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => {
              form.setFieldsValue({ householdId: undefined, residentId: undefined, assigneeId: undefined });
              setHousehold(undefined);
            }}
          />
        </Form.Item>
        <Form.Item name="householdId" label={t('visits.fields.household')} rules={[{ required: true, message: t('visits.tasks.householdRequired') }]}>
          <HouseholdSelect
            communityId={open ? communityId : undefined}
            onHousehold={(next) => {
              setHousehold(next);
              form.setFieldsValue({ residentId: undefined });
            }}
          />
        </Form.Item>
        <Form.Item name="residentId" label={t('visits.fields.resident')}>
          <Select allowClear options={(household?.residents ?? []).filter((r) => !r.moveOutDate && !r.erased).map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('visits.fields.assignee')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={visitors.map((u) => ({ value: u.id, label: u.displayName }))} />
        </Form.Item>
        <TaskFields communityId={communityId} />
      </Form>
    </Modal>
  );
}
