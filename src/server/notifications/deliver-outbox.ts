/**
 * Delivers queued messages. Each run claims a batch (on PostgreSQL with FOR UPDATE SKIP LOCKED, so
 * several app instances share the work without sending anything twice), hands each message to its
 * channel and records the outcome. A failing channel is retried with a growing delay, up to 5 times.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/database.js';
import { now, nowIso } from '../clock.js';
import { channelsFor, type Channel } from './channels.js';

const BATCH = 200;
const MAX_ATTEMPTS = 5;
const LOCK_MS = 60_000;

export async function deliverOutbox(handle: DatabaseHandle, log: FastifyBaseLogger, channels: Map<string, Channel> = channelsFor(log)): Promise<number> {
  const { db } = handle;
  let delivered = 0;
  for (;;) {
    const stamp = nowIso();
    const lockedUntil = new Date(now() + LOCK_MS).toISOString();
    const pick = db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('available_at', '<=', stamp)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', stamp)]))
      .orderBy('id')
      .limit(BATCH);
    const claimed = await db
      .updateTable('outbox')
      .set((eb) => ({ locked_until: lockedUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', handle.dialect === 'postgres' ? pick.forUpdate().skipLocked() : pick)
      .returning(['id', 'company_id', 'channel', 'recipient_user_id', 'recipient_resident_id', 'kind', 'title', 'body', 'link', 'created_at', 'attempts'])
      .execute();
    if (!claimed.length) return delivered;
    for (const m of claimed) {
      const channel = channels.get(m.channel);
      try {
        if (!channel) throw new Error(`no channel ${m.channel}`);
        const result = await channel.send(db, {
          id: m.id,
          companyId: m.company_id,
          channel: m.channel,
          recipientUserId: m.recipient_user_id,
          recipientResidentId: m.recipient_resident_id,
          kind: m.kind,
          title: m.title,
          body: m.body,
          link: m.link,
          createdAt: m.created_at,
        });
        await db
          .updateTable('outbox')
          .set(result.status === 'sent' ? { status: 'sent', sent_at: nowIso(), provider: result.provider, locked_until: null } : { status: 'skipped', error: result.error, locked_until: null })
          .where('id', '=', m.id)
          .execute();
        delivered++;
      } catch (err) {
        const failed = m.attempts >= MAX_ATTEMPTS;
        log.warn({ err, outboxId: m.id, attempts: m.attempts }, 'notification delivery failed');
        await db
          .updateTable('outbox')
          .set({
            status: failed ? 'failed' : 'pending',
            error: err instanceof Error ? err.message.slice(0, 500) : String(err),
            locked_until: null,
            available_at: new Date(now() + 2 ** m.attempts * 30_000).toISOString(),
          })
          .where('id', '=', m.id)
          .execute();
      }
    }
    if (claimed.length < BATCH) return delivered;
  }
}
