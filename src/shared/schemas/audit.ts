/** The audit log: who did what, when, from where, with before/after for changes. */
import { z } from 'zod';
import { Id, IdParam, PageQuery, Timestamp } from './common.js';

export const AuditEntry = z
  .object({
    id: Id,
    at: Timestamp,
    actorId: Id.nullable(),
    actorName: z.string().nullable(),
    action: z.string().meta({ description: 'e.g. auth.login, user.create, community.update' }),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    entityName: z.string().nullable().meta({ description: 'The object in words as it is called now (a name, a room, an issue number); residents as surname and asterisks' }),
    ip: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  actorId: IdParam.optional(),
  action: z.string().trim().max(64).optional().meta({ description: 'One action by name (auth.login), or every action of a domain by a prefix ending in a dot (auth.)' }),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
