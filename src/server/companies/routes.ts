/** HTTP routes for a company's own settings: the export cap. */
import { ExportSettings, ExportSettingsBody } from '../../shared/schemas/companies.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { getExportSettings, updateExportSettings } from './export-settings.js';

const tags = ['companies'];

export function companyRoutes(app: App, { handle: { db }, config }: Deps) {
  app.get(
    '/api/v1/export-settings',
    { schema: { tags, operationId: 'getExportSettings', summary: 'The company’s export cap (rows one export may hold) beside the server ceiling', response: { 200: ExportSettings } } },
    async (request) => getExportSettings(db, ctxOf(request), config.exportMaxRows),
  );
  app.put(
    '/api/v1/export-settings',
    { schema: { tags, operationId: 'updateExportSettings', summary: 'Set or remove the company’s export cap; audited', body: ExportSettingsBody, response: { 200: ExportSettings } } },
    async (request) => updateExportSettings(db, ctxOf(request), request.body, config.exportMaxRows),
  );
}
