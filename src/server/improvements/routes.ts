/** HTTP routes for improvement measures (改进措施) and their effect. */
import { z } from 'zod';
import { page } from '../../shared/schemas/common.js';
import { CreateMeasureBody, ImprovementMeasure, MeasureEffect, MeasureEffectQuery, MeasureListQuery, MeasureParams, UpdateMeasureBody } from '../../shared/schemas/improvements.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createMeasure } from './create-measure.js';
import { deleteMeasure } from './delete-measure.js';
import { getMeasureEffect } from './get-measure-effect.js';
import { getMeasure, listMeasures } from './queries.js';
import { updateMeasure } from './update-measure.js';

const tags = ['improvements'];

export function improvementRoutes(app: App, { handle: { db } }: Deps) {
  app.get(
    '/api/v1/improvement-measures',
    {
      schema: {
        tags,
        operationId: 'listImprovementMeasures',
        summary: 'Improvement measures of your communities and the company-wide ones, newest start first',
        querystring: MeasureListQuery,
        response: { 200: page(ImprovementMeasure) },
      },
    },
    async (request) => listMeasures(db, ctxOf(request), request.query),
  );
  app.post(
    '/api/v1/improvement-measures',
    { schema: { tags, operationId: 'createImprovementMeasure', summary: 'Record an improvement measure (audited)', body: CreateMeasureBody, response: { 201: ImprovementMeasure } } },
    async (request, reply) => reply.status(201).send(await createMeasure(db, ctxOf(request), request.body)),
  );
  app.get(
    '/api/v1/improvement-measures/:measureId',
    { schema: { tags, operationId: 'getImprovementMeasure', summary: 'One improvement measure', params: MeasureParams, response: { 200: ImprovementMeasure } } },
    async (request) => getMeasure(db, ctxOf(request), request.params.measureId),
  );
  app.patch(
    '/api/v1/improvement-measures/:measureId',
    {
      schema: { tags, operationId: 'updateImprovementMeasure', summary: 'Change an improvement measure (audited)', params: MeasureParams, body: UpdateMeasureBody, response: { 200: ImprovementMeasure } },
    },
    async (request) => updateMeasure(db, ctxOf(request), request.params.measureId, request.body),
  );
  app.delete(
    '/api/v1/improvement-measures/:measureId',
    { schema: { tags, operationId: 'deleteImprovementMeasure', summary: 'Delete an improvement measure recorded by mistake (audited)', params: MeasureParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteMeasure(db, ctxOf(request), request.params.measureId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/improvement-measures/:measureId/effect',
    {
      schema: {
        tags,
        operationId: 'getImprovementMeasureEffect',
        summary: 'What followed a measure: its dimension’s satisfaction or its category’s issues before and after the start, with n and periods (docs/kpis.md)',
        params: MeasureParams,
        querystring: MeasureEffectQuery,
        response: { 200: MeasureEffect },
      },
    },
    async (request) => getMeasureEffect(db, ctxOf(request), request.params.measureId, request.query),
  );
}
