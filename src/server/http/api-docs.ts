/**
 * The browsable API docs at /api/docs (Swagger UI). The UI plugin and its static assets load with the first
 * request to /api/docs, not at start: a small Fastify instance holding only @fastify/swagger-ui is built then,
 * reads the application's OpenAPI document, and answers every /api/docs request (forwarded in memory).
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { lazy } from '../lazy.js';
import type { App } from './types.js';

const PREFIX = '/api/docs';

async function buildDocsApp(app: App): Promise<FastifyInstance> {
  const [{ default: fastifySwaggerUi }, { default: fp }] = await Promise.all([import('@fastify/swagger-ui'), import('fastify-plugin')]);
  const docs = Fastify({ logger: false });
  // The UI depends on @fastify/swagger by name; the document is the application's own.
  await docs.register(fp(async (instance) => void instance.decorate('swagger', app.swagger.bind(app)), { name: '@fastify/swagger' }));
  await docs.register(fastifySwaggerUi, { routePrefix: PREFIX });
  await docs.ready();
  return docs;
}

export function registerApiDocs(app: App): void {
  const docsApp = lazy(() => buildDocsApp(app));
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const docs = await docsApp();
    const res = await docs.inject({ method: 'GET', url: request.url, headers: { ...request.headers, host: request.headers.host ?? 'localhost' } });
    const headers = { ...res.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    delete headers.connection;
    delete headers.date;
    return reply.code(res.statusCode).headers(headers).send(res.rawPayload);
  };
  for (const url of [PREFIX, `${PREFIX}/`, `${PREFIX}/*`]) app.get(url, { schema: { hide: true }, config: { public: true } }, handler);
}
