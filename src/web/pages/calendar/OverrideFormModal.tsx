/** Add an override: an extra holiday, an extra working day or a company rest day. A date has at most one. */
import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERRIDE_KINDS, useCreateOverride, type OverrideKind } from '../../api/calendar';
import { useShowError } from '../../lib/feedback';

interface Values {
  date: Dayjs;
  kind: OverrideKind;
  note?: string;
}

export function OverrideFormModal({ date, onClose }: { date: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateOverride();
  const showError = useShowError();

  useEffect(() => {
    if (date === null) return;
    form.resetFields();
    if (date) form.setFieldsValue({ date: dayjs(date) });
  }, [date, form]);

  return (
    <Modal
      open={date !== null}
      title={t('calendar.addOverride')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form<Values>
        form={form}
        name="calendarOverride"
        layout="vertical"
        initialValues={{ kind: 'holiday' }}
        onFinish={({ date: day, kind, note }) =>
          create.mutate({ date: day.format('YYYY-MM-DD'), kind, note: note ?? '' }, { onSuccess: onClose, onError: (e) => showError(e, form) })
        }
        data-testid="override-form"
      >
        <Form.Item name="date" label={t('calendar.fields.date')} rules={[{ required: true, message: t('calendar.dateRequired') }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.fields.kind')}>
          <Radio.Group optionType="button" options={OVERRIDE_KINDS.map((k) => ({ value: k, label: t(`calendar.overrideKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('calendar.fields.note')}>
          <Input maxLength={200} placeholder={t('calendar.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
