/**
 * 文本分析词典: the company's words for the themes of free text — extra words kept whole, stop words never counted,
 * synonyms counted as one theme — on top of the built-in property-management dictionary, which is shown for
 * reference. Saving counts the dashboard's themes again with the new words.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_THEME_WORDS, MAX_THEME_WORD_LENGTH } from '../../../shared/schemas/kpis';
import { useThemeWords, useUpdateThemeWords, type ThemeWords } from '../../api/kpis';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/feedback';

const SEPARATORS = [',', '，', '、', ' ', ';', '；'];

/** Each word 1–20 characters; at most 500. */
const wordsRule = {
  validator: (_: unknown, value: string[] | undefined) =>
    (value ?? []).length <= MAX_THEME_WORDS && (value ?? []).every((w) => [...w.trim()].length >= 1 && [...w.trim()].length <= MAX_THEME_WORD_LENGTH)
      ? Promise.resolve()
      : Promise.reject(new Error(`1–${MAX_THEME_WORD_LENGTH} / ≤ ${MAX_THEME_WORDS}`)),
};

function WordsSelect({ id, placeholder, ...rest }: { id?: string; placeholder: string; value?: string[]; onChange?: (v: string[]) => void }) {
  return <Select id={id} mode="tags" tokenSeparators={SEPARATORS} open={false} suffixIcon={null} placeholder={placeholder} style={{ width: '100%' }} {...rest} />;
}

export function ThemeWordsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ThemeWords>();
  const words = useThemeWords();
  const save = useUpdateThemeWords();
  const showError = useShowError();

  useEffect(() => {
    if (!words.data) return;
    const { words: w, stopWords, synonyms } = words.data;
    form.setFieldsValue({ words: w, stopWords, synonyms });
  }, [words.data, form]);

  const placeholder = t('kpis.themeWords.placeholder');
  return (
    <>
      <PageHeader title={t('kpis.themeWords.title')} />
      <Card loading={words.isLoading}>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 720 }}>
          {t('kpis.themeWords.intro')}
        </Typography.Paragraph>
        <Form<ThemeWords>
          form={form}
          name="kpiThemeWords"
          layout="vertical"
          style={{ maxWidth: 720 }}
          onFinish={(values) =>
            save.mutate(
              { words: values.words ?? [], stopWords: values.stopWords ?? [], synonyms: (values.synonyms ?? []).map((s) => ({ term: s.term.trim(), variants: s.variants ?? [] })) },
              { onSuccess: () => void message.success(t('kpis.themeWords.saved')), onError: (e) => showError(e, form) },
            )
          }
        >
          <Form.Item name="words" label={t('kpis.themeWords.words')} extra={t('kpis.themeWords.wordsHelp')} rules={[wordsRule]}>
            <WordsSelect placeholder={placeholder} />
          </Form.Item>
          <Form.Item name="stopWords" label={t('kpis.themeWords.stopWords')} extra={t('kpis.themeWords.stopWordsHelp')} rules={[wordsRule]}>
            <WordsSelect placeholder={placeholder} />
          </Form.Item>
          <Typography.Title level={5}>{t('kpis.themeWords.synonyms')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('kpis.themeWords.synonymsHelp')}</Typography.Paragraph>
          <Form.List name="synonyms">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'term']} rules={[{ required: true, whitespace: true, max: MAX_THEME_WORD_LENGTH }]}>
                      <Input placeholder={t('kpis.themeWords.term')} aria-label={t('kpis.themeWords.term')} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'variants']} rules={[{ required: true, type: 'array', min: 1 }, wordsRule]} style={{ minWidth: 320 }}>
                      <WordsSelect placeholder={t('kpis.themeWords.variants')} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ term: '', variants: [] })}>
                    {t('kpis.themeWords.addSynonym')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('kpis.themeWords.save')}
          </Button>
        </Form>
        {words.data ? (
          <Collapse
            ghost
            style={{ marginTop: 24, maxWidth: 720 }}
            items={[
              { key: 'words', label: t('kpis.themeWords.bundled', { count: words.data.bundledWords.length }), children: <Typography.Paragraph>{words.data.bundledWords.join('、')}</Typography.Paragraph> },
              { key: 'stop', label: t('kpis.themeWords.bundledStop', { count: words.data.bundledStopWords.length }), children: <Typography.Paragraph>{words.data.bundledStopWords.join('、')}</Typography.Paragraph> },
            ]}
          />
        ) : null}
      </Card>
    </>
  );
}
