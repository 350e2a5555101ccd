/**
 * Turns every error into application/problem+json in the request's language: our AppErrors, schema
 * validation failures, framework errors (malformed JSON, body too large) and constraint violations.
 * Anything unexpected becomes a 500 that names the request id and nothing else.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Locale, Problem } from '../../shared/schemas/common.js';
import { CalendarRangeError } from '../calendar/working-days.js';
import { constraintViolation } from '../db/database.js';
import { AppError, type FieldError } from './errors.js';
import { ENTITY_NAMES, fieldMessage, message, pickLocale, STATE_WORDS, type ErrorCode } from './messages.js';

export function localeOf(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language']);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const locale = localeOf(request);
  const params = { ...error.params };
  if (typeof params.entity === 'string') params.entity = ENTITY_NAMES[params.entity]?.[locale] ?? params.entity;
  for (const key of ['status', 'from', 'event', 'kind']) {
    const word = typeof params[key] === 'string' ? STATE_WORDS[params[key] as string] : undefined;
    if (word) params[key] = word[locale];
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
};

export function registerProblemHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return sendProblem(request, reply, err);
    // A date outside the working-day calendar (before 2004 or after 2100) is bad input, wherever it came from.
    if ((err as unknown) instanceof CalendarRangeError) return sendProblem(request, reply, new AppError('calendar_out_of_range', 422));
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
    if (constraintViolation(err)) {
      request.log.warn({ err }, 'constraint violation');
      return sendProblem(request, reply, new AppError('conflict', 409));
    }
    if (err.statusCode === 429) return sendProblem(request, reply, new AppError('too_many_attempts', 429, { minutes: 1 }));
    request.log.error({ err }, 'unhandled error');
    return sendProblem(request, reply, new AppError('internal_error', 500, { requestId: request.id }));
  });
}

/** Unknown API routes answer problem+json; the web console handles every other path itself. */
export function apiNotFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0];
  return sendProblem(request, reply, new AppError('route_not_found', 404, { method: request.method, path }));
}
