/**
 * 登记问题: an issue received by phone, WeChat, in person or online. The department defaults to the one the
 * category is routed to; praise names the staff or department praised.
 */
import { DatePicker, Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../shared/schemas/households';
import { useScopeCommunities } from '../../api/communities';
import { useDepartments } from '../../api/departments';
import { ENTRY_CHANNELS, ISSUE_PRIORITIES, REPLY_MODES, useCreateIssue, useIssueAssignees, useIssueCategories, type Issue } from '../../api/issues';
import { ITEM_KINDS, type ItemKind } from '../../api/visits';
import { AttachmentsInput, type UploadedFile } from '../../components/AttachmentsInput';
import { HouseholdSelect } from '../../components/HouseholdSelect';
import { useShowError } from '../../lib/feedback';

interface Values {
  kind: ItemKind;
  categoryId: number;
  description: string;
  communityId: number;
  householdId?: number;
  residentId?: number;
  channel: (typeof ENTRY_CHANNELS)[number];
  raisedAt?: Dayjs | null;
  replyMode: Issue['replyMode'];
  priority: Issue['priority'];
  departmentId?: number | null;
  assigneeId?: number | null;
  praisedUserId?: number | null;
  praisedDepartmentId?: number | null;
  attachments?: UploadedFile[];
}

interface Props {
  open: boolean;
  defaultCommunityId?: number;
  onClose: () => void;
  onCreated: (issue: Issue) => void;
}

export function IssueFormModal({ open, defaultCommunityId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [household, setHousehold] = useState<Household>();
  const kind = Form.useWatch('kind', form);
  const communityId = Form.useWatch('communityId', form);
  const categoryId = Form.useWatch('categoryId', form);
  const departmentId = Form.useWatch('departmentId', form);
  const categories = useIssueCategories();
  const communities = useScopeCommunities(open);
  const departments = useDepartments(open);
  const { staff, assignees } = useIssueAssignees(communityId, departmentId, open);
  const createIssue = useCreateIssue();
  const showError = useShowError();
  const category = categories.data?.find((c) => c.id === categoryId);
  const departmentOptions = (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }));

  const fallbackCommunityId = defaultCommunityId ?? communities.data?.items[0]?.id;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setHousehold(undefined);
  }, [open, form]);

  // The community list may arrive after the dialog opened; it must not reset what was typed meanwhile.
  useEffect(() => {
    if (open && fallbackCommunityId && !form.getFieldValue('communityId')) form.setFieldsValue({ communityId: fallbackCommunityId });
  }, [open, fallbackCommunityId, form]);

  const submit = ({ raisedAt, attachments, householdId, residentId, ...values }: Values) =>
    createIssue.mutate(
      {
        ...values,
        householdId: householdId ?? null,
        residentId: residentId ?? null,
        raisedAt: raisedAt ? raisedAt.format() : undefined,
        attachmentIds: (attachments ?? []).map((a) => a.id),
      },
      {
        onSuccess: (issue) => {
          onClose();
          onCreated(issue);
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('issues.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createIssue.isPending}
      okButtonProps={{ 'data-testid': 'issue-create-submit' } as ButtonProps}
      forceRender
    >
      <Form<Values>
        form={form}
        name="createIssue"
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'problem', channel: 'phone', replyMode: 'written', priority: 'normal' }}
        data-testid="issue-create-form"
      >
        <Form.Item name="kind" label={t('issues.fields.kind')}>
          <Radio.Group optionType="button" options={ITEM_KINDS.map((k) => ({ value: k, label: t(`visits.itemKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('issues.fields.category')} rules={[{ required: true, message: t('issues.form.categoryRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(id: number) => form.setFieldsValue({ departmentId: categories.data?.find((c) => c.id === id)?.departmentId ?? null, assigneeId: null })}
          />
        </Form.Item>
        <Form.Item name="description" label={t('issues.fields.description')} rules={[{ required: true, whitespace: true, message: t('issues.form.descriptionRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="communityId" label={t('issues.fields.community')} rules={[{ required: true, message: t('visits.tasks.communityRequired') }]}>
          <Select
            options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => {
              form.setFieldsValue({ householdId: undefined, residentId: undefined, assigneeId: null });
              setHousehold(undefined);
            }}
          />
        </Form.Item>
        <Form.Item name="householdId" label={t('issues.fields.household')}>
          <HouseholdSelect
            communityId={open ? communityId : undefined}
            allowClear
            onHousehold={(next) => {
              setHousehold(next);
              form.setFieldsValue({ residentId: undefined });
            }}
          />
        </Form.Item>
        {household ? (
          <Form.Item name="residentId" label={t('issues.fields.resident')}>
            <Select allowClear options={household.residents.filter((r) => !r.moveOutDate && !r.erased).map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="channel" label={t('issues.fields.channel')}>
          <Select options={ENTRY_CHANNELS.map((c) => ({ value: c, label: t(`issues.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item name="raisedAt" label={t('issues.fields.raisedAt')} extra={t('issues.form.raisedAtHint')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
            inputReadOnly
          />
        </Form.Item>
        <Form.Item name="replyMode" label={t('issues.fields.replyMode')} extra={t('issues.form.replyModeHint')}>
          <Radio.Group optionType="button" options={REPLY_MODES.map((m) => ({ value: m, label: t(`issues.replyModes.${m}`) }))} />
        </Form.Item>
        <Form.Item name="priority" label={t('issues.fields.priority')}>
          <Radio.Group optionType="button" options={ISSUE_PRIORITIES.map((p) => ({ value: p, label: t(`issues.priorities.${p}`) }))} />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={t('issues.fields.department')}
          extra={category?.departmentName ? t('issues.form.routedTo', { department: category.departmentName }) : undefined}
        >
          <Select allowClear options={departmentOptions} onChange={() => form.setFieldsValue({ assigneeId: null })} />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('issues.fields.assignee')} extra={t('issues.form.assigneeHint')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={assignees.map((u) => ({ value: u.id, label: u.displayName }))} />
        </Form.Item>
        {kind === 'praise' ? (
          <>
            <Form.Item name="praisedUserId" label={t('issues.fields.praisedUser')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={staff.map((u) => ({ value: u.id, label: u.displayName }))} />
            </Form.Item>
            <Form.Item name="praisedDepartmentId" label={t('issues.fields.praisedDepartment')}>
              <Select allowClear options={departmentOptions} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="attachments" label={t('issues.fields.attachments')}>
          <AttachmentsInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
