/** Read-only view of a version's questions: type, required, dimension, options and show-if rule. */
import { Card, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../api/questionnaires';

export function QuestionList({ questions }: { questions: Question[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {questions.map((q, i) => (
        <Card key={q.key} size="small">
          <Typography.Text strong>
            {i + 1}. {q.title}
          </Typography.Text>
          <Space wrap size={[4, 4]} style={{ display: 'flex', marginTop: 4 }}>
            <Tag color="blue">{t(`questionnaires.types.${q.type}`)}</Tag>
            <Tag>{q.key}</Tag>
            {q.required ? <Tag color="red">{t('questionnaires.question.required')}</Tag> : null}
            {q.dimension ? <Tag color="purple">{q.dimension}</Tag> : null}
            {q.allowNotApplicable ? <Tag>{t('questionnaires.question.allowNotApplicable')}</Tag> : null}
            {q.showIf ? (
              <Tag color="gold">
                {t('questionnaires.question.showIf')}: {q.showIf.question} {t(`questionnaires.question.ops.${q.showIf.op}`)} {JSON.stringify(q.showIf.value)}
              </Tag>
            ) : null}
          </Space>
          {q.options?.length ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {q.options.map((o) => o.label).join(' / ')}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ))}
    </Flex>
  );
}
