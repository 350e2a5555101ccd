/** 暂定: a deadline or due date counted on a year whose holiday notice is not entered yet; the hint says why. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export function ProvisionalTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('common.provisionalHint')}>
      <Tag color="warning" variant="outlined" data-testid="deadline-provisional" style={{ marginInlineEnd: 0 }}>
        {t('common.provisional')}
      </Tag>
    </Tooltip>
  );
}
