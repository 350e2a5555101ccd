/** The issue timeline: every change, reply, reminder and escalation, with who (null: the system) and when. */
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db, type DialectName } from '../db/database.js';
import type { IssueStatus } from '../../shared/schemas/issues.js';

export interface TimelineInput {
  issueId: number;
  companyId: number;
  type: string;
  event?: string | null;
  fromStatus?: IssueStatus | null;
  toStatus?: IssueStatus | null;
  comment?: string;
  data?: Record<string, unknown>;
  actor?: { id: number; name: string } | null;
  at?: string;
}

export const actor = (ctx: Ctx) => ({ id: ctx.userId, name: ctx.displayName });

const CHUNK = 500;

/**
 * Appends timeline entries. On PostgreSQL, given the dialect, they go as one JSON document in one statement
 * (the deadline sweep writes thousands at a time); otherwise as multi-row inserts.
 */
export async function addTimeline(db: Db, entries: readonly TimelineInput[], dialect?: DialectName): Promise<void> {
  if (!entries.length) return;
  const at = nowIso();
  const rows = entries.map((e) => ({
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
  }));
  if (dialect === 'postgres') {
    await sql`INSERT INTO issue_events (issue_id, company_id, at, actor_id, actor_name, type, event, from_status, to_status, comment, data)
      SELECT issue_id, company_id, at, actor_id, actor_name, type, event, from_status, to_status, comment, data
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS e(issue_id bigint, company_id bigint, at timestamptz, actor_id bigint, actor_name text,
        type text, event text, from_status text, to_status text, comment text, data text)`.execute(db);
    return;
  }
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('issue_events').values(rows.slice(i, i + CHUNK)).execute();
}
