/** 预计解决日期: what cannot be solved in time gets an expected date, and the resident is told. */
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSetExpectedDate } from '../../api/issues';
import { useShowError } from '../../lib/feedback';
import { ActionModal, type IssueModalProps } from './ActionModal';

interface Values {
  date: Dayjs;
  message: string;
}

export function ExpectedDateModal({ issue, open, onClose }: IssueModalProps) {
  const { t } = useTranslation();
  const setExpectedDate = useSetExpectedDate();
  const showError = useShowError();
  return (
    <ActionModal<Values>
      open={open}
      title={t('issues.actions.expectedDate')}
      testId="issue-expected-date-form"
      pending={setExpectedDate.isPending}
      initialValues={{ date: issue.expectedResolveDate ? dayjs(issue.expectedResolveDate) : undefined }}
      onClose={onClose}
      onSubmit={({ date, message }, form) =>
        setExpectedDate.mutate({ id: issue.id, body: { date: date.format('YYYY-MM-DD'), message } }, { onSuccess: onClose, onError: (e) => showError(e, form) })
      }
    >
      <Form.Item name="date" label={t('issues.fields.expectedResolveDate')} rules={[{ required: true, message: t('issues.expectedDate.dateRequired') }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item
        name="message"
        label={t('issues.expectedDate.message')}
        extra={t('issues.expectedDate.messageHint')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('issues.expectedDate.messageRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </ActionModal>
  );
}
