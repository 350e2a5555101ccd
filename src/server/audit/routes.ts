/** HTTP routes for the audit log (read only: the log is append-only). */
import { AuditEntry, AuditQuery } from '../../shared/schemas/audit.js';
import { page } from '../../shared/schemas/common.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { listAudit } from './list-audit.js';

export function auditRoutes(app: App, { handle: { db }, config }: Deps) {
  app.get(
    '/api/v1/audit-log',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listAuditLog',
        summary: 'Browse and filter the audit log, newest first',
        querystring: AuditQuery,
        response: { 200: page(AuditEntry) },
      },
    },
    async (request) => listAudit(db, ctxOf(request), request.query, config.listCountBound),
  );
}
