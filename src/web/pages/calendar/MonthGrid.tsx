/** One month of the working calendar: Monday-first weeks, each day coloured by kind, overrides marked. */
import { Card, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../api/calendar';
import { DAY_COLOR, dayLook, weekdayColumn } from './calendarDisplay';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

function DayCell({ day, onPick }: { day: CalendarDay; onPick?: (day: CalendarDay) => void }) {
  const { t } = useTranslation();
  const look = dayLook(day);
  const tip = [
    day.date,
    t(`calendar.kinds.${day.kind}`),
    day.holidayName,
    day.provisional && !day.working ? t('calendar.provisional.day') : null,
    day.override ? `${t(`calendar.overrideKinds.${day.override.kind}`)}${day.override.note ? `：${day.override.note}` : ''}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tip}>
      <button
        type="button"
        onClick={onPick ? () => onPick(day) : undefined}
        aria-label={tip}
        data-testid={`calendar-day-${day.date}`}
        data-working={day.working}
        data-provisional={day.provisional}
        style={{
          // Each day under its weekday: a Monday after a Sunday starts the next row.
          gridColumn: weekdayColumn(day.date) + 1,
          background: DAY_COLOR[look],
          border: day.override ? '2px solid #fa8c16' : day.provisional && day.kind === 'holiday' ? '1px dashed #cf1322' : '1px solid rgba(5, 5, 5, 0.06)',
          borderRadius: 4,
          padding: 0,
          height: 28,
          fontSize: 12,
          cursor: onPick ? 'pointer' : 'default',
          color: day.working ? 'inherit' : '#cf1322',
        }}
      >
        {Number(day.date.slice(8))}
      </button>
    </Tooltip>
  );
}

export function MonthGrid({ month, days, onPick }: { month: number; days: CalendarDay[]; onPick?: (day: CalendarDay) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('calendar.month', { month })} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center' }}>
        {WEEKDAYS.map((d) => (
          <span key={d} style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.45)' }}>
            {t(`calendar.weekdays.${d}`)}
          </span>
        ))}
        {days.map((day) => (
          <DayCell key={day.date} day={day} onPick={onPick} />
        ))}
      </div>
    </Card>
  );
}
