/** The typed Fastify instance routes are declared on, and what every route module receives. */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface Deps {
  handle: DatabaseHandle;
  config: Config;
}

/** Error responses documented on every authenticated route. */
export { Problem as ProblemSchema } from '../../shared/schemas/common.js';
