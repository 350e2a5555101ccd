/** One question in the editor: key, type, title, required, and the type's settings (dimension, options, show-if). */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Form, Input, Select, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuestionType } from '../../api/questionnaires';
import { CHOICE_TYPES, type QuestionDraft } from './questionForm';

const TYPES: readonly QuestionType[] = ['rating', 'nps', 'single', 'multiple', 'yesno', 'text'];

interface Props {
  name: number;
  index: number;
  count: number;
  dimensions: string[];
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

export function QuestionEditor({ name, index, count, dimensions, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const type = Form.useWatch(['questions', name, 'type'], form) as QuestionType | undefined;
  const all = (Form.useWatch('questions', form) ?? []) as QuestionDraft[];
  const earlier = all.slice(0, index).filter((q) => q?.key);

  return (
    <Card
      size="small"
      data-testid="question-editor"
      title={t('questionnaires.question.number', { n: index + 1 })}
      extra={
        <Space size={0}>
          <Tooltip title={t('questionnaires.question.moveUp')}>
            <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={t('questionnaires.question.moveUp')} />
          </Tooltip>
          <Tooltip title={t('questionnaires.question.moveDown')}>
            <Button type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={t('questionnaires.question.moveDown')} />
          </Tooltip>
          <Tooltip title={t('questionnaires.question.remove')}>
            <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('questionnaires.question.remove')} />
          </Tooltip>
        </Space>
      }
    >
      <Flex gap={8} wrap>
        <Form.Item
          name={[name, 'key']}
          label={t('questionnaires.question.key')}
          tooltip={t('questionnaires.question.keyHint')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('questionnaires.question.keyRequired') }]}
          style={{ flex: '1 1 140px' }}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name={[name, 'type']} label={t('questionnaires.question.type')} style={{ flex: '1 1 160px' }}>
          <Select options={TYPES.map((ty) => ({ value: ty, label: t(`questionnaires.types.${ty}`) }))} />
        </Form.Item>
      </Flex>
      <Form.Item name={[name, 'title']} label={t('questionnaires.question.title')} rules={[{ required: true, whitespace: true, message: t('questionnaires.question.titleRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Flex gap={16} wrap align="center">
        <Form.Item name={[name, 'required']} valuePropName="checked" style={{ marginBottom: 12 }}>
          <Checkbox>{t('questionnaires.question.required')}</Checkbox>
        </Form.Item>
        {type === 'rating' ? (
          <>
            <Form.Item name={[name, 'allowNotApplicable']} valuePropName="checked" style={{ marginBottom: 12 }}>
              <Checkbox>{t('questionnaires.question.allowNotApplicable')}</Checkbox>
            </Form.Item>
            <Form.Item name={[name, 'dimension']} label={t('questionnaires.question.dimension')} style={{ marginBottom: 12, minWidth: 160 }}>
              <Select allowClear options={dimensions.map((d) => ({ value: d, label: d }))} />
            </Form.Item>
          </>
        ) : null}
      </Flex>
      {type && CHOICE_TYPES.includes(type) ? (
        <Form.Item label={t('questionnaires.question.options')} required>
          <Form.List name={[name, 'options']}>
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={4}>
                    <Form.Item name={[field.name, 'value']} noStyle rules={[{ required: true }]}>
                      <Input placeholder={t('questionnaires.question.optionValue')} maxLength={40} style={{ width: '35%' }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'label']} noStyle rules={[{ required: true }]}>
                      <Input placeholder={t('questionnaires.question.optionLabel')} maxLength={100} style={{ flex: 1 }} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ value: '', label: '' })}>
                  {t('questionnaires.question.addOption')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      ) : null}
      {earlier.length > 0 ? (
        <Form.Item label={t('questionnaires.question.showIf')} tooltip={t('questionnaires.question.showIfHint')} style={{ marginBottom: 0 }}>
          <Flex gap={4} wrap>
            <Form.Item name={[name, 'showIf', 'question']} noStyle>
              <Select
                allowClear
                placeholder={t('questionnaires.question.showIfQuestion')}
                options={earlier.map((q) => ({ value: q.key, label: `${q.key} · ${q.title ?? ''}` }))}
                style={{ flex: '2 1 180px', minWidth: 0 }}
              />
            </Form.Item>
            <Form.Item name={[name, 'showIf', 'op']} noStyle>
              <Select
                placeholder={t('questionnaires.question.showIfOp')}
                options={(['lte', 'gte', 'eq', 'in'] as const).map((op) => ({ value: op, label: t(`questionnaires.question.ops.${op}`) }))}
                style={{ flex: '1 1 90px' }}
              />
            </Form.Item>
            <Form.Item name={[name, 'showIf', 'value']} noStyle>
              <Input placeholder={t('questionnaires.question.showIfValue')} style={{ flex: '1 1 90px' }} />
            </Form.Item>
          </Flex>
        </Form.Item>
      ) : null}
    </Card>
  );
}
