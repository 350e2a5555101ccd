/**
 * A deadline as the regulations state it, on the Asia/Shanghai clock whatever the reader's zone (China has
 * no daylight saving): a period ends at 24:00 of its last day (Civil Code art. 203), which the API writes
 * 23:59:59.999+08:00, so that reads "2025-10-11 24:00". Used by the console and by staff notifications;
 * the deadline sweep writes thousands of these, so each text is kept once made.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const texts = new Map<string, string>();

export function formatDeadline(iso: string): string {
  let text = texts.get(iso);
  if (text === undefined) {
    const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString();
    text = `${local.slice(0, 10)} ${local.slice(11, 19) === '23:59:59' ? '24:00' : local.slice(11, 16)}`;
    if (texts.size > 10_000) texts.clear();
    texts.set(iso, text);
  }
  return text;
}
