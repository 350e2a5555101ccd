/** The resident's 1–5 rating of how an issue was handled (非常不满意 … 非常满意); read-only when `disabled`. */
import { Rate } from 'antd';
import { useTranslation } from 'react-i18next';

const SCALE = [1, 2, 3, 4, 5] as const;

export function SatisfactionRate({ value, onChange, disabled }: { value?: number | null; onChange?: (value: number) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Rate
      value={value ?? undefined}
      onChange={onChange}
      disabled={disabled}
      allowClear={false}
      tooltips={SCALE.map((n) => t(`issues.ratings.${n}`))}
      aria-label={t('issues.fields.satisfaction')}
      style={{ fontSize: disabled ? undefined : 32 }}
    />
  );
}
