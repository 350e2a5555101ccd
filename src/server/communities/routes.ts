/** HTTP routes for communities. */
import { z } from 'zod';
import { IdParam, page } from '../../shared/schemas/common.js';
import { Community, CommunityListQuery, CreateCommunityBody, UpdateCommunityBody } from '../../shared/schemas/communities.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createCommunity } from './create-community.js';
import { deleteCommunity } from './delete-community.js';
import { getCommunity, listCommunities } from './queries.js';
import { updateCommunity } from './update-community.js';

const tags = ['communities'];
const params = z.object({ communityId: IdParam });

export function communityRoutes(app: App, { handle: { db } }: Deps) {
  app.get(
    '/api/v1/communities',
    { schema: { tags, operationId: 'listCommunities', summary: 'Communities in your scope', querystring: CommunityListQuery, response: { 200: page(Community) } } },
    async (request) => listCommunities(db, ctxOf(request), request.query),
  );

  app.post(
    '/api/v1/communities',
    { schema: { tags, operationId: 'createCommunity', summary: 'Create a community', body: CreateCommunityBody, response: { 201: Community } } },
    async (request, reply) => reply.status(201).send(await createCommunity(db, ctxOf(request), request.body)),
  );

  app.get(
    '/api/v1/communities/:communityId',
    { schema: { tags, operationId: 'getCommunity', summary: 'One community', params, response: { 200: Community } } },
    async (request) => getCommunity(db, ctxOf(request), request.params.communityId),
  );

  app.patch(
    '/api/v1/communities/:communityId',
    { schema: { tags, operationId: 'updateCommunity', summary: 'Change or archive a community', params, body: UpdateCommunityBody, response: { 200: Community } } },
    async (request) => updateCommunity(db, ctxOf(request), request.params.communityId, request.body),
  );

  app.delete(
    '/api/v1/communities/:communityId',
    { schema: { tags, operationId: 'deleteCommunity', summary: 'Delete a community nobody is assigned to', params, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteCommunity(db, ctxOf(request), request.params.communityId);
      return reply.status(204).send(null);
    },
  );
}
