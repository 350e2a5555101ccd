/** Add or edit an issue category: its name, the department its issues go to, working days to resolve, its place in lists. */
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/schemas/departments';
import { useCreateCategory, useUpdateCategory, type IssueCategory } from '../../api/issues';
import { useShowError } from '../../lib/feedback';

interface Values {
  name: string;
  departmentId?: number | null;
  resolveDays: number;
  position?: number;
}

interface Props {
  open: boolean;
  category: IssueCategory | null;
  departments: Department[];
  onClose: () => void;
}

export function CategoryFormModal({ open, category, departments, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (category) form.setFieldsValue(category);
  }, [open, category, form]);

  const submit = ({ departmentId, position, ...values }: Values) => {
    const options = { onSuccess: onClose, onError: (e: unknown) => showError(e, form) };
    if (category) update.mutate({ id: category.id, body: { ...values, departmentId: departmentId ?? null, position } }, options);
    else create.mutate({ ...values, departmentId: departmentId ?? null }, options);
  };

  return (
    <Modal
      open={open}
      title={category ? t('issueSettings.editCategory') : t('issueSettings.addCategory')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<Values> form={form} name="issueCategory" layout="vertical" onFinish={submit} initialValues={{ resolveDays: 7 }}>
        <Form.Item name="name" label={t('issueSettings.fields.name')} rules={[{ required: true, whitespace: true, message: t('issueSettings.nameRequired') }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('issueSettings.fields.department')} extra={t('issueSettings.departmentHint')}>
          <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="resolveDays" label={t('issueSettings.fields.resolveDays')} rules={[{ required: true, message: t('issueSettings.daysRequired') }]}>
          <InputNumber min={0} max={365} precision={0} suffix={t('issueSettings.workingDayUnit')} style={{ width: '100%' }} />
        </Form.Item>
        {category ? (
          <Form.Item name="position" label={t('issueSettings.fields.position')} extra={t('issueSettings.positionHint')}>
            <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
