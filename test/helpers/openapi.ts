/**
 * Reads the app's own OpenAPI document into operations with their path, query and JSON body schemas, so that
 * a test can probe every operation (and every operation added later) the same way.
 */
import type { App } from '../../src/server/http/types.js';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  minimum?: number;
  pattern?: string;
  format?: string;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  operationId: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  /** the application/json request body, if the operation takes one */
  body?: JsonSchema;
}

export interface ApiDocument {
  operations: Operation[];
  resolve(schema: JsonSchema): JsonSchema;
}

interface RawOperation {
  operationId: string;
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export async function readApiDocument(app: App): Promise<ApiDocument> {
  const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  const components: Record<string, JsonSchema> = doc.components?.schemas ?? {};
  const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? resolve(components[schema.$ref.split('/').pop()!]) : schema);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, RawOperation>>(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        operationId: op.operationId,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return { operations, resolve };
}

export function typesOf(doc: ApiDocument, schema: JsonSchema): string[] {
  const s = doc.resolve(schema);
  const own = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return [...own, ...[...(s.anyOf ?? []), ...(s.oneOf ?? [])].flatMap((v) => typesOf(doc, v))];
}

/** A plausible value for a schema: the first enum value, 1 for numbers, short text for strings. */
export function sample(doc: ApiDocument, schema: JsonSchema): unknown {
  const s = doc.resolve(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return sample(doc, variants.find((v) => doc.resolve(v).type !== 'null') ?? variants[0]);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'object') return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(doc, v)]));
  if (type === 'array') return s.items ? [sample(doc, s.items)] : [];
  if (type === 'integer' || type === 'number') return Math.max(1, s.minimum ?? 1);
  if (type === 'boolean') return true;
  if (type === 'string') return s.format === 'date' ? '2025-01-01' : 'probe'.padEnd(Math.max(5, s.minLength ?? 0), 'x');
  return undefined;
}

/** The dotted paths of every free-text string in a body schema (enums and constants excluded), arrays at index 0. */
export function stringFields(doc: ApiDocument, schema: JsonSchema, prefix = '', depth = 0): string[] {
  if (depth > 8) return [];
  const s = doc.resolve(schema);
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return [...new Set(variants.flatMap((v) => stringFields(doc, v, prefix, depth + 1)))];
  if (s.enum || s.const !== undefined) return [];
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('object')) {
    return Object.entries(s.properties ?? {}).flatMap(([k, v]) => stringFields(doc, v, prefix ? `${prefix}.${k}` : k, depth + 1));
  }
  if (types.includes('array') && s.items) return stringFields(doc, s.items, `${prefix}.0`, depth + 1);
  return types.includes('string') ? [prefix] : [];
}

/** Puts a value at a dotted path of a sampled body, creating the objects and arrays on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((key, i) => {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]] = value;
}
