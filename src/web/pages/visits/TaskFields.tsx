/** Reason, method, due date, questionnaire and note: the fields a single and a bulk task have in common. */
import { DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuestionnaires } from '../../api/questionnaires';
import { PLANNED_VISIT_REASONS, VISIT_METHODS } from '../../api/visits';

export function TaskFields({ communityId }: { communityId?: number }) {
  const { t } = useTranslation();
  const questionnaires = useQuestionnaires({ communityId, status: 'active', limit: 200, offset: 0 }, !!communityId);
  return (
    <>
      <Form.Item name="reason" label={t('visits.fields.reason')} rules={[{ required: true, message: t('visits.tasks.reasonRequired') }]}>
        <Select options={PLANNED_VISIT_REASONS.map((r) => ({ value: r, label: t(`visits.reasons.${r}`) }))} />
      </Form.Item>
      <Form.Item name="method" label={t('visits.fields.method')} rules={[{ required: true, message: t('visits.tasks.methodRequired') }]}>
        <Select options={VISIT_METHODS.map((m) => ({ value: m, label: t(`visits.methods.${m}`) }))} />
      </Form.Item>
      <Form.Item name="dueDate" label={t('visits.fields.dueDate')} rules={[{ required: true, message: t('visits.tasks.dueDateRequired') }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="questionnaireId" label={t('visits.fields.questionnaire')} extra={t('visits.tasks.defaultQuestionnaire')}>
        <Select allowClear options={(questionnaires.data?.items ?? []).map((q) => ({ value: q.id, label: q.name }))} />
      </Form.Item>
      <Form.Item name="note" label={t('visits.fields.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}
