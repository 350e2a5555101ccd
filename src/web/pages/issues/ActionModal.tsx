/**
 * The dialog every issue action uses: a vertical form, OK submits it, the form is emptied each time it
 * opens. `testId` names the form (`data-testid`) and its OK button (`<testId>-submit`) for browser tests.
 */
import { Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../api/issues';

interface Props<V> {
  open: boolean;
  title: string;
  testId: string;
  pending: boolean;
  danger?: boolean;
  initialValues?: Partial<V>;
  onClose: () => void;
  onSubmit: (values: V, form: FormInstance<V>) => void;
  children: ReactNode;
}

export function ActionModal<V extends object>({ open, title, testId, pending, danger, initialValues, onClose, onSubmit, children }: Props<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ danger, 'data-testid': `${testId}-submit` } as ButtonProps}
      forceRender
    >
      <Form<V> form={form} name={testId} layout="vertical" initialValues={initialValues} onFinish={(values) => onSubmit(values, form)} data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}

/** What every issue action dialog receives. */
export interface IssueModalProps {
  issue: Issue;
  open: boolean;
  onClose: () => void;
}
