/** HTTP routes for visit tasks, attempts, briefings, visit records, exports and attachments. */
import { z } from 'zod';
import { IdParam, page } from '../../shared/schemas/common.js';
import {
  Attachment,
  Attempt,
  AttemptBody,
  BulkCreateResult,
  BulkCreateTasksBody,
  CancelTaskBody,
  CorrectRecordBody,
  CreateTaskBody,
  RecordListQuery,
  RecordVisitBody,
  TaskBriefing,
  TaskListQuery,
  UpdateTaskBody,
  VisitRecord,
  VisitTask,
  VisitTaskDetail,
} from '../../shared/schemas/visits.js';
import { ctxOf } from '../http/auth-hook.js';
import { localeOf } from '../http/problem.js';
import { exportHeaders, sendXlsx, XLSX_TYPE } from '../spreadsheets/xlsx.js';
import { AppError } from '../http/errors.js';
import type { App, Deps } from '../http/types.js';
import { attachmentContent, ATTACHMENT_MAX_BYTES, uploadAttachment } from './attachments.js';
import { taskBriefing } from './briefing.js';
import { correctRecord } from './correct-record.js';
import { bulkCreateTasks, createTask } from './create-tasks.js';
import { prepareRecordExport, writeRecordExport } from './export-records.js';
import { listAttempts, logAttempt } from './log-attempt.js';
import { getRecord, listRecords } from './record-queries.js';
import { recordVisit } from './record-visit.js';
import { getTaskDetail, listTasks } from './task-queries.js';
import { cancelTask, updateTask } from './update-task.js';

const tags = ['visits'];
const task = z.object({ taskId: IdParam });
const record = z.object({ recordId: IdParam });

export function visitRoutes(app: App, { handle: { db, dialect }, config }: Deps) {
  app.get(
    '/api/v1/visit-tasks',
    { schema: { tags, operationId: 'listVisitTasks', summary: 'Visit tasks: a visitor’s today / overdue / upcoming, or a supervisor’s lists', querystring: TaskListQuery, response: { 200: page(VisitTask) } } },
    async (request) => listTasks(db, ctxOf(request), request.query, config.listCountBound),
  );
  app.post(
    '/api/v1/visit-tasks',
    { schema: { tags, operationId: 'createVisitTask', summary: 'Create a visit task for one household', body: CreateTaskBody, response: { 201: VisitTask } } },
    async (request, reply) => reply.status(201).send(await createTask(db, ctxOf(request), request.body)),
  );
  app.post(
    '/api/v1/visit-tasks/bulk',
    { schema: { tags, operationId: 'bulkCreateVisitTasks', summary: 'Create tasks for households chosen by filter, spread evenly among visitors', body: BulkCreateTasksBody, response: { 201: BulkCreateResult } } },
    async (request, reply) => reply.status(201).send(await bulkCreateTasks(db, ctxOf(request), request.body)),
  );
  app.get(
    '/api/v1/visit-tasks/:taskId',
    { schema: { tags, operationId: 'getVisitTask', summary: 'One visit task, with the questionnaire version its visit is answered in', params: task, response: { 200: VisitTaskDetail } } },
    async (request) => getTaskDetail(db, ctxOf(request), request.params.taskId),
  );
  app.patch(
    '/api/v1/visit-tasks/:taskId',
    { schema: { tags, operationId: 'updateVisitTask', summary: 'Reassign, reschedule, or make an appointment', params: task, body: UpdateTaskBody, response: { 200: VisitTask } } },
    async (request) => updateTask(db, ctxOf(request), request.params.taskId, request.body),
  );
  app.post(
    '/api/v1/visit-tasks/:taskId/cancel',
    { schema: { tags, operationId: 'cancelVisitTask', summary: 'Cancel an open task, with the reason', params: task, body: CancelTaskBody, response: { 200: VisitTask } } },
    async (request) => cancelTask(db, ctxOf(request), request.params.taskId, request.body.reason),
  );
  app.get(
    '/api/v1/visit-tasks/:taskId/attempts',
    { schema: { tags, operationId: 'listVisitAttempts', summary: 'Contact attempts of a task', params: task, response: { 200: page(Attempt) } } },
    async (request) => listAttempts(db, ctxOf(request), request.params.taskId),
  );
  app.post(
    '/api/v1/visit-tasks/:taskId/attempts',
    { schema: { tags, operationId: 'logVisitAttempt', summary: 'Log a failed or postponed contact attempt', params: task, body: AttemptBody, response: { 201: VisitTask } } },
    async (request, reply) => reply.status(201).send(await logAttempt(db, ctxOf(request), request.params.taskId, request.body, config.visitMaxFailedAttempts)),
  );
  app.get(
    '/api/v1/visit-tasks/:taskId/briefing',
    { schema: { tags, operationId: 'getVisitBriefing', summary: 'What to know before the visit', params: task, response: { 200: TaskBriefing } } },
    async (request) => taskBriefing(db, ctxOf(request), request.params.taskId),
  );
  app.post(
    '/api/v1/visit-tasks/:taskId/record',
    {
      schema: {
        tags,
        operationId: 'recordVisit',
        summary: 'Record the visit; send Idempotency-Key so that a retry never creates a second record',
        params: task,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }).passthrough(),
        body: RecordVisitBody,
        response: { 200: VisitRecord.meta({ description: 'Replayed: the record created earlier with this key' }), 201: VisitRecord },
      },
    },
    async (request, reply) => {
      const { record: created, replayed } = await recordVisit(db, ctxOf(request), request.params.taskId, request.body, request.headers['idempotency-key'] ?? null, dialect);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(replayed ? 200 : 201).send(created);
    },
  );
  app.get(
    '/api/v1/visit-records',
    { schema: { tags, operationId: 'listVisitRecords', summary: 'Visit records with filters', querystring: RecordListQuery, response: { 200: page(VisitRecord) } } },
    async (request) => listRecords(db, ctxOf(request), request.query, config.listCountBound),
  );
  app.get(
    '/api/v1/visit-records/export.xlsx',
    {
      schema: {
        tags,
        operationId: 'exportVisitRecords',
        summary: 'Export records as a 回访记录表 (xlsx), streamed; X-Export-Total / X-Export-Rows say how many, X-Export-Truncated: true when the server limit cut it short; audited',
        querystring: RecordListQuery.omit({ limit: true, offset: true }),
        produces: [XLSX_TYPE],
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const plan = await prepareRecordExport(db, ctx, request.query, localeOf(request), { serverMaxRows: config.exportMaxRows, batchRows: config.exportBatchRows });
      return sendXlsx(reply, plan.fileName, plan.fallback, (wb, pause) => writeRecordExport(db, ctx, plan, wb, pause), exportHeaders(plan.count));
    },
  );
  app.get(
    '/api/v1/visit-records/:recordId',
    { schema: { tags, operationId: 'getVisitRecord', summary: 'One visit record', params: record, response: { 200: VisitRecord } } },
    async (request) => getRecord(db, ctxOf(request), request.params.recordId),
  );
  app.post(
    '/api/v1/visit-records/:recordId/corrections',
    { schema: { tags, operationId: 'correctVisitRecord', summary: 'Correct a submitted record, stating the reason (audited)', params: record, body: CorrectRecordBody, response: { 200: VisitRecord } } },
    async (request) => correctRecord(db, ctxOf(request), request.params.recordId, request.body),
  );
  app.post(
    '/api/v1/attachments',
    { schema: { tags, operationId: 'uploadAttachment', summary: 'Upload a JPG, PNG or PDF (multipart field `file`) to attach to a record', consumes: ['multipart/form-data'], response: { 201: Attachment } } },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('import_file_missing', 400);
      const file = await request.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES + 1, files: 1 } });
      if (!file) throw new AppError('import_file_missing', 400);
      const content = await file.toBuffer().catch((error: unknown) => {
        // Only the size limit is "too large"; a body cut short or malformed is the multipart error problem.ts names.
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('attachment_too_large', 413, { limitMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
        }
        throw error;
      });
      return reply.status(201).send(await uploadAttachment(db, ctxOf(request), file.filename, content));
    },
  );
  app.get(
    '/api/v1/attachments/:attachmentId/content',
    { schema: { tags, operationId: 'getAttachmentContent', summary: 'Download an attachment', params: z.object({ attachmentId: IdParam }) } },
    async (request, reply) => {
      const a = await attachmentContent(db, ctxOf(request), request.params.attachmentId);
      return reply
        .header('content-type', a.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `${a.contentType === 'application/pdf' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .send(a.content);
    },
  );
}
