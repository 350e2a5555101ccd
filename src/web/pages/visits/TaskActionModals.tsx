/** Reassigning a task to another visitor, and cancelling it with a reason. */
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelTask, useUpdateTask, useVisitors, type VisitTask } from '../../api/visits';
import { useShowError } from '../../lib/feedback';

interface Props {
  task: VisitTask | null;
  onClose: () => void;
}

export function ReassignModal({ task, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ assigneeId: number | null }>();
  const { visitors } = useVisitors(task?.communityId, !!task);
  const updateTask = useUpdateTask();
  const showError = useShowError();

  useEffect(() => {
    if (task) form.setFieldsValue({ assigneeId: task.assigneeId });
  }, [task, form]);

  return (
    <Modal
      open={!!task}
      title={t('visits.tasks.reassignTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={updateTask.isPending}
      forceRender
    >
      <Form
        form={form}
        name="reassignTask"
        layout="vertical"
        onFinish={({ assigneeId }) => updateTask.mutate({ id: task!.id, body: { assigneeId: assigneeId ?? null } }, { onSuccess: onClose, onError: (e) => showError(e, form) })}
      >
        <Form.Item name="assigneeId" label={t('visits.fields.assignee')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={visitors.map((u) => ({ value: u.id, label: u.displayName }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CancelTaskModal({ task, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const cancelTask = useCancelTask();
  const showError = useShowError();

  useEffect(() => {
    if (task) form.resetFields();
  }, [task, form]);

  return (
    <Modal
      open={!!task}
      title={t('visits.tasks.cancelTitle')}
      okText={t('visits.tasks.cancel')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={cancelTask.isPending}
      forceRender
    >
      <Form form={form} name="cancelTask" layout="vertical" onFinish={({ reason }) => cancelTask.mutate({ id: task!.id, reason }, { onSuccess: onClose, onError: (e) => showError(e, form) })}>
        <Form.Item
          name="reason"
          label={t('visits.tasks.cancelReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('visits.tasks.cancelReasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
