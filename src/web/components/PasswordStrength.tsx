/** The strength of a password being typed: five steps, a word for the level, and what is wrong when it is too weak. */
import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_SCORE, type PasswordVerdict } from '../../shared/password-policy';

const COLORS = ['#ff4d4f', '#ff7a45', '#faad14', '#52c41a', '#389e0d'];

export function PasswordStrength({ verdict }: { verdict: PasswordVerdict }) {
  const { t } = useTranslation();
  const steps = verdict.score + 1;
  return (
    <Flex align="center" gap={8} wrap data-testid="password-strength">
      <Progress percent={steps * 20} steps={5} size={[28, 6]} showInfo={false} strokeColor={COLORS[verdict.score]} />
      <Typography.Text type={verdict.score >= PASSWORD_MIN_SCORE && !verdict.problem ? 'success' : 'secondary'}>
        {t('password.strength', { level: t(`password.levels.${verdict.score}`) })}
      </Typography.Text>
    </Flex>
  );
}
