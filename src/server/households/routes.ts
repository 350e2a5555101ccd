/** HTTP routes for buildings and households. */
import { z } from 'zod';
import { IdParam, MergeBody, page } from '../../shared/schemas/common.js';
import { Building, CreateHouseholdBody, Household, HouseholdListQuery, UpdateHouseholdBody } from '../../shared/schemas/households.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createHousehold } from './create-household.js';
import { mergeHouseholds } from './merge-households.js';
import { updateHousehold } from './update-household.js';
import { getHousehold, listBuildings, listHouseholds } from './queries.js';

const tags = ['households'];
const community = z.object({ communityId: IdParam });
const household = z.object({ householdId: IdParam });

export function householdRoutes(app: App, { handle: { db }, config }: Deps) {
  app.get(
    '/api/v1/communities/:communityId/buildings',
    { schema: { tags, operationId: 'listBuildings', summary: 'Building → unit tree of a community with household counts', params: community, response: { 200: z.object({ items: z.array(Building) }) } } },
    async (request) => ({ items: await listBuildings(db, ctxOf(request), request.params.communityId) }),
  );

  app.get(
    '/api/v1/communities/:communityId/households',
    {
      schema: {
        tags,
        operationId: 'listCommunityHouseholds',
        summary: 'Households of a community, searchable by room, name or the last 4 phone digits, with filters',
        params: community,
        querystring: HouseholdListQuery,
        response: { 200: page(Household) },
      },
    },
    async (request) => listHouseholds(db, ctxOf(request), request.params.communityId, request.query, config.listCountBound),
  );

  app.post(
    '/api/v1/communities/:communityId/households',
    { schema: { tags, operationId: 'createHousehold', summary: 'Register a household (one room)', params: community, body: CreateHouseholdBody, response: { 201: Household } } },
    async (request, reply) => reply.status(201).send(await createHousehold(db, ctxOf(request), request.params.communityId, request.body)),
  );

  app.get(
    '/api/v1/households',
    {
      schema: {
        tags,
        operationId: 'searchHouseholds',
        summary: 'Search or list households across every community in your scope (without q: all of them, in room order)',
        querystring: HouseholdListQuery,
        response: { 200: page(Household) },
      },
    },
    async (request) => listHouseholds(db, ctxOf(request), null, request.query, config.listCountBound),
  );

  app.get(
    '/api/v1/households/:householdId',
    { schema: { tags, operationId: 'getHousehold', summary: 'One household with all its residents, moved-out ones included', params: household, response: { 200: Household } } },
    async (request) => getHousehold(db, ctxOf(request), request.params.householdId),
  );

  app.patch(
    '/api/v1/households/:householdId',
    { schema: { tags, operationId: 'updateHousehold', summary: 'Change area or status', params: household, body: UpdateHouseholdBody, response: { 200: Household } } },
    async (request) => updateHousehold(db, ctxOf(request), request.params.householdId, request.body),
  );

  app.post(
    '/api/v1/households/:householdId/merge',
    { schema: { tags, operationId: 'mergeHouseholds', summary: 'Fold a duplicate household of the same community into this one', params: household, body: MergeBody, response: { 200: Household } } },
    async (request) => mergeHouseholds(db, ctxOf(request), request.params.householdId, request.body.duplicateId),
  );
}
