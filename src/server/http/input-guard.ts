/**
 * The edge every request passes before its own schema, on every route (one preValidation hook on the root
 * instance, so a new route cannot forget it):
 *
 * - Text no form produces and PostgreSQL cannot store — NUL, the other C0 control characters and DEL — is
 *   refused in path parameters, query strings and JSON bodies, keys included. Tab, line feed and carriage
 *   return stay allowed in bodies, where notes and replies span lines; a path or query value is one line.
 * - A path or query parameter that the route's schema declares a number must be written as a plain
 *   decimal (`12`, `3.5`): `+5`, ` 7`, `0x10`, `1e3` or `6.0` are refused instead of being coerced.
 *
 * Both answer 400 `validation_failed` with one field error per offending value, like the schemas do.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError } from './errors.js';

// Matching control characters is the point of these two expressions.
/* eslint-disable no-control-regex */
const FORBIDDEN_IN_BODY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f]/;
/* eslint-enable no-control-regex */
const DECIMAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;
const DECIMAL_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
/** Deeper JSON than any request of ours; walking it is refused rather than recursed. */
const MAX_DEPTH = 32;

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const errors: FieldError[] = [];
    checkText(request.params, '', FORBIDDEN_IN_LINE, errors, 0);
    checkText(request.query, '', FORBIDDEN_IN_LINE, errors, 0);
    checkText(request.body, '', FORBIDDEN_IN_BODY, errors, 0);
    if (!errors.length) {
      const schema = request.routeOptions.schema;
      checkNumbers(request.params, schema?.params, errors);
      checkNumbers(request.query, schema?.querystring, errors);
    }
    if (errors.length) throw new AppError('validation_failed', 400, { count: errors.length }, { errors });
  });
}

function checkText(value: unknown, path: string, forbidden: RegExp, errors: FieldError[], depth: number): void {
  if (typeof value === 'string') {
    const found = forbidden.exec(value);
    if (found) errors.push(controlCharacter(path, found[0]));
    return;
  }
  if (!value || typeof value !== 'object') return;
  if (depth > MAX_DEPTH) {
    errors.push({ path: path || 'body', code: 'too_deep', key: 'too_deep', params: { maximum: MAX_DEPTH } });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkText(item, join(path, String(i)), forbidden, errors, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = forbidden.exec(key);
    if (found) errors.push(controlCharacter(join(path, key), found[0]));
    else checkText(item, join(path, key), forbidden, errors, depth + 1);
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function controlCharacter(path: string, char: string): FieldError {
  const codePoint = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { path: path || 'body', code: 'control_character', key: 'control_character', params: { char: codePoint } };
}

/** Which parameters of a route's path or query schema are numbers, read once per schema from its JSON Schema. */
const numericFields = new WeakMap<object, Map<string, 'integer' | 'number'>>();

function numericFieldsOf(schema: unknown): Map<string, 'integer' | 'number'> {
  if (!(schema instanceof z.ZodType)) return new Map();
  let fields = numericFields.get(schema);
  if (fields) return fields;
  fields = new Map();
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    const types = typesOf(property);
    if (types.has('integer')) fields.set(name, 'integer');
    else if (types.has('number')) fields.set(name, 'number');
  }
  numericFields.set(schema, fields);
  return fields;
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
}

function typesOf(s: JsonSchema): Set<string> {
  const own = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const nested = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.items ? [s.items] : [])].flatMap((v) => [...typesOf(v)]);
  return new Set([...own, ...nested]);
}

function checkNumbers(values: unknown, schema: unknown, errors: FieldError[]): void {
  if (!values || typeof values !== 'object') return;
  const fields = numericFieldsOf(schema);
  for (const [name, kind] of fields) {
    const raw = (values as Record<string, unknown>)[name];
    const list = Array.isArray(raw) ? raw : [raw];
    list.forEach((v, i) => {
      if (typeof v !== 'string' || (kind === 'integer' ? DECIMAL_INTEGER : DECIMAL_NUMBER).test(v)) return;
      const path = Array.isArray(raw) ? `${name}.${i}` : name;
      const key = kind === 'integer' ? 'integer_format' : 'number_format';
      errors.push({ path, code: key, key });
    });
  }
}
