/** Browsing and filtering the audit log, newest first. */
import { sql } from 'kysely';
import type { AuditEntry, AuditQuery } from '../../shared/schemas/audit.js';
import type { Page } from '../../shared/schemas/common.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { boundedCount, COUNT_BOUND, cut, keysetPage, readCursor, type SortKey } from '../db/paging.js';
import { scopedAudit } from '../scope.js';
import { entityNames } from './entity-names.js';

/** Newest first, the id breaking ties within one millisecond (audit_log_company_at_idx). */
const NEWEST_FIRST: SortKey[] = [
  { ref: 'audit_log.at', dir: 'desc' },
  { ref: 'audit_log.id', dir: 'desc' },
];

/** A page of entries (the entries hold their own names, so there is nothing to join); the total counted up to `countBound`. */
export async function listAudit(db: Db, ctx: Ctx, query: AuditQuery, countBound = COUNT_BOUND): Promise<Page<AuditEntry>> {
  requirePermission(ctx, 'audit.read');
  const from = readCursor('audit', ['instant', 'int'], query);
  let q = scopedAudit(db, ctx);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  // One action by its name, or every action of a domain by its prefix ending in a dot ("auth.").
  // LIKE with its wildcards escaped, not a range: a range would depend on the database's collation.
  if (query.action?.endsWith('.')) q = q.where(sql<boolean>`action like ${`${query.action.replace(/[\\%_]/g, '\\$&')}%`} escape '\\'`);
  else if (query.action) q = q.where('action', '=', query.action);
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.from) q = q.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('at', '<=', new Date(query.to).toISOString());
  const [count, found] = await Promise.all([boundedCount(db, q, countBound), keysetPage(q.selectAll(), NEWEST_FIRST, from, query.limit + 1, query.offset).execute()]);
  const { rows, nextCursor } = cut('audit', found, query.limit, (r) => [r.at, r.id]);
  const names = await entityNames(db, ctx, rows);
  return {
    ...count,
    nextCursor,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      entityName: (r.entity_type && r.entity_id && names.get(`${r.entity_type}:${r.entity_id}`)) || null,
      ip: r.ip,
      before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
      after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
    })),
  };
}
