/**
 * Controlled inputs for each question type, sized for thumbs: rating as five large buttons with their
 * labels (and 不清楚 when allowed), NPS 0–10, choices, yes/no and text.
 */
import { Button, Checkbox, Flex, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOT_APPLICABLE, RATING_LABELS, type Question } from '../../../shared/schemas/questionnaires';

type Value = number | string | boolean | string[] | null | undefined;

interface InputProps {
  question: Question;
  value?: Value;
  onChange?: (value: Value) => void;
}

const RATING_COLORS = ['#cf1322', '#fa541c', '#faad14', '#52c41a', '#389e0d'];

function RatingInput({ question, value, onChange }: InputProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 6 }}>
        {RATING_LABELS.map((label, i) => {
          const score = i + 1;
          const selected = value === score;
          return (
            <Button
              key={score}
              aria-pressed={selected}
              aria-label={`${score} ${label}`}
              type={selected ? 'primary' : 'default'}
              onClick={() => onChange?.(score)}
              style={{
                height: 64,
                padding: '4px 2px',
                flexDirection: 'column',
                gap: 2,
                whiteSpace: 'normal',
                ...(selected ? { background: RATING_COLORS[i], borderColor: RATING_COLORS[i] } : {}),
              }}
            >
              <span style={{ fontSize: 20, lineHeight: 1 }}>{score}</span>
              <span style={{ fontSize: 12, lineHeight: 1.15 }}>{label}</span>
            </Button>
          );
        })}
      </div>
      {question.allowNotApplicable ? (
        <Button
          aria-pressed={value === NOT_APPLICABLE}
          type={value === NOT_APPLICABLE ? 'primary' : 'dashed'}
          onClick={() => onChange?.(NOT_APPLICABLE)}
          style={{ height: 44 }}
        >
          {t('visits.form.notApplicable')}
        </Button>
      ) : null}
    </Flex>
  );
}

function NpsInput({ value, onChange }: InputProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, 1fr)', gap: 6 }}>
        {Array.from({ length: 11 }, (_, score) => (
          <Button
            key={score}
            aria-pressed={value === score}
            type={value === score ? 'primary' : 'default'}
            onClick={() => onChange?.(score)}
            style={{ height: 48, fontSize: 18, padding: 0 }}
          >
            {score}
          </Button>
        ))}
      </div>
      <Flex justify="space-between">
        <Typography.Text type="secondary">0 {t('visits.form.npsLow')}</Typography.Text>
        <Typography.Text type="secondary">10 {t('visits.form.npsHigh')}</Typography.Text>
      </Flex>
    </Flex>
  );
}

const CHOICE_STYLE = { display: 'flex', flexDirection: 'column', gap: 4 } as const;
const CHOICE_ITEM = { minHeight: 40, alignItems: 'center', fontSize: 16 } as const;

export function AnswerInput(props: InputProps) {
  const { t } = useTranslation();
  const { question, value, onChange } = props;
  switch (question.type) {
    case 'rating':
      return <RatingInput {...props} />;
    case 'nps':
      return <NpsInput {...props} />;
    case 'single':
      return (
        <Radio.Group
          value={value}
          onChange={(e) => onChange?.(e.target.value as string)}
          style={CHOICE_STYLE}
          options={(question.options ?? []).map((o) => ({ value: o.value, label: o.label, style: CHOICE_ITEM }))}
        />
      );
    case 'multiple':
      return (
        <Checkbox.Group
          value={Array.isArray(value) ? value : []}
          onChange={(next) => onChange?.(next as string[])}
          style={CHOICE_STYLE}
          options={(question.options ?? []).map((o) => ({ value: o.value, label: o.label, style: CHOICE_ITEM }))}
        />
      );
    case 'yesno':
      return (
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
          {[true, false].map((answer) => (
            <Button key={String(answer)} aria-pressed={value === answer} type={value === answer ? 'primary' : 'default'} onClick={() => onChange?.(answer)} style={{ height: 48, fontSize: 16 }}>
              {answer ? t('visits.form.yes') : t('visits.form.no')}
            </Button>
          ))}
        </div>
      );
    case 'text':
      return <Input.TextArea rows={2} maxLength={5000} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange?.(e.target.value)} />;
  }
}
