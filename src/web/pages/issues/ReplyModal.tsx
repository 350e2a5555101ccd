/** 回复: what the resident was told, orally or in writing; the server marks it on time or late. */
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReplyBody } from '../../../shared/schemas/issues';
import { REPLY_MODES, useReplyToIssue } from '../../api/issues';
import { useShowError } from '../../lib/feedback';
import { ActionModal, type IssueModalProps } from './ActionModal';

export function ReplyModal({ issue, open, onClose }: IssueModalProps) {
  const { t } = useTranslation();
  const reply = useReplyToIssue();
  const showError = useShowError();
  return (
    <ActionModal<ReplyBody>
      open={open}
      title={t('issues.actions.reply')}
      testId="issue-reply-form"
      pending={reply.isPending}
      initialValues={{ mode: issue.replyMode }}
      onClose={onClose}
      onSubmit={(body, form) => reply.mutate({ id: issue.id, body }, { onSuccess: onClose, onError: (e) => showError(e, form) })}
    >
      <Form.Item name="mode" label={t('issues.fields.replyMode')}>
        <Radio.Group optionType="button" options={REPLY_MODES.map((m) => ({ value: m, label: t(`issues.replyModes.${m}`) }))} />
      </Form.Item>
      <Form.Item name="content" label={t('issues.reply.content')} rules={[{ required: true, whitespace: true, message: t('issues.reply.contentRequired') }]}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}
