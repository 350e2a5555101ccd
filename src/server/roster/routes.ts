/** HTTP routes for the roster: template, import jobs and their error reports, export. */
import fs from 'node:fs';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam } from '../../shared/schemas/common.js';
import { RosterImport } from '../../shared/schemas/roster.js';
import { ctxOf } from '../http/auth-hook.js';
import { localeOf } from '../http/problem.js';
import type { App, Deps } from '../http/types.js';
import { prepareErrorReport, writeErrorReport } from './error-report.js';
import { prepareRosterExport, writeRosterExport } from './export-roster.js';
import { getRosterImport } from './get-roster-import.js';
import { ImportRunner } from './run-roster-import.js';
import { assertCanImport, startRosterImport } from './start-roster-import.js';
import { rosterTemplate } from './template.js';
import { receiveUpload } from './upload.js';
import { attachment, sendXlsx, XLSX_TYPE } from '../spreadsheets/xlsx.js';

const tags = ['roster'];
/** Uploads up to this size are processed before the response, which then already shows the result. */
const INLINE_BYTES = 512 * 1024;
const INLINE_WAIT_MS = 15_000;

const xlsxFile = z.any().meta({ description: 'An .xlsx workbook', type: 'string', format: 'binary' });
const DryRun = z.enum(['true', 'false']).optional().meta({ description: 'true: validate and count without writing anything' });
const UploadBody = z
  .object({
    file: z.string().meta({ format: 'binary', description: '.xlsx or .csv (UTF-8 or GB18030/GBK)' }),
    dryRun: DryRun,
  })
  .meta({ description: 'multipart/form-data' });

export function rosterRoutes(app: App, { handle: { db }, config }: Deps) {
  const limits = { maxBytes: config.importMaxBytes, maxRows: config.importMaxRows };
  const runner = new ImportRunner(db, limits, app.log);
  app.addHook('onClose', () => runner.close());

  app.get(
    '/api/v1/roster-template.xlsx',
    { schema: { tags, operationId: 'getRosterTemplate', summary: 'The roster import template (.xlsx)', produces: [XLSX_TYPE], response: { 200: xlsxFile } } },
    async (_request, reply) =>
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('业主名单导入模板.xlsx', 'roster-template.xlsx'))
        .send(await rosterTemplate()),
  );

  app.post(
    '/api/v1/communities/:communityId/roster-imports',
    {
      schema: {
        tags,
        operationId: 'startRosterImport',
        summary: 'Upload a household roster (.xlsx or .csv); answers 202 with the import job to poll',
        consumes: ['multipart/form-data'],
        params: z.object({ communityId: IdParam }),
        querystring: z.object({ dryRun: DryRun }),
        body: UploadBody,
        response: { 202: RosterImport },
      },
      // The body is a multipart stream read by the handler, not a parsed object to validate.
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler(route as never)),
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { communityId } = request.params;
      await assertCanImport(db, ctx, communityId);
      const upload = await receiveUpload(request, config.importMaxBytes, request.query.dryRun === 'true');
      const { size } = await fs.promises.stat(upload.path);
      const { id, done } = await startRosterImport(db, ctx, runner, limits, communityId, upload);
      if (size <= INLINE_BYTES) await Promise.race([done, new Promise((resolve) => setTimeout(resolve, INLINE_WAIT_MS).unref())]);
      return reply.status(202).send(await getRosterImport(db, config, ctx, id, localeOf(request)));
    },
  );

  app.get(
    '/api/v1/roster-imports/:importId',
    {
      schema: {
        tags,
        operationId: 'getRosterImport',
        summary: 'An import job: progress, counts, file-level refusal and the first 200 row errors',
        params: z.object({ importId: IdParam }),
        response: { 200: RosterImport },
      },
    },
    async (request) => getRosterImport(db, config, ctxOf(request), request.params.importId, localeOf(request)),
  );

  app.get(
    '/api/v1/roster-imports/:importId/error-report.xlsx',
    {
      schema: {
        tags,
        operationId: 'getRosterImportErrorReport',
        summary: 'Every failed row of an import (.xlsx): 行号, 列, 错误代码, 原因, 原值',
        params: z.object({ importId: IdParam }),
        produces: [XLSX_TYPE],
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const report = await prepareErrorReport(db, ctxOf(request), request.params.importId);
      const locale = localeOf(request);
      return sendXlsx(reply, report.fileName, `import-${report.importId}-errors.xlsx`, (wb, pause) => writeErrorReport(db, report.importId, locale, wb, pause));
    },
  );

  app.get(
    '/api/v1/communities/:communityId/roster.xlsx',
    {
      schema: {
        tags,
        operationId: 'exportRoster',
        summary: "Export the community's roster in the template's columns (.xlsx); re-importing it changes nothing",
        params: z.object({ communityId: IdParam }),
        produces: [XLSX_TYPE],
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const target = await prepareRosterExport(db, ctx, request.params.communityId);
      return sendXlsx(reply, target.fileName, `roster-${target.communityId}.xlsx`, (wb, pause) => writeRosterExport(db, ctx, target, wb, pause));
    },
  );
}
