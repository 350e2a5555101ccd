/** HTTP routes for issues, their categories and the deadline settings. */
import { z } from 'zod';
import { IdParam, page } from '../../shared/schemas/common.js';
import {
  CreateCategoryBody,
  CreateIssueBody,
  EscalateBody,
  ExpectedDateBody,
  Issue,
  IssueCategory,
  IssueListQuery,
  IssueSettings,
  IssueSummary,
  ReplyBody,
  TransitionBody,
  UpdateCategoryBody,
  UpdateIssueBody,
} from '../../shared/schemas/issues.js';
import { ctxOf } from '../http/auth-hook.js';
import { localeOf } from '../http/problem.js';
import { exportHeaders, sendXlsx, XLSX_TYPE } from '../spreadsheets/xlsx.js';
import type { App, Deps } from '../http/types.js';
import { createCategory, listCategories, updateCategory } from './categories.js';
import { createIssue } from './create-issue.js';
import { escalateIssue } from './escalate-issue.js';
import { prepareIssueExport, writeIssueExport } from './export-issues.js';
import { getIssue, listIssues } from './queries.js';
import { Handler, HandlerQuery, listHandlers } from './list-handlers.js';
import { replyToIssue } from './reply-to-issue.js';
import { setExpectedDate } from './set-expected-date.js';
import { getIssueSettings, updateIssueSettings } from './settings.js';
import { transitionIssue } from './transition-issue.js';
import { updateIssue } from './update-issue.js';

const tags = ['issues'];
const issue = z.object({ issueId: IdParam });

export function issueRoutes(app: App, { handle: { db }, config }: Deps) {
  app.get(
    '/api/v1/issues',
    { schema: { tags, operationId: 'listIssues', summary: 'Issues with filters: a department queue, supervision (overdue or escalated), due today…', querystring: IssueListQuery, response: { 200: page(IssueSummary) } } },
    async (request) => listIssues(db, ctxOf(request), request.query, config.listCountBound),
  );
  app.post(
    '/api/v1/issues',
    { schema: { tags, operationId: 'createIssue', summary: 'Enter an issue received by phone, WeChat, in person…; routed and given deadlines', body: CreateIssueBody, response: { 201: Issue } } },
    async (request, reply) => reply.status(201).send(await createIssue(db, ctxOf(request), request.body)),
  );
  app.get(
    '/api/v1/issues/export.xlsx',
    {
      schema: {
        tags,
        operationId: 'exportIssues',
        summary: 'Export the issues the list shows, with its filters, as a 问题台账 (xlsx, names masked), streamed; X-Export-Total / X-Export-Rows / X-Export-Truncated as for visit records; audited',
        querystring: IssueListQuery.omit({ limit: true, offset: true }),
        produces: [XLSX_TYPE],
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const plan = await prepareIssueExport(db, ctx, request.query, localeOf(request), { serverMaxRows: config.exportMaxRows, batchRows: config.exportBatchRows });
      return sendXlsx(reply, plan.fileName, plan.fallback, (wb, pause) => writeIssueExport(db, ctx, plan, wb, pause), exportHeaders(plan.count));
    },
  );
  app.get(
    '/api/v1/issues/:issueId',
    { schema: { tags, operationId: 'getIssue', summary: 'One issue with its timeline, replies and the transitions you may make', params: issue, response: { 200: Issue } } },
    async (request) => getIssue(db, ctxOf(request), request.params.issueId),
  );
  app.patch(
    '/api/v1/issues/:issueId',
    { schema: { tags, operationId: 'updateIssue', summary: 'Reassign, recategorise, change priority or reply mode', params: issue, body: UpdateIssueBody, response: { 200: Issue } } },
    async (request) => updateIssue(db, ctxOf(request), request.params.issueId, request.body),
  );
  app.post(
    '/api/v1/issues/:issueId/transitions',
    {
      schema: {
        tags,
        operationId: 'transitionIssue',
        summary: 'Start, resolve, confirm, reopen, adopt, reject, withdraw or acknowledge; an illegal transition answers 409 with the allowed ones',
        params: issue,
        body: TransitionBody,
        response: { 200: Issue },
      },
    },
    async (request) => transitionIssue(db, ctxOf(request), request.params.issueId, request.body),
  );
  app.post(
    '/api/v1/issues/:issueId/replies',
    { schema: { tags, operationId: 'replyToIssue', summary: 'Record an oral reply or send a written one; marked on time or late', params: issue, body: ReplyBody, response: { 201: Issue } } },
    async (request, reply) => reply.status(201).send(await replyToIssue(db, ctxOf(request), request.params.issueId, request.body)),
  );
  app.post(
    '/api/v1/issues/:issueId/escalate',
    { schema: { tags, operationId: 'escalateIssue', summary: 'Escalate one level (department head → community supervisor → management)', params: issue, body: EscalateBody, response: { 200: Issue } } },
    async (request) => escalateIssue(db, ctxOf(request), request.params.issueId, request.body.comment),
  );
  app.post(
    '/api/v1/issues/:issueId/expected-date',
    { schema: { tags, operationId: 'setIssueExpectedDate', summary: 'Set the expected resolution date and tell the resident', params: issue, body: ExpectedDateBody, response: { 200: Issue } } },
    async (request) => setExpectedDate(db, ctxOf(request), request.params.issueId, request.body),
  );

  app.get(
    '/api/v1/issue-handlers',
    { schema: { tags, operationId: 'listIssueHandlers', summary: 'Who can be given an issue, by community and department', querystring: HandlerQuery, response: { 200: z.array(Handler) } } },
    async (request) => listHandlers(db, ctxOf(request), request.query),
  );
  app.get(
    '/api/v1/issue-categories',
    {
      schema: {
        tags,
        operationId: 'listIssueCategories',
        summary: 'Issue categories with their routing and resolution targets',
        querystring: z.strictObject({ includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(IssueCategory) },
      },
    },
    async (request) => listCategories(db, ctxOf(request), request.query.includeInactive === 'true'),
  );
  app.post(
    '/api/v1/issue-categories',
    { schema: { tags, operationId: 'createIssueCategory', summary: 'Add a category', body: CreateCategoryBody, response: { 201: IssueCategory } } },
    async (request, reply) => reply.status(201).send(await createCategory(db, ctxOf(request), request.body)),
  );
  app.patch(
    '/api/v1/issue-categories/:categoryId',
    { schema: { tags, operationId: 'updateIssueCategory', summary: 'Rename, reroute, retarget, reorder or deactivate a category', params: z.object({ categoryId: IdParam }), body: UpdateCategoryBody, response: { 200: IssueCategory } } },
    async (request) => updateCategory(db, ctxOf(request), request.params.categoryId, request.body),
  );
  app.get(
    '/api/v1/issue-settings',
    { schema: { tags, operationId: 'getIssueSettings', summary: 'Reply deadlines, reminders, escalation steps and follow-up visits', response: { 200: IssueSettings } } },
    async (request) => getIssueSettings(db, ctxOf(request)),
  );
  app.put(
    '/api/v1/issue-settings',
    { schema: { tags, operationId: 'updateIssueSettings', summary: 'Change the deadline settings; new deadlines follow them', body: IssueSettings, response: { 200: IssueSettings } } },
    async (request) => updateIssueSettings(db, ctxOf(request), request.body),
  );
}
