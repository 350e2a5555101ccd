/**
 * Tells an administrator, on every page, that a year's State Council holiday notice has not been entered:
 * deadlines in that year are computed on the statutory holidays alone and marked provisional. Links to the
 * notice form; can be put away for the session.
 */
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useCalendarStatus } from '../api/calendar';
import { useCan } from '../auth/session';

const DISMISSED = 'huifang.noticeBanner.dismissed';

export function CalendarNoticeBanner() {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = can('issues.configure');
  const status = useCalendarStatus(allowed);
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED));
  const year = status.data?.needsNotice ?? null;
  // The calendar page says it itself, with the same button.
  const onCalendar = useLocation().pathname.startsWith('/settings/calendar');
  if (!allowed || year === null || dismissed === String(year) || onCalendar) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      closable={{
        onClose: () => {
          sessionStorage.setItem(DISMISSED, String(year));
          setDismissed(String(year));
        },
      }}
      title={t('calendar.banner', { year })}
      action={
        <Link to={`/settings/calendar?year=${year}&notice=1`}>
          <Button size="small" type="primary" data-testid="notice-banner-enter">
            {t('calendar.notice.open')}
          </Button>
        </Link>
      }
      style={{ marginBottom: 16 }}
      data-testid="notice-banner"
    />
  );
}
