/**
 * The outbox: every message to staff or residents is first a row here, written in the same transaction
 * as the change that causes it, and delivered afterwards by deliver-outbox.ts. A message with a dedupe
 * key is queued at most once, however many sweeps or app instances try.
 */
import { sql } from 'kysely';
import { nowIso } from '../clock.js';
import { type Db, type DialectName } from '../db/database.js';

export interface OutboxMessage {
  companyId: number;
  /** in_app: a staff member's bell; resident: the resident's preferred channel (WeChat, else SMS) */
  channel: 'in_app' | 'resident';
  recipientUserId?: number | null;
  recipientResidentId?: number | null;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  dedupeKey?: string | null;
}

const CHUNK = 500;

/** Queues messages; on PostgreSQL, given the dialect, as one JSON document in one statement (the sweep queues thousands). */
export async function enqueue(db: Db, messages: readonly OutboxMessage[], dialect?: DialectName): Promise<void> {
  if (!messages.length) return;
  const now = nowIso();
  const rows = messages.map((m) => ({
    company_id: m.companyId,
    channel: m.channel,
    recipient_user_id: m.recipientUserId ?? null,
    recipient_resident_id: m.recipientResidentId ?? null,
    kind: m.kind,
    title: m.title,
    body: m.body,
    link: m.link ?? null,
    dedupe_key: m.dedupeKey ?? null,
    status: 'pending' as const,
    attempts: 0,
    available_at: now,
    created_at: now,
  }));
  if (dialect === 'postgres') {
    await sql`INSERT INTO outbox (company_id, channel, recipient_user_id, recipient_resident_id, kind, title, body, link, dedupe_key, status, attempts, available_at, created_at)
      SELECT company_id, channel, recipient_user_id, recipient_resident_id, kind, title, body, link, dedupe_key, 'pending', 0, ${now}::timestamptz, ${now}::timestamptz
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS m(company_id bigint, channel text, recipient_user_id bigint, recipient_resident_id bigint,
        kind text, title text, body text, link text, dedupe_key text)
      ON CONFLICT (dedupe_key) DO NOTHING`.execute(db);
    return;
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('outbox')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}
