/**
 * 指标目标: the company's KPI targets (regulation defaults 20 / 90 / 80 / 70), the satisfaction-rate target,
 * the near-target margin that colours a figure amber, and the weights of the satisfaction index.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useKpiTargets, useUpdateKpiTargets, type KpiTargets } from '../../api/kpis';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/feedback';

const PERCENTS = ['coverage', 'completion', 'resolution', 'adoption', 'satisfactionRate'] as const;

interface Values extends Omit<KpiTargets, 'dimensionWeights'> {
  weights: { dimension: string; weight: number }[];
}

export function KpiTargetsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const targets = useKpiTargets();
  const save = useUpdateKpiTargets();
  const showError = useShowError();

  useEffect(() => {
    if (!targets.data) return;
    const { dimensionWeights, ...rest } = targets.data;
    form.setFieldsValue({ ...rest, weights: Object.entries(dimensionWeights).map(([dimension, weight]) => ({ dimension, weight })) });
  }, [targets.data, form]);

  return (
    <>
      <PageHeader title={t('kpis.targets.title')} />
      <Card loading={targets.isLoading}>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 640 }}>
          {t('kpis.targets.intro')}
        </Typography.Paragraph>
        <Form<Values>
          form={form}
          name="kpiTargets"
          layout="vertical"
          style={{ maxWidth: 480 }}
          onFinish={({ weights, ...rest }) =>
            save.mutate(
              { ...rest, dimensionWeights: Object.fromEntries((weights ?? []).map((w) => [w.dimension.trim(), w.weight])) },
              { onSuccess: () => void message.success(t('kpis.targets.saved')), onError: (e) => showError(e, form) },
            )
          }
        >
          {PERCENTS.map((name) => (
            <Form.Item key={name} name={name} label={t(`kpis.targets.${name}`)} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} step={1} style={{ width: 160 }} suffix="%" />
            </Form.Item>
          ))}
          <Form.Item name="nearMargin" label={t('kpis.targets.nearMargin')} extra={t('kpis.targets.nearMarginHelp')} rules={[{ required: true }]}>
            <InputNumber min={0} max={50} step={1} style={{ width: 160 }} />
          </Form.Item>
          <Typography.Title level={5}>{t('kpis.targets.weights')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('kpis.targets.weightsHelp')}</Typography.Paragraph>
          <Form.List name="weights">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'dimension']} rules={[{ required: true, whitespace: true, max: 30 }]}>
                      <Input placeholder={t('kpis.targets.dimension')} aria-label={t('kpis.targets.dimension')} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]}>
                      <InputNumber min={0} max={100} placeholder={t('kpis.targets.weight')} aria-label={t('kpis.targets.weight')} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ dimension: '', weight: 1 })}>
                    {t('kpis.targets.addWeight')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('kpis.targets.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
