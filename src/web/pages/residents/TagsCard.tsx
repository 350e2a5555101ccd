/** The company's resident tag vocabulary with counts; managers add tags, starting from the common ones. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateTag, useTags } from '../../api/residents';
import { useCan } from '../../auth/session';
import { useShowError } from '../../lib/feedback';

const SUGGESTED = ['livingAlone', 'limitedMobility', 'keyAttention', 'complained'] as const;

export function TagsCard() {
  const { t } = useTranslation();
  const can = useCan();
  const tags = useTags();
  const create = useCreateTag();
  const showError = useShowError();
  const [form] = Form.useForm<{ name: string }>();
  const items = tags.data?.items ?? [];
  const existing = new Set(items.map((tag) => tag.name));
  const missing = SUGGESTED.map((key) => t(`tags.defaults.${key}`)).filter((name) => !existing.has(name));
  const add = (name: string) => create.mutate(name, { onSuccess: () => form.resetFields(), onError: (e) => showError(e, form) });

  return (
    <Card title={t('tags.title')} size="small" loading={tags.isPending}>
      <Typography.Paragraph type="secondary">{t('tags.hint')}</Typography.Paragraph>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        {items.length === 0 ? <Typography.Text type="secondary">{t('tags.empty')}</Typography.Text> : null}
        {items.map((tag) => (
          <Tag key={tag.id} color="orange" style={{ fontSize: 14, padding: '2px 8px' }}>
            {tag.name} · {t('tags.residentCount', { count: tag.residentCount })}
          </Tag>
        ))}
      </Space>
      {can('households.manage') ? (
        <Flex vertical gap={8}>
          <Form form={form} layout="inline" onFinish={({ name }) => add(name)} style={{ rowGap: 8 }}>
            <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('tags.nameRequired') }]} style={{ flex: '1 1 180px' }}>
              <Input maxLength={30} placeholder={t('tags.namePlaceholder')} aria-label={t('tags.namePlaceholder')} />
            </Form.Item>
            <Button htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
              {t('tags.create')}
            </Button>
          </Form>
          {missing.length ? (
            <Space wrap size={[4, 4]}>
              <Typography.Text type="secondary">{t('tags.suggested')}</Typography.Text>
              {missing.map((name) => (
                <Button key={name} size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add(name)}>
                  {name}
                </Button>
              ))}
            </Space>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
