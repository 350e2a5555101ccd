/** Erases a resident's personal data for good (PIPL); the dialog says it cannot be undone and asks why. */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../shared/schemas/residents';
import { useEraseResident } from '../../api/residents';
import { useShowError } from '../../lib/feedback';

export function EraseResidentModal({ resident, onClose, onErased }: { resident: Resident | null; onClose: () => void; onErased: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const erase = useEraseResident();
  const showError = useShowError();

  useEffect(() => {
    if (resident) form.resetFields();
  }, [resident, form]);

  return (
    <Modal
      open={!!resident}
      title={t('residents.eraseTitle', { name: resident?.name ?? '' })}
      okText={t('residents.eraseConfirm')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={erase.isPending}
      forceRender
    >
      <Alert type="error" showIcon title={t('residents.eraseWarning')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          resident &&
          erase.mutate(
            { id: resident.id, reason },
            {
              onSuccess: () => {
                onClose();
                onErased();
              },
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('residents.eraseReason')}
          extra={t('residents.eraseReasonHint')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('residents.eraseReasonRequired') }]}
        >
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
