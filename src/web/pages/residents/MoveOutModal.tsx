/** Records the date a resident moved out; the resident stays on record, marked as moved out. */
import { DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../shared/schemas/residents';
import { useMoveOutResident } from '../../api/residents';
import { useShowError } from '../../lib/feedback';

export function MoveOutModal({ resident, onClose }: { resident: Resident | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ moveOutDate: Dayjs }>();
  const moveOut = useMoveOutResident();
  const showError = useShowError();

  useEffect(() => {
    if (resident) form.setFieldsValue({ moveOutDate: dayjs() });
  }, [resident, form]);

  return (
    <Modal
      open={!!resident}
      title={t('residents.moveOutTitle', { name: resident?.name ?? '' })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={moveOut.isPending}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ moveOutDate }) =>
          resident &&
          moveOut.mutate({ id: resident.id, moveOutDate: moveOutDate.format('YYYY-MM-DD') }, { onSuccess: onClose, onError: (e) => showError(e, form) })
        }
      >
        <Form.Item name="moveOutDate" label={t('residents.fields.moveOutDate')} rules={[{ required: true, message: t('residents.moveOutDateRequired') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
