/**
 * Load shedding: at most `HUIFANG_MAX_CONCURRENCY` API requests are handled at once by this instance; one more is
 * answered 503 `overloaded` with `Retry-After` at once, before authentication touches the database, instead of
 * queueing behind the others until clients time out. Routes marked `unshed` (the health check) are always
 * handled, so that a load balancer sees a busy instance as alive.
 *
 * A request counts from its first hook until its response is finished or its connection closed, whichever
 * comes first, so an aborted request frees its place too.
 *
 * An admitted request goes on only at the event loop's next turn (setImmediate). On SQLite every query runs
 * synchronously, so without that pause each request would run to its end before the loop read the next one:
 * the queue would wait, unseen and uncounted, in the sockets. With it, every request that has arrived is
 * counted (and the excess refused) before the admitted ones start their work.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';
import { sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** answered even when the instance is at its concurrency limit */
    unshed?: boolean;
  }
}

/** Seconds a shed client is asked to wait: the queue of a busy instance turns over within about a second. */
const RETRY_AFTER_SECONDS = 1;

export function registerLoadShedding(app: FastifyInstance, maxConcurrency: number): { inFlight: () => number } {
  let inFlight = 0;
  app.addHook('onRequest', (request, reply, done) => {
    // The console's files cost next to nothing; refusing one would break a page that the API could still serve.
    if (request.routeOptions.config.unshed || !request.routeOptions.url?.startsWith('/api/v1/')) return done();
    if (inFlight >= maxConcurrency) {
      // Answered here rather than through the error handler: under overload this is the common path.
      sendProblem(request, reply, new AppError('overloaded', 503, {}, { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } }));
      return;
    }
    inFlight++;
    reply.raw.once('close', () => inFlight--);
    setImmediate(done);
  });
  return { inFlight: () => inFlight };
}
