/** 预约: set or clear the agreed visit time of a task. */
import { DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateTask, type VisitTask } from '../../api/visits';
import { useShowError } from '../../lib/feedback';

export function AppointmentModal({ task, open, onClose }: { task: VisitTask; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ at: Dayjs }>();
  const updateTask = useUpdateTask();
  const showError = useShowError();

  useEffect(() => {
    if (open) form.setFieldsValue({ at: task.appointmentAt ? dayjs(task.appointmentAt) : undefined });
  }, [open, task.appointmentAt, form]);

  const save = (appointmentAt: string | null) =>
    updateTask.mutate({ id: task.id, body: { appointmentAt } }, { onSuccess: onClose, onError: (e) => showError(e, form) });

  return (
    <Modal
      open={open}
      title={t('visits.task.appointTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={updateTask.isPending}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {task.appointmentAt ? (
            <a onClick={() => save(null)} style={{ marginInlineEnd: 'auto', float: 'left', lineHeight: '40px' }}>
              {t('visits.task.clearAppointment')}
            </a>
          ) : null}
          <CancelBtn />
          <OkBtn />
        </>
      )}
      forceRender
    >
      <Form form={form} name="appointment" layout="vertical" onFinish={({ at }) => save(at.format())}>
        <Form.Item name="at" label={t('visits.task.appointAt')} rules={[{ required: true, message: t('visits.task.appointRequired') }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" size="large" style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </Form>
    </Modal>
  );
}
