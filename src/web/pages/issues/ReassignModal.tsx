/** 转派: give the issue to another department or person, saying why. */
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../api/departments';
import { useIssueAssignees, useUpdateIssue, type Issue } from '../../api/issues';
import { useShowError } from '../../lib/feedback';
import { ActionModal, type IssueModalProps } from './ActionModal';

interface Values {
  departmentId: number | null;
  assigneeId?: number | null;
  comment?: string;
}

/** Inside the form, so the assignee list follows the chosen department. */
function HandlerFields({ issue, open }: { issue: Issue; open: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const departmentId = Form.useWatch('departmentId', form);
  const departments = useDepartments(open);
  const { assignees } = useIssueAssignees(issue.communityId, departmentId, open);
  return (
    <>
      <Form.Item name="departmentId" label={t('issues.fields.department')} rules={[{ required: true, message: t('issues.reassign.departmentRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={() => form.setFieldsValue({ assigneeId: null })}
        />
      </Form.Item>
      {/* Kept in the form when hidden, so that a new department clears the assignee. */}
      <Form.Item name="assigneeId" label={t('issues.fields.assignee')} extra={t('issues.form.assigneeHint')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={assignees.map((u) => ({ value: u.id, label: u.displayName }))} />
      </Form.Item>
    </>
  );
}

export function ReassignModal({ issue, open, onClose }: IssueModalProps) {
  const { t } = useTranslation();
  const update = useUpdateIssue();
  const showError = useShowError();
  return (
    <ActionModal<Values>
      open={open}
      title={t('issues.actions.reassign')}
      testId="issue-reassign-form"
      pending={update.isPending}
      initialValues={{ departmentId: issue.departmentId, assigneeId: issue.assigneeId }}
      onClose={onClose}
      onSubmit={({ departmentId, assigneeId, comment }, form) =>
        update.mutate(
          { id: issue.id, body: { departmentId, assigneeId: assigneeId ?? null, comment: comment ?? '' } },
          { onSuccess: onClose, onError: (e) => showError(e, form) },
        )
      }
    >
      <HandlerFields issue={issue} open={open} />
      <Form.Item name="comment" label={t('issues.reassign.comment')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </ActionModal>
  );
}
