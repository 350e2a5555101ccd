/** Correcting a submitted record: the changed texts and a required reason, kept in the record's history. */
import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCorrectRecord, type VisitRecord } from '../../api/visits';
import { useShowError } from '../../lib/feedback';

interface Values {
  reason: string;
  spokenTo: string;
  opinions: string;
  suggestions: string;
  improvementMeasures: string;
}

const TEXT_FIELDS = ['spokenTo', 'opinions', 'suggestions', 'improvementMeasures'] as const;

export function CorrectionModal({ record, open, onClose }: { record: VisitRecord; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const correct = useCorrectRecord();
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ spokenTo: record.spokenTo, opinions: record.opinions, suggestions: record.suggestions, improvementMeasures: record.improvementMeasures });
  }, [open, record, form]);

  const submit = (values: Values) => {
    // Only what changed is sent, so the history names exactly the corrected fields.
    const changed = Object.fromEntries(TEXT_FIELDS.filter((f) => (values[f] ?? '') !== record[f]).map((f) => [f, values[f] ?? '']));
    correct.mutate({ id: record.id, body: { reason: values.reason, ...changed } }, { onSuccess: onClose, onError: (e) => showError(e, form) });
  };

  return (
    <Modal
      open={open}
      title={t('visits.records.correctTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={correct.isPending}
      forceRender
    >
      <Form<Values> form={form} name="correctRecord" layout="vertical" onFinish={submit}>
        <Form.Item name="spokenTo" label={t('visits.fields.spokenTo')}>
          <Input maxLength={100} />
        </Form.Item>
        {(['opinions', 'suggestions', 'improvementMeasures'] as const).map((f) => (
          <Form.Item key={f} name={f} label={t(`visits.fields.${f}`)}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
        ))}
        <Form.Item
          name="reason"
          label={t('visits.records.correctReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('visits.records.correctReasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
