/**
 * The outbox: every message to staff or residents is first a row here, written in the same transaction
 * as the change that causes it, and delivered afterwards by deliver-outbox.ts. A message with a dedupe
 * key is queued at most once, however many sweeps or app instances try.
 */
import { nowIso, type Db } from '../db/database.js';

export interface OutboxMessage {
  companyId: number;
  channel: 'in_app' | 'sms';
  recipientUserId?: number | null;
  recipientResidentId?: number | null;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  dedupeKey?: string | null;
}

const CHUNK = 500;

export async function enqueue(db: Db, messages: readonly OutboxMessage[]): Promise<void> {
  const now = nowIso();
  for (let i = 0; i < messages.length; i += CHUNK) {
    await db
      .insertInto('outbox')
      .values(
        messages.slice(i, i + CHUNK).map((m) => ({
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
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}
