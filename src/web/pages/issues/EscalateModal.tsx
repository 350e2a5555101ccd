/** 上报: raise the issue one level (department head → community supervisor → management), saying why. */
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEscalateIssue } from '../../api/issues';
import { useShowError } from '../../lib/feedback';
import { ActionModal, type IssueModalProps } from './ActionModal';

export function EscalateModal({ issue, open, onClose }: IssueModalProps) {
  const { t } = useTranslation();
  const escalate = useEscalateIssue();
  const showError = useShowError();
  // The action is offered below the top level (3) only; the clamp keeps the hidden dialog's text valid.
  const next = Math.min(issue.escalationLevel + 1, 3);
  return (
    <ActionModal<{ comment: string }>
      open={open}
      title={t('issues.actions.escalate')}
      testId="issue-escalate-form"
      pending={escalate.isPending}
      onClose={onClose}
      onSubmit={(body, form) => escalate.mutate({ id: issue.id, body }, { onSuccess: onClose, onError: (e) => showError(e, form) })}
    >
      <Typography.Paragraph>{t('issues.escalate.to', { level: t(`issues.escalationLevels.${next}`), target: t(`issues.escalate.targets.${next}`) })}</Typography.Paragraph>
      <Form.Item name="comment" label={t('issues.escalate.comment')} rules={[{ required: true, whitespace: true, min: 2, message: t('issues.escalate.commentRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </ActionModal>
  );
}
