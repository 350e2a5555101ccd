/**
 * Appends one entry to the audit log. Called by use cases inside the same transaction as the change it
 * records, so a change and its audit entry are committed together or not at all.
 */
import type { Ctx } from '../context.js';
import { nowIso } from '../clock.js';
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

export async function recordAudit(db: Db, actor: AuditActor, input: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
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
    })
    .execute();
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
