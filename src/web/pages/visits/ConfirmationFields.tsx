/**
 * 复访确认: on a confirmation visit the resident says whether the issue is really solved — if so, how they
 * rate the handling; if not, why (the issue is then reopened).
 */
import { Card, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SatisfactionRate } from '../../components/SatisfactionRate';

export function ConfirmationFields({ issueId }: { issueId: number | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const solved = Form.useWatch(['confirmation', 'solved'], form) as boolean | undefined;

  return (
    <Card
      size="small"
      title={t('visits.confirmation.title')}
      extra={issueId ? <Link to={`/issues/${issueId}`}>{t('visits.confirmation.viewIssue')}</Link> : null}
      data-testid="confirmation-block"
    >
      <Form.Item name={['confirmation', 'solved']} label={t('visits.confirmation.solved')} rules={[{ required: true, message: t('visits.confirmation.solvedRequired') }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          style={{ display: 'grid', gridTemplateColumns: '1fr 1fr' }}
          options={[
            { value: true, label: t('visits.form.yes'), style: { textAlign: 'center' } },
            { value: false, label: t('visits.form.no'), style: { textAlign: 'center' } },
          ]}
        />
      </Form.Item>
      {solved === true ? (
        <Form.Item name={['confirmation', 'rating']} label={t('visits.confirmation.rating')} rules={[{ required: true, message: t('visits.confirmation.ratingRequired') }]}>
          <SatisfactionRate />
        </Form.Item>
      ) : null}
      {solved === false ? (
        <Form.Item
          name={['confirmation', 'comment']}
          label={t('visits.confirmation.reason')}
          extra={t('visits.confirmation.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('visits.confirmation.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      ) : null}
    </Card>
  );
}
