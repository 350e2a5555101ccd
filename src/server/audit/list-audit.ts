/** Browsing and filtering the audit log, newest first. */
import type { AuditEntry, AuditQuery } from '../../shared/schemas/audit.js';
import type { Page } from '../../shared/schemas/common.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { scopedAudit } from '../scope.js';
import { entityNames } from './entity-names.js';

export async function listAudit(db: Db, ctx: Ctx, query: AuditQuery): Promise<Page<AuditEntry>> {
  requirePermission(ctx, 'audit.read');
  let q = scopedAudit(db, ctx);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.action) q = q.where('action', 'like', `${query.action}%`);
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.from) q = q.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('at', '<=', new Date(query.to).toISOString());
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute(),
  ]);
  const names = await entityNames(db, ctx, rows);
  return {
    total: Number(total),
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
