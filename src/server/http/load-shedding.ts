/**
 * Load shedding: at most `HUIFANG_MAX_CONCURRENCY` API requests are handled at once by this instance; one more is
 * answered 503 `overloaded` with `Retry-After` at once, before authentication touches the database, instead of
 * queueing behind the others until clients time out. Routes marked `unshed` (the health check) are always
 * handled, so that a load balancer sees a busy instance as alive.
 *
 * A request counts from its first hook until its response is finished or its connection closed, whichever
 * comes first, so an aborted request frees its place too.
 *
 * Admitted requests go on one per turn of the event loop, in arrival order. On SQLite every query runs
 * synchronously, so a request, once started, runs to its end without yielding. Started all at once, the admitted
 * requests would hold the loop for their whole batch (16 searches, a quarter of a second), and a loop that turns
 * four times a second accepts new connections and reads their requests about that often: under a burst the
 * waiting connections sat in the kernel's accept queue, unseen and uncounted, until their clients gave up after
 * 10 s. One request per turn keeps the loop turning, so every arrival is read at once and either admitted or
 * refused. On PostgreSQL a request yields at its first query, so the order costs nothing there.
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
  const admitted: (() => void)[] = [];
  const release = () => {
    admitted.shift()!();
    if (admitted.length > 0) setImmediate(release);
  };
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
    admitted.push(done);
    if (admitted.length === 1) setImmediate(release);
  });
  return { inFlight: () => inFlight };
}
