/**
 * The deadline sweep: reminds before deadlines, reports replies that are overdue, and escalates issues
 * past their resolution deadline one level at a time (逐级上报). It reads only issues whose `check_at`
 * has come (an index serves it, however many issues are open), in batches.
 *
 * Safe to run twice or on several app instances: on PostgreSQL each batch is claimed with
 * FOR UPDATE SKIP LOCKED and its rows move to their next check in the same transaction, so a second
 * runner never sees them; every message also carries a dedupe key the outbox accepts once. After
 * downtime the first run catches up: every notice whose time has come goes out, each exactly once.
 */
import { sql } from 'kysely';
import { now } from '../clock.js';
import type { IssueSettings } from '../../shared/schemas/issues.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import type { WorkCalendar } from '../calendar/working-days.js';
import type { Db, DatabaseHandle } from '../db/database.js';
import { enqueue, type OutboxMessage } from '../notifications/outbox.js';
import { planSweep } from './deadline-plan.js';
import { issueRef, Recipients } from './notify.js';
import { loadSettings } from './settings.js';
import { addTimeline, type TimelineInput } from './timeline.js';
import { unscoped } from '../scope.js';

export interface SweepResult {
  /** issues looked at */
  checked: number;
  /** notices sent (reminders, overdue replies, escalation levels) */
  notices: number;
  escalated: number;
}

const COLUMNS = [
  'id',
  'company_id',
  'community_id',
  'department_id',
  'assignee_id',
  'category_id',
  'description',
  'status',
  'raised_at',
  'reply_due_at',
  'resolve_due_at',
  'replied_at',
  'escalation_level',
  'notices',
] as const;

interface Update {
  id: number;
  level: number;
  notices: number;
  checkAt: string | null;
  escalated: boolean;
}

export async function sweepDeadlines(handle: DatabaseHandle, at: number = now(), batchSize = 1000): Promise<SweepResult> {
  const atIso = new Date(at).toISOString();
  const result: SweepResult = { checked: 0, notices: 0, escalated: 0 };
  const companies = new Map<number, { calendar: WorkCalendar; settings: IssueSettings }>();
  const categoryNames = new Map<number, string>();
  // Department heads, supervisors and overseers are looked up once per sweep, not once per batch.
  const recipients = new Recipients();
  const batch = () =>
    handle.db.transaction().execute(async (trx) => {
      // A batch lost in a crash right after its commit is simply swept again (nothing of it survives
      // without the rest), so the commit need not wait for the disk.
      if (handle.dialect === 'postgres') await sql`SET LOCAL synchronous_commit = off`.execute(trx);
      let pick = unscoped(trx, 'deadline sweep: every company\'s issues that fall due').selectFrom('issues').select([...COLUMNS]).where('check_at', '<=', atIso).orderBy('check_at').limit(batchSize);
      if (handle.dialect === 'postgres') pick = pick.forUpdate().skipLocked();
      const rows = await pick.execute();
      if (!rows.length) return 0;

      for (const companyId of new Set(rows.map((r) => r.company_id))) {
        if (!companies.has(companyId)) companies.set(companyId, { calendar: await loadCompanyCalendar(trx, companyId), settings: await loadSettings(trx, companyId) });
      }
      const missing = [...new Set(rows.map((r) => r.category_id))].filter((id) => !categoryNames.has(id));
      if (missing.length) for (const c of await trx.selectFrom('issue_categories').select(['id', 'name']).where('id', 'in', missing).execute()) categoryNames.set(c.id, c.name);

      const planned = rows.map((r) => {
        const { calendar, settings } = companies.get(r.company_id)!;
        const state = { status: r.status, raisedAt: r.raised_at, replyDueAt: r.reply_due_at, resolveDueAt: r.resolve_due_at, repliedAt: r.replied_at, escalationLevel: r.escalation_level, notices: r.notices };
        return { r, state, plan: planSweep(calendar, settings, state, at) };
      });
      const due = planned.filter((p) => p.plan.due.length).map((p) => ({ ...p, ref: issueRef({ ...p.r, category_name: categoryNames.get(p.r.category_id) ?? '' }) }));

      await recipients.load(trx, due.map((d) => d.ref));
      const messages: OutboxMessage[] = [];
      const timeline: TimelineInput[] = [];
      for (const d of due) {
        const { ref, r } = d;
        for (const n of d.plan.due) {
          if (n.type === 'escalate') {
            // One notice for the level reached, to everyone on the way; a level without anyone passes it on.
            const { level, to, empty } = recipients.escalation(ref, n.from, n.level);
            const key = `issue:${ref.id}:escalate:${level}:${n.dueAt}`;
            const passed = Array.from({ length: level - n.from - 1 }, (_, i) => n.from + 1 + i).filter((l) => !empty.includes(l));
            messages.push(...recipients.messages('issue_escalated', ref, to, { due: n.dueAt, level, passed, dedupe: key }));
            timeline.push({ issueId: ref.id, companyId: ref.companyId, type: 'escalated', at: atIso, data: { level, from: n.from, ...(empty.length ? { noRecipient: empty } : {}), notified: to.length } });
            if (level !== d.plan.escalationLevel) {
              const { calendar, settings } = companies.get(r.company_id)!;
              const next = planSweep(calendar, settings, { ...d.state, escalationLevel: level, notices: d.plan.notices }, at);
              d.plan = { ...d.plan, escalationLevel: level, checkAt: next.checkAt };
            }
            result.escalated++;
          } else {
            const key = `issue:${ref.id}:${n.type}:${n.dueAt}`;
            const to = n.type === 'reply_overdue' ? [...recipients.level(ref, 0), ...recipients.level(ref, 1)] : recipients.level(ref, 0);
            const kind = n.type === 'reply_reminder' ? 'issue_reply_reminder' : n.type === 'resolve_reminder' ? 'issue_resolve_reminder' : 'issue_reply_overdue';
            messages.push(...recipients.messages(kind, ref, to, { due: n.dueAt, dedupe: key }));
            timeline.push({ issueId: ref.id, companyId: ref.companyId, type: n.type === 'reply_overdue' ? 'reply_overdue' : 'reminded', at: atIso, data: { deadline: n.type === 'resolve_reminder' ? 'resolve' : 'reply', notified: to.length } });
          }
          result.notices++;
        }
      }
      const plans = new Map(due.map((d) => [d.r.id, d.plan]));
      const updates: Update[] = planned.map(({ r, plan }) => {
        const final = plans.get(r.id) ?? plan;
        return { id: r.id, level: final.escalationLevel, notices: final.notices, checkAt: final.checkAt, escalated: final.escalationLevel > r.escalation_level };
      });
      await applyUpdates(trx, handle.dialect, updates, atIso);
      await addTimeline(trx, timeline, handle.dialect);
      await enqueue(trx, messages, handle.dialect);
      return rows.length;
    });
  const worker = async () => {
    for (;;) {
      const claimed = await batch();
      result.checked += claimed;
      if (claimed < batchSize) return;
    }
  };
  // On PostgreSQL two batches run side by side (SKIP LOCKED keeps them apart), so one is computed here
  // while the database writes the other; SQLite has a single writer.
  await Promise.all(Array.from({ length: handle.dialect === 'postgres' ? 2 : 1 }, worker));
  return result;
}

/** One statement per batch on both dialects: a statement per row would dominate the sweep. */
async function applyUpdates(trx: Db, dialect: DatabaseHandle['dialect'], updates: readonly Update[], atIso: string): Promise<void> {
  if (!updates.length) return;
  if (dialect === 'postgres') {
    // One JSON document per batch: PostgreSQL parses it faster than the driver escapes arrays.
    await sql`UPDATE issues AS i SET escalation_level = v.level, notices = v.notices, check_at = v."checkAt",
      escalated_at = CASE WHEN v.escalated THEN ${atIso}::timestamptz ELSE i.escalated_at END
      FROM json_to_recordset(${JSON.stringify(updates)}::json) AS v(id bigint, level int, notices int, "checkAt" timestamptz, escalated boolean)
      WHERE i.id = v.id`.execute(trx);
    return;
  }
  const values = sql.join(updates.map((u) => sql`(${u.id}, ${u.level}, ${u.notices}, ${u.checkAt}, ${u.escalated ? 1 : 0})`));
  await sql`WITH v(id, level, notices, check_at, escalated) AS (VALUES ${values})
    UPDATE issues SET escalation_level = v.level, notices = v.notices, check_at = v.check_at,
      escalated_at = CASE WHEN v.escalated = 1 THEN ${atIso} ELSE issues.escalated_at END
    FROM v WHERE issues.id = v.id`.execute(trx);
}
