/**
 * Items raised during the visit (problem, complaint, suggestion, need, praise), one card per row. The
 * category is one of the company's active issue categories, sent by name: each item becomes an issue. Each
 * item says how the resident is to be answered (written, or oral the same working day); a visitor allowed to
 * (issues.reply_on_visit) records the oral answer given on the spot, which meets the reply deadline at once.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIssueCategories } from '../../api/issues';
import { ITEM_KINDS } from '../../api/visits';
import { useCan } from '../../auth/session';

export function RecordItemsField() {
  const { t } = useTranslation();
  const categories = (useIssueCategories().data ?? []).map((c) => ({ value: c.name, label: c.name }));
  const canReply = useCan()('issues.reply_on_visit');
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Card key={field.key} size="small" data-testid="record-item" styles={{ body: { paddingBottom: 0 } }}>
              <Flex gap={8} wrap>
                <Form.Item name={[field.name, 'kind']} label={t('visits.form.itemKind')} style={{ flex: '1 1 120px' }}>
                  <Select size="large" options={ITEM_KINDS.map((k) => ({ value: k, label: t(`visits.itemKinds.${k}`) }))} aria-label={`${t('visits.form.itemKind')} ${index + 1}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'category']}
                  label={t('visits.form.itemCategory')}
                  rules={[{ required: true, message: t('visits.form.itemCategoryRequired') }]}
                  style={{ flex: '1 1 120px' }}
                >
                  <Select size="large" options={categories} aria-label={`${t('visits.form.itemCategory')} ${index + 1}`} />
                </Form.Item>
              </Flex>
              <Form.Item
                name={[field.name, 'description']}
                label={t('visits.form.itemDescription')}
                rules={[{ required: true, whitespace: true, message: t('visits.form.itemDescriptionRequired') }]}
              >
                <Input.TextArea rows={2} maxLength={2000} aria-label={`${t('visits.form.itemDescription')} ${index + 1}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'replyMode']} label={t('visits.form.itemReplyMode')} initialValue="written">
                <Radio.Group
                  optionType="button"
                  options={(['written', 'oral'] as const).map((m) => ({ value: m, label: t(`issues.replyModes.${m}`) }))}
                  aria-label={`${t('visits.form.itemReplyMode')} ${index + 1}`}
                  data-testid="record-item-reply-mode"
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.items?.[field.name]?.replyMode !== b.items?.[field.name]?.replyMode}>
                {({ getFieldValue }) =>
                  canReply && getFieldValue(['items', field.name, 'replyMode']) === 'oral' ? (
                    <Form.Item name={[field.name, 'reply']} label={t('visits.form.itemReply')} extra={t('visits.form.itemReplyHint')}>
                      <Input.TextArea rows={2} maxLength={2000} aria-label={`${t('visits.form.itemReply')} ${index + 1}`} data-testid="record-item-reply" />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              <Flex justify="end" style={{ marginBottom: 12, marginTop: -8 }}>
                <Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                  {t('visits.form.removeItem')}
                </Button>
              </Flex>
            </Card>
          ))}
          <Button type="dashed" size="large" block icon={<PlusOutlined />} onClick={() => add({ kind: 'problem', replyMode: 'written' })}>
            {t('visits.form.addItem')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
