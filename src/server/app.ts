/**
 * Builds the Fastify application: problem+json errors, authentication, the OpenAPI document and docs,
 * every domain's routes, and the web console. `main.ts` runs it; tests and benchmarks build their own.
 */
import crypto from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { communityRoutes } from './communities/routes.js';
import { companyRoutes } from './companies/routes.js';
import { departmentRoutes } from './departments/routes.js';
import { householdRoutes } from './households/routes.js';
import { residentRoutes } from './residents/routes.js';
import { staffRoutes } from './staff/routes.js';
import { principalFromSession, principalFromToken, type Principal } from './auth/principal.js';
import { registerApiDocs } from './http/api-docs.js';
import { registerAuthHook } from './http/auth-hook.js';
import { registerInputGuard } from './http/input-guard.js';
import { registerLoadShedding } from './http/load-shedding.js';
import { frameworkErrors, MAX_PARAM_LENGTH, registerProblemHandlers } from './http/problem.js';
import { installMessages } from './http/messages.js';
import type { App, Deps } from './http/types.js';
import { registerWebConsole } from './http/web-console.js';
import { webDir } from './paths.js';
import { roleRoutes } from './roles/routes.js';
import { rosterRoutes } from './roster/routes.js';
import { systemRoutes } from './system/routes.js';
import { userRoutes } from './users/routes.js';
import { questionnaireRoutes } from './questionnaires/routes.js';
import { visitRoutes } from './visits/routes.js';
import { issueRoutes } from './issues/routes.js';
import { onCalendarChange } from './calendar/calendar-changes.js';
import { calendarRoutes } from './calendar/routes.js';
import { recomputeOpenDeadlines } from './issues/recompute-deadlines.js';
import { issueVisitOutcomes } from './issues/visit-outcomes.js';
import { installVisitOutcomes } from './visits/visit-outcomes.js';
import { notificationRoutes } from './notifications/routes.js';
import { improvementRoutes } from './improvements/routes.js';
import { kpiRoutes } from './kpis/routes.js';
import { DOMAIN_ERRORS, DOMAIN_MESSAGES } from './messages.js';

/** Every domain registers its routes here; the OpenAPI document and the scope test pick them up. */
const DOMAINS = [
  systemRoutes,
  authRoutes,
  userRoutes,
  roleRoutes,
  companyRoutes,
  communityRoutes,
  departmentRoutes,
  householdRoutes,
  residentRoutes,
  staffRoutes,
  rosterRoutes,
  questionnaireRoutes,
  visitRoutes,
  issueRoutes,
  calendarRoutes,
  notificationRoutes,
  kpiRoutes,
  improvementRoutes,
  auditRoutes,
];

// Issue deadlines rest on the working-day calendar: a change to it recomputes the open ones.
onCalendarChange(recomputeOpenDeadlines);
// What a visit does to issues (raised items, confirmations, visits not made), without visits importing issues.
installVisitOutcomes(issueVisitOutcomes);
// Every domain's error texts, entity names and state words, for every problem response (and every other message).
installMessages(DOMAIN_MESSAGES);

declare module './http/auth-hook.js' {
  /** The caller the auth hook finds, through the auth domain's lookups installed in buildApp. */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges auth's fields into http's interface
  interface RequestPrincipal extends Principal {}
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Extra routes (benchmarks register a bare route beside the real ones). */
  extraRoutes?: (app: App, deps: Deps) => void;
  /** Folder of the built console (default dist/web; tests serve a fixture). */
  webDir?: string;
}

export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    requestIdHeader: false,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerProblemHandlers(app, config.bodyLimit, DOMAIN_ERRORS);
  // First of the request hooks: a request beyond the limit is refused before it costs anything.
  registerLoadShedding(app, config.maxConcurrency);

  await app.register(fastifyCookie);
  // Roster uploads only; the route streams the single file to disk and enforces the size while it arrives.
  await app.register(fastifyMultipart, { limits: { fileSize: config.importMaxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Huifang 回访 API',
        version: config.version,
        description:
          'Follow-up visit management. Authenticate with the session cookie (plus the X-CSRF-Token header on writes) ' +
          'or with a personal API token as `Authorization: Bearer hf_…`. Errors are application/problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'huifang_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The docs UI loads with its first request (http/api-docs.ts).
  registerApiDocs(app);
  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  registerAuthHook(app, {
    byToken: (token, ip) => principalFromToken(deps.handle, token, ip),
    bySession: (sessionToken, ip) => principalFromSession(deps.handle, config, sessionToken, ip),
  });
  registerInputGuard(app);
  for (const register of DOMAINS) register(app, deps);
  options.extraRoutes?.(app, deps);

  await registerWebConsole(app, options.webDir ?? webDir);
  return app;
}
