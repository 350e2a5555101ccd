/** Folds a duplicate household of the same community into this one; the candidates are found by search. */
import { Alert, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../shared/schemas/households';
import { useCommunityHouseholds, useMergeHouseholds } from '../../api/households';
import { useShowError } from '../../lib/feedback';

const CANDIDATES = 20;

export function MergeHouseholdModal({ open, household, onClose }: { open: boolean; household: Household; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ duplicateId: number }>();
  const [q, setQ] = useState('');
  const candidates = useCommunityHouseholds(household.communityId, { q: q || undefined, limit: CANDIDATES, offset: 0 }, open);
  const merge = useMergeHouseholds();
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setQ('');
  }, [open, form]);

  const options = (candidates.data?.items ?? [])
    .filter((h) => h.id !== household.id)
    .map((h) => ({ value: h.id, label: [h.label, ...h.residents.map((r) => r.name)].join(' · ') }));

  return (
    <Modal
      open={open}
      title={t('households.mergeTitle')}
      okText={t('households.merge')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={merge.isPending}
      forceRender
    >
      <Alert type="info" showIcon title={t('households.mergeHint', { label: household.label })} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        name="mergeHousehold"
        layout="vertical"
        onFinish={({ duplicateId }) =>
          merge.mutate({ id: household.id, duplicateId }, { onSuccess: onClose, onError: (e) => showError(e, form) })
        }
      >
        <Form.Item name="duplicateId" label={t('households.mergePick')} rules={[{ required: true, message: t('households.mergePickRequired') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('households.searchPlaceholder')}
            loading={candidates.isFetching}
            options={options}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
