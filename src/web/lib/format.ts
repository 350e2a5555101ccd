/** Display formats for dates; the dayjs locale follows the UI language. */
import dayjs from 'dayjs';

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * A deadline as the regulations state it, on the Asia/Shanghai clock whatever the browser's zone (China has
 * no daylight saving): a period ends at 24:00 of its last day (Civil Code art. 203), which the API writes
 * 23:59:59.999+08:00, so that reads "2025-10-11 24:00".
 */
export function formatDeadline(value: string | null | undefined): string {
  if (!value) return '—';
  const shanghai = new Date(Date.parse(value) + SHANGHAI_OFFSET_MS).toISOString();
  const date = shanghai.slice(0, 10);
  return shanghai.slice(11, 19) === '23:59:59' ? `${date} 24:00` : `${date} ${shanghai.slice(11, 16)}`;
}
