/**
 * The dialogs of status changes, as data: which fields each event asks for (a resolution with photos, a
 * reason, a rating, an adoption plan). "Start" needs no dialog.
 */
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransitionIssue, type Issue, type IssueEventName } from '../../api/issues';
import { AttachmentsInput, type UploadedFile } from '../../components/AttachmentsInput';
import { SatisfactionRate } from '../../components/SatisfactionRate';
import { useShowError } from '../../lib/feedback';
import { ActionModal } from './ActionModal';
import { actionLabelKey } from './issueActions';

/** "Start" needs no dialog; confirming is the resident's, in the confirmation visit; closing as unconfirmed is the system's. */
export type DialogEvent = Exclude<IssueEventName, 'start' | 'confirm' | 'close_unconfirmed'>;

interface EventForm {
  comment: 'required' | 'optional';
  rating?: true;
  plan?: true;
  attachments?: true;
  danger?: true;
}

const FORMS: Record<DialogEvent, EventForm> = {
  resolve: { comment: 'required', attachments: true },
  close: { comment: 'required' },
  reopen: { comment: 'required', danger: true },
  adopt: { comment: 'optional', plan: true },
  reject: { comment: 'required', danger: true },
  withdraw: { comment: 'required', danger: true },
  acknowledge: { comment: 'optional' },
};

interface Values {
  comment?: string;
  rating?: number;
  plan?: string;
  plannedDate?: Dayjs;
  attachments?: UploadedFile[];
}

export function TransitionModal({ issue, event, onClose }: { issue: Issue; event: DialogEvent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const transition = useTransitionIssue();
  const showError = useShowError();
  // The last event stays on screen while the dialog closes.
  const [shown, setShown] = useState<DialogEvent>(event ?? 'resolve');
  if (event && event !== shown) setShown(event);
  const form = FORMS[shown];
  const labelKey = actionLabelKey(issue, shown);

  return (
    <ActionModal<Values>
      open={!!event}
      title={t(`issues.actions.${labelKey}`)}
      testId="issue-transition-form"
      pending={transition.isPending}
      danger={form.danger}
      onClose={onClose}
      onSubmit={(values, instance) =>
        transition.mutate(
          {
            id: issue.id,
            body: {
              event: shown,
              comment: values.comment ?? '',
              rating: values.rating,
              plan: values.plan,
              plannedDate: values.plannedDate?.format('YYYY-MM-DD'),
              attachmentIds: (values.attachments ?? []).map((a) => a.id),
            },
          },
          { onSuccess: onClose, onError: (e) => showError(e, instance) },
        )
      }
    >
      {form.rating ? (
        <Form.Item name="rating" label={t('issues.fields.satisfaction')} rules={[{ required: true, message: t('visits.confirmation.ratingRequired') }]}>
          <SatisfactionRate />
        </Form.Item>
      ) : null}
      {form.plan ? (
        <>
          <Form.Item name="plan" label={t('issues.fields.adoptionPlan')} rules={[{ required: true, whitespace: true, message: t('issues.transition.planRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="plannedDate" label={t('issues.fields.adoptionPlannedDate')} rules={[{ required: true, message: t('issues.transition.plannedDateRequired') }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        name="comment"
        label={t(`issues.transition.comments.${labelKey}`)}
        rules={form.comment === 'required' ? [{ required: true, whitespace: true, message: t('issues.transition.commentRequired') }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {form.attachments ? (
        <Form.Item name="attachments" label={t('issues.transition.photos')}>
          <AttachmentsInput />
        </Form.Item>
      ) : null}
    </ActionModal>
  );
}
