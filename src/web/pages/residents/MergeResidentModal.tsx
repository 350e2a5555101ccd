/** Folds a duplicate resident of the same household into this one. */
import { Alert, Form, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../shared/schemas/residents';
import { useMergeResidents } from '../../api/residents';
import { useShowError } from '../../lib/feedback';

interface Props {
  resident: Resident | null;
  /** Every resident of the household; the candidates are the others. */
  residents: Resident[];
  onClose: () => void;
}

export function MergeResidentModal({ resident, residents, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ duplicateId: number }>();
  const merge = useMergeResidents();
  const showError = useShowError();
  const candidates = residents.filter((r) => r.id !== resident?.id && !r.erased);

  useEffect(() => {
    if (resident) form.resetFields();
  }, [resident, form]);

  return (
    <Modal
      open={!!resident}
      title={t('residents.mergeTitle')}
      okText={t('residents.merge')}
      okButtonProps={{ disabled: candidates.length === 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={merge.isPending}
      forceRender
    >
      <Alert type="info" showIcon title={t('residents.mergeHint', { name: resident?.name ?? '' })} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        name="mergeResident"
        layout="vertical"
        onFinish={({ duplicateId }) =>
          resident && merge.mutate({ id: resident.id, duplicateId }, { onSuccess: onClose, onError: (e) => showError(e, form) })
        }
      >
        <Form.Item name="duplicateId" label={t('residents.mergePick')} rules={[{ required: true, message: t('residents.mergePickRequired') }]}>
          <Select
            notFoundContent={t('residents.mergeNone')}
            options={candidates.map((r) => ({
              value: r.id,
              label: [r.name, t(`residents.roles.${r.role}`), ...r.phones.map((p) => p.masked)].join(' · '),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
