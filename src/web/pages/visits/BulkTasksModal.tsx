/**
 * Bulk assignment: choose households by building, resident role, tag or "not visited for N days", spread
 * them evenly among the chosen visitors, then show how many each visitor got.
 */
import { Alert, Descriptions, Form, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';
import { useBuildings } from '../../api/households';
import { RESIDENT_ROLES, useTags } from '../../api/residents';
import { useBulkCreateTasks, useVisitors, type BulkResult, type Method, type Reason } from '../../api/visits';
import { useShowError } from '../../lib/feedback';
import { TaskFields } from './TaskFields';

interface Values {
  communityId: number;
  buildingId?: number;
  role?: 'owner' | 'tenant' | 'merchant';
  tag?: string;
  notVisitedSinceDays?: number;
  assigneeIds: number[];
  reason: Reason;
  method: Method;
  dueDate: Dayjs;
  questionnaireId?: number;
  note?: string;
}

/** The building filter, loaded once a community is chosen. */
function BuildingItem({ communityId }: { communityId: number }) {
  const { t } = useTranslation();
  const buildings = useBuildings(communityId);
  return (
    <Form.Item name="buildingId" label={t('visits.tasks.filterBuilding')}>
      <Select allowClear options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: t('communities.buildingName', { name: b.name }) }))} />
    </Form.Item>
  );
}

interface Props {
  open: boolean;
  communities: Community[];
  defaultCommunityId?: number;
  onClose: () => void;
}

export function BulkTasksModal({ open, communities, defaultCommunityId, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const communityId = Form.useWatch('communityId', form);
  const tags = useTags(open);
  const { visitors } = useVisitors(communityId, open);
  const bulkCreate = useBulkCreateTasks();
  const showError = useShowError();
  const [result, setResult] = useState<BulkResult | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setResult(null);
    form.setFieldsValue({ communityId: defaultCommunityId ?? communities[0]?.id, reason: 'periodic', method: 'phone', dueDate: dayjs().add(7, 'day') });
  }, [open, form, defaultCommunityId, communities]);

  const submit = (values: Values) =>
    bulkCreate.mutate(
      {
        communityId: values.communityId,
        filter: { buildingId: values.buildingId, role: values.role, tag: values.tag, notVisitedSinceDays: values.notVisitedSinceDays ?? undefined },
        assigneeIds: values.assigneeIds,
        reason: values.reason,
        method: values.method,
        dueDate: values.dueDate.format('YYYY-MM-DD'),
        questionnaireId: values.questionnaireId ?? null,
        note: values.note ?? '',
      },
      { onSuccess: setResult, onError: (e) => showError(e, form) },
    );

  const visitorName = (id: number) => visitors.find((u) => u.id === id)?.displayName ?? `#${id}`;

  return (
    <Modal
      open={open}
      title={t('visits.tasks.bulkTitle')}
      okText={result ? t('common.close') : t('visits.tasks.bulkCreate')}
      onOk={() => (result ? onClose() : form.submit())}
      onCancel={onClose}
      cancelButtonProps={result ? { style: { display: 'none' } } : undefined}
      confirmLoading={bulkCreate.isPending}
      forceRender
    >
      {result ? (
        <div data-testid="bulk-result">
          <Alert type="success" showIcon title={t('visits.tasks.bulkResult', { created: result.created, skipped: result.skipped })} style={{ marginBottom: 16 }} />
          <Descriptions
            size="small"
            column={1}
            bordered
            title={t('visits.tasks.perAssignee')}
            items={result.perAssignee.map((p) => ({ key: p.assigneeId, label: visitorName(p.assigneeId), children: t('visits.tasks.taskCount', { count: p.count }) }))}
          />
        </div>
      ) : null}
      <Form<Values> form={form} name="bulkTasks" layout="vertical" onFinish={submit} style={result ? { display: 'none' } : undefined}>
        <Form.Item name="communityId" label={t('visits.fields.community')} rules={[{ required: true, message: t('visits.tasks.communityRequired') }]}>
          <Select
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldsValue({ buildingId: undefined, assigneeIds: [] })}
          />
        </Form.Item>
        {communityId ? <BuildingItem communityId={communityId} /> : null}
        <Form.Item name="role" label={t('visits.tasks.filterRole')}>
          <Select allowClear options={RESIDENT_ROLES.map((r) => ({ value: r, label: t(`residents.roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="tag" label={t('visits.tasks.filterTag')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(tags.data?.items ?? []).map((tag) => ({ value: tag.name, label: tag.name }))} />
        </Form.Item>
        <Form.Item name="notVisitedSinceDays" label={t('visits.tasks.notVisitedSinceDays')}>
          <InputNumber min={1} max={3650} suffix={t('visits.tasks.days')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="assigneeIds" label={t('visits.tasks.assignees')} rules={[{ required: true, message: t('visits.tasks.assigneesRequired') }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={visitors.map((u) => ({ value: u.id, label: u.displayName }))} />
        </Form.Item>
        <TaskFields communityId={communityId} />
      </Form>
    </Modal>
  );
}
