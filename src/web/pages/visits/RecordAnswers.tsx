/** A record's answers under their question titles, read from the exact questionnaire version answered. */
import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOT_APPLICABLE, RATING_LABELS, type Answers, type Question } from '../../../shared/schemas/questionnaires';
import { useQuestionnaireVersion } from '../../api/questionnaires';
import { scoreColor } from './recordColumns';

function AnswerText({ question, value }: { question: Question | undefined; value: Answers[string] }) {
  const { t } = useTranslation();
  if (value === null || value === NOT_APPLICABLE) return <Typography.Text type="secondary">{t('visits.form.notApplicable')}</Typography.Text>;
  const label = (v: string) => question?.options?.find((o) => o.value === v)?.label ?? v;
  if (question?.type === 'rating' && typeof value === 'number') return <Tag color={scoreColor(value)}>{`${value} ${RATING_LABELS[value - 1] ?? ''}`}</Tag>;
  if (typeof value === 'boolean') return <>{value ? t('visits.form.yes') : t('visits.form.no')}</>;
  if (Array.isArray(value)) return <>{value.map(label).join('、')}</>;
  if (typeof value === 'string') return <>{question?.type === 'single' ? label(value) : value}</>;
  return <>{String(value)}</>;
}

export function RecordAnswers({ versionId, answers }: { versionId: number | null; answers: Answers }) {
  const { t } = useTranslation();
  const version = useQuestionnaireVersion(versionId);
  const questions = version.data?.questions ?? [];
  const keys = Object.keys(answers);
  if (keys.length === 0) return <Typography.Text type="secondary">{t('visits.records.noAnswers')}</Typography.Text>;
  // Question order first; any key the version does not know (should not happen) at the end.
  const ordered = [...questions.map((q) => q.key).filter((k) => k in answers), ...keys.filter((k) => !questions.some((q) => q.key === k))];
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="record-answers"
      items={ordered.map((key) => {
        const question = questions.find((q) => q.key === key);
        return { key, label: question?.title ?? key, children: <AnswerText question={question} value={answers[key]} /> };
      })}
    />
  );
}
