/** Display formats for dates; the dayjs locale follows the UI language. */
import dayjs from 'dayjs';
import { formatDeadline as formatShanghaiDeadline } from '../../shared/shanghai';

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

/** A deadline on the Asia/Shanghai clock, 24:00 of its last day reading "2025-10-11 24:00". */
export function formatDeadline(value: string | null | undefined): string {
  return value ? formatShanghaiDeadline(value) : '—';
}
