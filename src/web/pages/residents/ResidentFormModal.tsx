/**
 * Add a resident to a household or edit one. Phones are a list of inputs; when editing, the stored numbers
 * are only known masked, so an empty list keeps them and any number entered replaces them all.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident, ResidentRole } from '../../../shared/schemas/residents';
import {
  CONTACT_METHODS,
  RESIDENT_ROLES,
  useCreateResident,
  useTags,
  useUpdateResident,
  type ContactMethod,
} from '../../api/residents';
import { useShowError } from '../../lib/feedback';

const MAX_PHONES = 5;

interface Values {
  name: string;
  role: ResidentRole;
  phones: string[];
  moveInDate?: Dayjs | null;
  tags: string[];
  preferredContact?: ContactMethod | null;
  doNotContact: boolean;
  doNotContactReason?: string;
  notes?: string;
}

interface Props {
  open: boolean;
  householdId: number;
  resident: Resident | null;
  onClose: () => void;
}

export function ResidentFormModal({ open, householdId, resident, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateResident(householdId);
  const update = useUpdateResident();
  const tags = useTags(open);
  const showError = useShowError();
  const doNotContact = Form.useWatch('doNotContact', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (resident) {
      form.setFieldsValue({
        name: resident.name,
        role: resident.role,
        phones: [],
        moveInDate: resident.moveInDate ? dayjs(resident.moveInDate) : null,
        tags: resident.tags,
        preferredContact: resident.preferredContact,
        doNotContact: resident.doNotContact,
        doNotContactReason: resident.doNotContactReason ?? undefined,
        notes: resident.notes,
      });
    }
  }, [open, resident, form]);

  const submit = (values: Values) => {
    const phones = (values.phones ?? []).map((p) => p?.trim()).filter((p): p is string => !!p);
    const body = {
      name: values.name,
      role: values.role,
      moveInDate: values.moveInDate ? values.moveInDate.format('YYYY-MM-DD') : null,
      tags: values.tags ?? [],
      preferredContact: values.preferredContact ?? null,
      doNotContact: values.doNotContact,
      doNotContactReason: values.doNotContact ? values.doNotContactReason?.trim() || null : null,
      notes: values.notes?.trim() ?? '',
    };
    const onError = (error: unknown) => showError(error, form);
    if (resident) {
      update.mutate({ id: resident.id, body: phones.length ? { ...body, phones } : body }, { onSuccess: onClose, onError });
    } else {
      create.mutate({ ...body, phones }, { onSuccess: onClose, onError });
    }
  };

  const keepHint = resident?.phones.length ? t('residents.phonesKeep', { phones: resident.phones.map((p) => p.masked).join('、') }) : undefined;

  return (
    <Modal
      open={open}
      title={resident ? t('residents.editTitle') : t('residents.addTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: 'owner', phones: [''], tags: [], doNotContact: false, notes: '' }}
      >
        <Form.Item name="name" label={t('residents.fields.name')} rules={[{ required: true, whitespace: true, message: t('residents.nameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="role" label={t('residents.fields.role')} rules={[{ required: true }]}>
          <Select options={RESIDENT_ROLES.map((role) => ({ value: role, label: t(`residents.roles.${role}`) }))} />
        </Form.Item>
        <Form.List name="phones">
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={t('residents.fields.phones')} extra={keepHint}>
              <Flex vertical gap={8}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="center">
                    <Form.Item name={field.name} noStyle>
                      <Input
                        inputMode="tel"
                        maxLength={40}
                        placeholder={t('residents.phonePlaceholder')}
                        aria-label={`${t('residents.fields.phones')} ${index + 1}`}
                      />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('residents.removePhone')} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                {fields.length < MAX_PHONES ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block>
                    {t('residents.addPhone')}
                  </Button>
                ) : null}
                <Form.ErrorList errors={errors} />
              </Flex>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="moveInDate" label={t('residents.fields.moveInDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="tags" label={t('residents.fields.tags')} extra={t('residents.tagsHint')}>
          <Select mode="tags" options={(tags.data?.items ?? []).map((tag) => ({ value: tag.name, label: tag.name }))} />
        </Form.Item>
        <Form.Item name="preferredContact" label={t('residents.fields.preferredContact')}>
          <Select allowClear options={CONTACT_METHODS.map((method) => ({ value: method, label: t(`residents.contact.${method}`) }))} />
        </Form.Item>
        <Form.Item name="doNotContact" label={t('residents.fields.doNotContact')} extra={t('residents.doNotContactHint')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {doNotContact ? (
          <Form.Item name="doNotContactReason" label={t('residents.fields.doNotContactReason')}>
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
        <Form.Item name="notes" label={t('residents.fields.notes')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
