/**
 * Items raised during the visit (problem, complaint, suggestion, need, praise), one card per row. The
 * category is one of the company's active issue categories, sent by name: each item becomes an issue.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIssueCategories } from '../../api/issues';
import { ITEM_KINDS } from '../../api/visits';

export function RecordItemsField() {
  const { t } = useTranslation();
  const categories = (useIssueCategories().data ?? []).map((c) => ({ value: c.name, label: c.name }));
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
              <Flex justify="end" style={{ marginBottom: 12, marginTop: -8 }}>
                <Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                  {t('visits.form.removeItem')}
                </Button>
              </Flex>
            </Card>
          ))}
          <Button type="dashed" size="large" block icon={<PlusOutlined />} onClick={() => add({ kind: 'problem' })}>
            {t('visits.form.addItem')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
