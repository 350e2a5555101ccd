/**
 * Record an improvement measure or edit one: what was done, about which service dimension or issue category, in
 * which community (or the whole company, for company-wide staff), from when, by whom and how far it is. The
 * community is fixed once recorded.
 */
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';
import type { MeasureStatus, MeasureTargetKind } from '../../../shared/schemas/improvements';
import { MEASURE_STATUSES, useCreateMeasure, useUpdateMeasure, type ImprovementMeasure } from '../../api/improvements';
import { useIssueCategories } from '../../api/issues';
import { useServiceDimensions } from '../../api/questionnaires';
import { useUsers } from '../../api/users';
import { useShowError } from '../../lib/feedback';

/** The community select's value for a company-wide measure. */
const COMPANY = 0;

interface Values {
  title: string;
  description?: string;
  communityId: number;
  targetKind: MeasureTargetKind;
  dimension?: string;
  categoryId?: number;
  startDate: Dayjs;
  endDate?: Dayjs | null;
  ownerId?: number | null;
  status: MeasureStatus;
}

interface Props {
  open: boolean;
  measure: ImprovementMeasure | null;
  communities: Community[];
  /** whether the caller sees the whole company (and so may record company-wide measures) */
  companyWide: boolean;
  canReadUsers: boolean;
  onClose: () => void;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export function MeasureFormModal({ open, measure, communities, companyWide, canReadUsers, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeasure();
  const update = useUpdateMeasure();
  const dimensions = useServiceDimensions();
  const categories = useIssueCategories();
  const users = useUsers({ status: 'active', limit: 200, offset: 0 }, open && canReadUsers);
  const showError = useShowError();
  const targetKind = Form.useWatch('targetKind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (measure) {
      form.setFieldsValue({
        title: measure.title,
        description: measure.description,
        communityId: measure.communityId ?? COMPANY,
        targetKind: measure.targetKind,
        dimension: measure.dimension ?? undefined,
        categoryId: measure.categoryId ?? undefined,
        startDate: dayjs(measure.startDate),
        endDate: measure.endDate ? dayjs(measure.endDate) : null,
        ownerId: measure.ownerId,
        status: measure.status,
      });
    } else {
      form.setFieldsValue({ targetKind: 'dimension', status: 'planned', communityId: communities.length === 1 && !companyWide ? communities[0].id : undefined });
    }
  }, [open, measure, form, communities, companyWide]);

  const submit = (v: Values) => {
    const target = v.targetKind === 'dimension' ? { kind: 'dimension' as const, dimension: v.dimension ?? '' } : { kind: 'category' as const, categoryId: v.categoryId ?? 0 };
    const fields = {
      title: v.title,
      description: v.description ?? '',
      target,
      startDate: day(v.startDate),
      endDate: v.endDate ? day(v.endDate) : null,
      ownerId: v.ownerId ?? null,
      status: v.status,
    };
    const options = { onSuccess: onClose, onError: (e: unknown) => showError(e, form) };
    if (measure) update.mutate({ id: measure.id, body: fields }, options);
    else create.mutate({ ...fields, communityId: v.communityId === COMPANY ? null : v.communityId }, options);
  };

  const communityOptions = [...(companyWide ? [{ value: COMPANY, label: t('improvements.companyWide') }] : []), ...communities.map((c) => ({ value: c.id, label: c.name }))];

  return (
    <Modal
      open={open}
      title={measure ? t('improvements.editTitle') : t('improvements.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <Form<Values> form={form} name="measure" layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={t('improvements.fields.title')} rules={[{ required: true, whitespace: true, message: t('improvements.required.title') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="communityId" label={t('improvements.fields.community')} extra={companyWide ? t('improvements.communityHint') : undefined} rules={[{ required: true, message: t('improvements.required.community') }]}>
          <Select disabled={!!measure} showSearch={{ optionFilterProp: 'label' }} options={communityOptions} />
        </Form.Item>
        <Form.Item name="targetKind" label={t('improvements.fields.targetKind')}>
          <Radio.Group optionType="button" options={(['dimension', 'category'] as const).map((k) => ({ value: k, label: t(`improvements.targetKinds.${k}`) }))} />
        </Form.Item>
        {targetKind === 'category' ? (
          <Form.Item name="categoryId" label={t('improvements.fields.category')} rules={[{ required: true, message: t('improvements.required.category') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={categories.isLoading} options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="dimension" label={t('improvements.fields.dimension')} rules={[{ required: true, message: t('improvements.required.dimension') }]}>
            <Select loading={dimensions.isLoading} options={(dimensions.data?.items ?? []).map((d) => ({ value: d.name, label: d.name }))} />
          </Form.Item>
        )}
        <Form.Item name="startDate" label={t('improvements.fields.startDate')} rules={[{ required: true, message: t('improvements.required.startDate') }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item
          name="endDate"
          label={t('improvements.fields.endDate')}
          dependencies={['startDate']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const start = getFieldValue('startDate') as Dayjs | undefined;
                return value && start && value.isBefore(start, 'day') ? Promise.reject(new Error(t('improvements.endBeforeStart'))) : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly allowClear />
        </Form.Item>
        {canReadUsers ? (
          <Form.Item name="ownerId" label={t('improvements.fields.owner')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={users.isLoading} options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="status" label={t('improvements.fields.status')}>
          <Radio.Group optionType="button" options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`improvements.statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('improvements.fields.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
