/**
 * Appends one entry to the audit log. Called by use cases inside the same transaction as the change it
 * records, so a change and its audit entry are committed together or not at all.
 */
import type { Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { compiledQuery } from '../db/compiled-query.js';
import { type Db } from '../db/database.js';

export interface AuditActor {
  companyId: number | null;
  userId: number | null;
  name: string | null;
  ip: string | null;
}

export interface AuditInput {
  action: string;
  entityType?: string;
  entityId?: string | number;
  communityId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export const actorOf = (ctx: Ctx): AuditActor => ({
  companyId: ctx.companyId,
  userId: ctx.userId,
  name: ctx.displayName,
  ip: ctx.ip,
});

/** Compiled once (db/compiled-query.ts): nearly every write of the product appends an entry. */
const auditInsert = compiledQuery<Record<string, never>, never>((db, p) =>
  db.insertInto('audit_log').values({
    company_id: p.company_id,
    community_id: p.community_id,
    at: p.at,
    actor_id: p.actor_id,
    actor_name: p.actor_name,
    action: p.action,
    entity_type: p.entity_type,
    entity_id: p.entity_id,
    ip: p.ip,
    before: p.before,
    after: p.after,
  }),
);

/** The audit_log row of an entry. */
export function auditRow(actor: AuditActor, input: AuditInput) {
  return {
    company_id: actor.companyId,
    community_id: input.communityId ?? null,
    at: nowIso(),
    actor_id: actor.userId,
    actor_name: actor.name,
    action: input.action,
    entity_type: input.entityType ?? null,
    entity_id: input.entityId === undefined ? null : String(input.entityId),
    ip: actor.ip,
    before: input.before ? JSON.stringify(input.before) : null,
    after: input.after ? JSON.stringify(input.after) : null,
  };
}

export async function recordAudit(db: Db, actor: AuditActor, input: AuditInput): Promise<void> {
  await auditInsert(db, 'entry', auditRow(actor, input) as unknown as Record<string, never>);
}

/** The fields that differ between two versions of an object, as the before/after pair of an audit entry. */
export function changes<T extends object>(before: T, after: T) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
