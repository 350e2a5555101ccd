/** The issue timeline: every change, reply, reminder and escalation, with who (null: the system) and when. */
import type { Ctx } from '../context.js';
import { nowIso, type Db } from '../db/database.js';

export interface TimelineInput {
  issueId: number;
  companyId: number;
  type: string;
  event?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  comment?: string;
  data?: Record<string, unknown>;
  actor?: { id: number; name: string } | null;
  at?: string;
}

export const actor = (ctx: Ctx) => ({ id: ctx.userId, name: ctx.displayName });

const CHUNK = 500;

export async function addTimeline(db: Db, entries: readonly TimelineInput[]): Promise<void> {
  const at = nowIso();
  for (let i = 0; i < entries.length; i += CHUNK) {
    await db
      .insertInto('issue_events')
      .values(
        entries.slice(i, i + CHUNK).map((e) => ({
          issue_id: e.issueId,
          company_id: e.companyId,
          at: e.at ?? at,
          actor_id: e.actor?.id ?? null,
          actor_name: e.actor?.name ?? null,
          type: e.type,
          event: e.event ?? null,
          from_status: e.fromStatus ?? null,
          to_status: e.toStatus ?? null,
          comment: e.comment ?? '',
          data: JSON.stringify(e.data ?? {}),
        })),
      )
      .execute();
  }
}
