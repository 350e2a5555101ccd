/**
 * 时限设置: reply, reminder, escalation and confirmation deadlines (working days unless said otherwise), where the
 * complainant's follow-up period starts, and what happens when a confirmation visit cannot reach the resident.
 */
import { App, Button, Card, Form, InputNumber, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useIssueSettings, useSaveIssueSettings, type IssueSettings } from '../../api/issues';
import { useShowError } from '../../lib/feedback';

/** The fields of IssueSettings with their bounds (as in the schema) and unit. */
const FIELDS: readonly { name: keyof IssueSettings; min: number; max: number; unit: 'workingDayUnit' | 'calendarDayUnit' }[] = [
  { name: 'oralReplyDays', min: 0, max: 30, unit: 'workingDayUnit' },
  { name: 'writtenReplyDays', min: 0, max: 30, unit: 'workingDayUnit' },
  { name: 'reminderLeadDays', min: 0, max: 10, unit: 'workingDayUnit' },
  { name: 'escalationStepDays', min: 1, max: 30, unit: 'workingDayUnit' },
  { name: 'confirmationDays', min: 0, max: 30, unit: 'workingDayUnit' },
  { name: 'complainantFollowUpDays', min: 0, max: 90, unit: 'calendarDayUnit' },
];

/** The settings that are a choice, with their options (as in the schema). */
const CHOICES: readonly { name: 'complainantFollowUpFrom' | 'unconfirmedAction'; options: readonly string[] }[] = [
  { name: 'complainantFollowUpFrom', options: ['resolved', 'closed'] },
  { name: 'unconfirmedAction', options: ['escalate', 'close'] },
];

export function DeadlineSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueSettings>();
  const settings = useIssueSettings();
  const save = useSaveIssueSettings();
  const showError = useShowError();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  return (
    <Card title={t('issueSettings.deadlines')} loading={settings.isLoading}>
      <Form<IssueSettings>
        form={form}
        name="issueSettings"
        layout="vertical"
        style={{ maxWidth: 480 }}
        onFinish={(values) => save.mutate(values, { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e, form) })}
      >
        {FIELDS.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={t(`issueSettings.fields.${f.name}`)}
            extra={t(`issueSettings.hints.${f.name}`)}
            rules={[{ required: true, message: t('issueSettings.daysRequired') }]}
          >
            <InputNumber min={f.min} max={f.max} precision={0} suffix={t(`issueSettings.${f.unit}`)} style={{ width: 200 }} />
          </Form.Item>
        ))}
        {CHOICES.map((c) => (
          <Form.Item key={c.name} name={c.name} label={t(`issueSettings.fields.${c.name}`)} extra={t(`issueSettings.hints.${c.name}`)}>
            <Radio.Group data-testid={`issue-settings-${c.name}`}>
              {c.options.map((o) => (
                <Radio key={o} value={o} style={{ display: 'flex', marginBottom: 4 }}>
                  {t(`issueSettings.options.${c.name}.${o}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="issue-settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
