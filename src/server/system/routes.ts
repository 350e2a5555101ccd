/** Health check. */
import { sql } from 'kysely';
import { Health } from '../../shared/schemas/system.js';
import type { App, Deps } from '../http/types.js';

export function systemRoutes(app: App, { handle, config }: Deps) {
  app.get(
    '/api/v1/health',
    { config: { public: true, unshed: true }, schema: { tags: ['system'], operationId: 'health', summary: 'Liveness and database check', response: { 200: Health } } },
    async () => {
      await sql`select 1`.execute(handle.db);
      return { status: 'ok' as const, database: handle.dialect, version: config.version };
    },
  );
}
