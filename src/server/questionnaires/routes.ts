/** HTTP routes for questionnaire templates, their versions and the service dimensions. */
import { z } from 'zod';
import { IdParam, page } from '../../shared/schemas/common.js';
import {
  CreateQuestionnaireBody,
  DuplicateQuestionnaireBody,
  PublishVersionBody,
  Questionnaire,
  QuestionnaireListQuery,
  QuestionnaireVersion,
  UpdateQuestionnaireBody,
} from '../../shared/schemas/questionnaires.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createQuestionnaire } from './create-questionnaire.js';
import { duplicateQuestionnaire } from './duplicate-questionnaire.js';
import { publishQuestionnaire } from './publish-questionnaire.js';
import { getQuestionnaire, getQuestionnaireVersion, listDimensions, listQuestionnaires } from './queries.js';
import { updateQuestionnaire } from './update-questionnaire.js';

const tags = ['questionnaires'];
const params = z.object({ questionnaireId: IdParam });

export function questionnaireRoutes(app: App, { handle: { db } }: Deps) {
  app.get(
    '/api/v1/questionnaires',
    { schema: { tags, operationId: 'listQuestionnaires', summary: 'Questionnaire templates usable in your scope', querystring: QuestionnaireListQuery, response: { 200: page(Questionnaire) } } },
    async (request) => listQuestionnaires(db, ctxOf(request), request.query),
  );
  app.post(
    '/api/v1/questionnaires',
    { schema: { tags, operationId: 'createQuestionnaire', summary: 'Create a template with its first version', body: CreateQuestionnaireBody, response: { 201: Questionnaire } } },
    async (request, reply) => reply.status(201).send(await createQuestionnaire(db, ctxOf(request), request.body)),
  );
  app.get(
    '/api/v1/questionnaires/:questionnaireId',
    { schema: { tags, operationId: 'getQuestionnaire', summary: 'A template with its latest version', params, response: { 200: Questionnaire } } },
    async (request) => getQuestionnaire(db, ctxOf(request), request.params.questionnaireId),
  );
  app.patch(
    '/api/v1/questionnaires/:questionnaireId',
    { schema: { tags, operationId: 'updateQuestionnaire', summary: 'Rename, describe or archive a template', params, body: UpdateQuestionnaireBody, response: { 200: Questionnaire } } },
    async (request) => updateQuestionnaire(db, ctxOf(request), request.params.questionnaireId, request.body),
  );
  app.post(
    '/api/v1/questionnaires/:questionnaireId/versions',
    { schema: { tags, operationId: 'publishQuestionnaireVersion', summary: 'Publish a new version (earlier answers keep their version)', params, body: PublishVersionBody, response: { 201: Questionnaire } } },
    async (request, reply) => reply.status(201).send(await publishQuestionnaire(db, ctxOf(request), request.params.questionnaireId, request.body.questions)),
  );
  app.post(
    '/api/v1/questionnaires/:questionnaireId/duplicate',
    { schema: { tags, operationId: 'duplicateQuestionnaire', summary: 'Start a new template from this one', params, body: DuplicateQuestionnaireBody, response: { 201: Questionnaire } } },
    async (request, reply) => reply.status(201).send(await duplicateQuestionnaire(db, ctxOf(request), request.params.questionnaireId, request.body.name)),
  );
  app.get(
    '/api/v1/questionnaire-versions/:versionId',
    { schema: { tags, operationId: 'getQuestionnaireVersion', summary: 'One published version, e.g. the one a record was answered in', params: z.object({ versionId: IdParam }), response: { 200: QuestionnaireVersion.omit({ publishedBy: true, publishedAt: true }) } } },
    async (request) => getQuestionnaireVersion(db, ctxOf(request), request.params.versionId),
  );
  app.get(
    '/api/v1/service-dimensions',
    { schema: { tags, operationId: 'listServiceDimensions', summary: 'The company’s service dimensions (保洁, 安保, …)', response: { 200: page(z.object({ id: z.number().int(), name: z.string() })) } } },
    async (request) => listDimensions(db, ctxOf(request)),
  );
}
