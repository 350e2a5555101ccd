/** 记录未接通: the result of a failed contact attempt (large radio buttons) and an optional note. */
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTEMPT_RESULTS, useLogAttempt, type AttemptResult } from '../../api/visits';
import { useShowError } from '../../lib/feedback';

interface Values {
  result: AttemptResult;
  note?: string;
}

export function AttemptModal({ taskId, open, onClose }: { taskId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const logAttempt = useLogAttempt();
  const showError = useShowError();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = (values: Values) =>
    logAttempt.mutate({ id: taskId, body: { result: values.result, note: values.note ?? '' } }, { onSuccess: onClose, onError: (e) => showError(e, form) });

  return (
    <Modal
      open={open}
      title={t('visits.task.attemptTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={logAttempt.isPending}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      forceRender
    >
      <Alert type="info" showIcon title={t('visits.task.attemptHint')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} name="attempt" layout="vertical" onFinish={submit}>
        <Form.Item name="result" label={t('visits.task.attemptResult')} rules={[{ required: true, message: t('visits.task.resultRequired') }]}>
          <Radio.Group
            optionType="button"
            size="large"
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
            options={ATTEMPT_RESULTS.map((r) => ({ value: r, label: t(`visits.attemptResults.${r}`), style: { textAlign: 'center', borderRadius: 6 } }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('visits.task.attemptNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
