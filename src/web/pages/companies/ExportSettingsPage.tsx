/**
 * 导出设置: the company's export cap — no cap (the default: only the server's ceiling applies) or at most so
 * many rows per export, never above the server's ceiling. Whoever manages roles sets it.
 */
import { App, Alert, Button, Card, Form, InputNumber, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useExportSettings, useSaveExportSettings } from '../../api/companies';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/feedback';

interface Values {
  mode: 'uncapped' | 'capped';
  maxRows?: number;
}

export function ExportSettingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const settings = useExportSettings();
  const save = useSaveExportSettings();
  const showError = useShowError();
  const mode = Form.useWatch('mode', form);
  const ceiling = settings.data?.serverMaxRows;
  const n = (v: number) => v.toLocaleString(i18n.language);

  useEffect(() => {
    if (settings.data) form.setFieldsValue({ mode: settings.data.maxRows === null ? 'uncapped' : 'capped', maxRows: settings.data.maxRows ?? undefined });
  }, [settings.data, form]);

  return (
    <>
      <PageHeader title={t('exportSettings.nav')} />
      <Card title={t('exportSettings.title')} loading={settings.isLoading}>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 640 }}>
          {t('exportSettings.intro')}
        </Typography.Paragraph>
        {settings.data ? (
          <Alert
            style={{ maxWidth: 640, marginBottom: 16 }}
            type="info"
            showIcon
            data-testid="export-settings-current"
            message={t('exportSettings.current', { value: settings.data.maxRows === null ? t('exportSettings.none', { ceiling: n(settings.data.serverMaxRows) }) : t('exportSettings.rows', { rows: n(settings.data.maxRows) }) })}
          />
        ) : null}
        <Form<Values>
          form={form}
          name="exportSettings"
          layout="vertical"
          style={{ maxWidth: 480 }}
          onFinish={(values) =>
            save.mutate(
              { maxRows: values.mode === 'capped' ? (values.maxRows ?? null) : null },
              { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e, form) },
            )
          }
        >
          <Form.Item name="mode">
            <Radio.Group data-testid="export-settings-mode">
              <Radio value="uncapped" style={{ display: 'flex', marginBottom: 4 }}>
                {t('exportSettings.uncapped')}
              </Radio>
              <Radio value="capped" style={{ display: 'flex' }}>
                {t('exportSettings.capped')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          {mode === 'capped' ? (
            <Form.Item
              name="maxRows"
              label={t('exportSettings.maxRows')}
              extra={ceiling ? t('exportSettings.ceiling', { ceiling: n(ceiling) }) : undefined}
              rules={[{ required: true, message: t('exportSettings.maxRowsRequired') }]}
            >
              <InputNumber min={1} max={ceiling} precision={0} suffix={t('exportSettings.rowsUnit')} style={{ width: 220 }} data-testid="export-settings-max-rows" />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="export-settings-save">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
