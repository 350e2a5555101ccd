/**
 * Turns every error into application/problem+json in the request's language: our AppErrors, schema
 * validation failures, framework errors (malformed JSON, body too large) and constraint violations.
 * Anything unexpected becomes a 500 that names the request id and nothing else.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Locale, Problem } from '../../shared/schemas/common.js';
import { constraintViolation } from '../db/database.js';
import { AppError, type FieldError } from './errors.js';
import { entityName, fieldMessage, message, pickLocale, stateWord, type ErrorCode } from './messages.js';

/**
 * A domain's own error type (thrown by pure code that knows no HTTP) told as the AppError it stands for, or
 * undefined for any other error. app.ts passes the domains' translations in (src/server/messages.ts lists them).
 */
export type ErrorTranslation = (err: unknown) => AppError | undefined;

export function localeOf(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language']);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const locale = localeOf(request);
  const params = { ...error.params };
  if (typeof params.entity === 'string') params.entity = entityName(params.entity, locale);
  for (const key of ['status', 'from', 'event', 'kind']) {
    const word = typeof params[key] === 'string' ? stateWord(params[key] as string, locale) : undefined;
    if (word !== undefined) params[key] = word;
  }
  const { title, detail } = message(error.code, locale, params);
  const body: Problem = {
    type: `https://huifang.dev/problems/${error.code.replaceAll('_', '-')}`,
    title,
    status: error.status,
    detail,
    code: error.code,
    instance: request.url.split('?')[0],
  };
  if (error.extra.errors) body.errors = error.extra.errors.map((e) => toFieldError(e, locale));
  if (error.extra.allowed) body.allowed = error.extra.allowed;
  for (const [k, v] of Object.entries(error.extra.headers ?? {})) reply.header(k, v);
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}

function toFieldError(e: FieldError, locale: Locale) {
  return { path: e.path, code: e.code, message: fieldMessage(e.key ?? e.code, locale, e.params) };
}

const FRAMEWORK_ERRORS: Record<string, [ErrorCode, number]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['malformed_json', 400],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['malformed_json', 400],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 413],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 415],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['malformed_json', 400],
  // @fastify/multipart
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['multipart_invalid', 400],
  FST_PROTO_VIOLATION: ['multipart_invalid', 400],
  FST_INVALID_JSON_FIELD_ERROR: ['multipart_invalid', 400],
  FST_MP_PREMATURE_CLOSE: ['multipart_invalid', 400],
  FST_PARTS_LIMIT: ['multipart_too_many_parts', 413],
  FST_FILES_LIMIT: ['multipart_too_many_parts', 413],
  FST_FIELDS_LIMIT: ['multipart_too_many_parts', 413],
  FST_REQ_FILE_TOO_LARGE: ['upload_too_large', 413],
  // raised before routing, through the `frameworkErrors` option
  FST_ERR_BAD_URL: ['malformed_url', 400],
  FST_ERR_MAX_PARAM_LENGTH: ['path_parameter_too_long', 414],
};

/**
 * Busboy, the multipart parser, throws plain errors for a body it cannot read: a missing or oversized
 * boundary, a truncated body, a broken part header. They are bad input, whichever route reads the upload.
 */
const MULTIPART_PARSER_ERRORS = [
  'Multipart: Boundary not found',
  'Boundary required',
  'The needle cannot have a length bigger than 256.',
  'unexpected end of multipart data',
  'Malformed part header',
  'Unexpected end of form',
  'Missing Content-Type-header.',
  'Unsupported Content-Type.',
];

export function registerProblemHandlers(app: FastifyInstance, bodyLimit: number, translations: readonly ErrorTranslation[] = []): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return sendProblem(request, reply, err);
    for (const translate of translations) {
      const known = translate(err);
      if (known) return sendProblem(request, reply, known);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors: FieldError[] = err.validation.map((v) => {
        const params = v.params as Record<string, unknown>;
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const missing = v.keyword === 'invalid_type' && params.input === undefined;
        return {
          path: path || where,
          code: missing ? 'required' : v.keyword,
          key: missing ? 'required' : v.keyword === 'custom' ? v.message : v.keyword,
          params: {
            ...params,
            values: Array.isArray(params.values) ? params.values.join(', ') : params.values,
            keys: Array.isArray(params.keys) ? params.keys.join(', ') : params.keys,
          },
        };
      });
      return sendProblem(request, reply, new AppError('validation_failed', 400, { count: errors.length }, { errors }));
    }
    const framework = err.code ? FRAMEWORK_ERRORS[err.code] : undefined;
    if (framework) {
      return sendProblem(request, reply, new AppError(framework[0], framework[1], { limit: bodyLimit }));
    }
    if (MULTIPART_PARSER_ERRORS.some((m) => err.message?.toLowerCase().includes(m.toLowerCase()))) {
      return sendProblem(request, reply, new AppError('multipart_invalid', 400));
    }
    if (constraintViolation(err)) {
      request.log.warn({ err }, 'constraint violation');
      return sendProblem(request, reply, new AppError('conflict', 409));
    }
    if (err.statusCode === 429) return sendProblem(request, reply, new AppError('too_many_attempts', 429, { minutes: 1 }));
    // Any other refusal by Fastify or a plugin (its own code, a 4xx status): bad input, answered in our words.
    if (err.code?.startsWith('FST_') && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      request.log.info({ err }, 'request refused by the framework');
      return sendProblem(request, reply, new AppError('bad_request', err.statusCode));
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(request, reply, new AppError('internal_error', 500, { requestId: request.id }));
  });
}

/**
 * Fastify's `frameworkErrors` option: errors found before a route is chosen (a malformed percent-escape, a
 * path parameter longer than the router allows) go through the same problem handler as every other error.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const framework = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (framework) return sendProblem(request, reply, new AppError(framework[0], framework[1], { maximum: MAX_PARAM_LENGTH }));
  request.log.error({ err: error }, 'framework error before routing');
  return sendProblem(request, reply, new AppError('internal_error', 500, { requestId: request.id }));
}

/** Longest path parameter the router accepts (Fastify's default; ids are at most 15 digits). */
export const MAX_PARAM_LENGTH = 100;

/** Unknown API routes answer problem+json; the web console handles every other path itself. */
export function apiNotFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0];
  return sendProblem(request, reply, new AppError('route_not_found', 404, { method: request.method, path }));
}
