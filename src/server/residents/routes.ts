/** HTTP routes for residents and the tag vocabulary. */
import { z } from 'zod';
import { IdParam, MergeBody, page } from '../../shared/schemas/common.js';
import { CreateResidentBody, CreateTagBody, EraseResidentBody, MoveOutBody, Resident, RevealedPhones, Tag, UpdateResidentBody } from '../../shared/schemas/residents.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { createResident } from './create-resident.js';
import { eraseResident } from './erase-resident.js';
import { mergeResidents } from './merge-residents.js';
import { readResident } from './queries.js';
import { revealPhones } from './reveal-phones.js';
import { createTag, listTags } from './tags.js';
import { moveOutResident, updateResident } from './update-resident.js';

const tags = ['residents'];
const resident = z.object({ residentId: IdParam });

export function residentRoutes(app: App, { handle: { db } }: Deps) {
  app.post(
    '/api/v1/households/:householdId/residents',
    { schema: { tags, operationId: 'createResident', summary: 'Add a resident to a household', params: z.object({ householdId: IdParam }), body: CreateResidentBody, response: { 201: Resident } } },
    async (request, reply) => reply.status(201).send(await createResident(db, ctxOf(request), request.params.householdId, request.body)),
  );

  app.get(
    '/api/v1/residents/:residentId',
    { schema: { tags, operationId: 'getResident', summary: 'One resident (phones masked)', params: resident, response: { 200: Resident } } },
    async (request) => readResident(db, ctxOf(request), request.params.residentId),
  );

  app.patch(
    '/api/v1/residents/:residentId',
    { schema: { tags, operationId: 'updateResident', summary: 'Change a resident', params: resident, body: UpdateResidentBody, response: { 200: Resident } } },
    async (request) => updateResident(db, ctxOf(request), request.params.residentId, request.body),
  );

  app.post(
    '/api/v1/residents/:residentId/move-out',
    { schema: { tags, operationId: 'moveOutResident', summary: 'Record that a resident moved out', params: resident, body: MoveOutBody, response: { 200: Resident } } },
    async (request) => moveOutResident(db, ctxOf(request), request.params.residentId, request.body.moveOutDate),
  );

  app.post(
    '/api/v1/residents/:residentId/phones/reveal',
    { schema: { tags, operationId: 'revealResidentPhones', summary: 'Show the full phone numbers (audited)', params: resident, response: { 200: RevealedPhones } } },
    async (request) => revealPhones(db, ctxOf(request), request.params.residentId),
  );

  app.post(
    '/api/v1/residents/:residentId/erase',
    { schema: { tags, operationId: 'eraseResident', summary: 'Erase a resident’s personal data on request (irreversible)', params: resident, body: EraseResidentBody, response: { 200: Resident } } },
    async (request) => eraseResident(db, ctxOf(request), request.params.residentId, request.body.reason),
  );

  app.post(
    '/api/v1/residents/:residentId/merge',
    { schema: { tags, operationId: 'mergeResidents', summary: 'Fold a duplicate resident of the same household into this one', params: resident, body: MergeBody, response: { 200: Resident } } },
    async (request) => mergeResidents(db, ctxOf(request), request.params.residentId, request.body.duplicateId),
  );

  app.get(
    '/api/v1/tags',
    { schema: { tags, operationId: 'listTags', summary: 'The company’s resident tags', response: { 200: page(Tag) } } },
    async (request) => listTags(db, ctxOf(request)),
  );

  app.post(
    '/api/v1/tags',
    { schema: { tags, operationId: 'createTag', summary: 'Add a tag to the vocabulary', body: CreateTagBody, response: { 201: Tag } } },
    async (request, reply) => reply.status(201).send(await createTag(db, ctxOf(request), request.body.name)),
  );
}
