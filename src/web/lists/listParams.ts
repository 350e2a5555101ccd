/**
 * A list page's state (filters and page) as URL search params, read with the zod query schema the server
 * validates for that list (src/shared/schemas), so that a filtered list can be linked, bookmarked and restored
 * with the back button. Pure functions, no React: `useListParams` wraps them.
 *
 * The URL uses the server's own names (`status=new&limit=50&offset=100`). Reading never fails: a param the page
 * does not offer, or one the schema refuses, is dropped and its default used. A param written empty (`open=`)
 * means "cleared" for a filter the page sets by default, so that clearing it can be linked too.
 */
import type { z } from 'zod';

/** The query schemas of list routes: `PageQuery.extend({ … })`. */
export type ListQuerySchema = z.ZodObject<{ limit: z.ZodType; offset: z.ZodType } & z.ZodRawShape>;

/** Which filters of the schema a page offers in its URL, and their values before the user changes them. */
export interface ListParamsSpec<S extends ListQuerySchema, K extends keyof z.output<S> & string> {
  schema: S;
  keys: readonly K[];
  defaults?: ListFilters<S, K>;
  /** Rows per page when the URL does not say; the console's tables start at 20. */
  pageSize?: number;
}

export type ListFilters<S extends ListQuerySchema, K extends keyof z.output<S>> = Partial<Pick<z.output<S>, K>>;

export interface ListState<F> {
  filters: F;
  limit: number;
  offset: number;
}

export const DEFAULT_PAGE_SIZE = 20;

function field(schema: ListQuerySchema, key: string): z.ZodType | undefined {
  return (schema.shape as unknown as Record<string, z.ZodType | undefined>)[key];
}

/** The value of one param as the schema reads it, or undefined when the schema refuses it. */
function read(schema: ListQuerySchema, key: string, raw: string): unknown {
  const result = field(schema, key)?.safeParse(raw);
  return result?.success ? result.data : undefined;
}

function defaultState<S extends ListQuerySchema, K extends keyof z.output<S> & string>(spec: ListParamsSpec<S, K>): ListState<ListFilters<S, K>> {
  return { filters: { ...spec.defaults } as ListFilters<S, K>, limit: spec.pageSize ?? DEFAULT_PAGE_SIZE, offset: 0 };
}

/** The list state a URL asks for; whatever in it is not valid for this list falls back to the page's defaults. */
export function parseListParams<S extends ListQuerySchema, K extends keyof z.output<S> & string>(
  spec: ListParamsSpec<S, K>,
  search: URLSearchParams,
): ListState<ListFilters<S, K>> {
  const fallback = defaultState(spec);
  const filters: Record<string, unknown> = {};
  for (const key of spec.keys) {
    const raw = search.get(key);
    const byDefault = (spec.defaults as Record<string, unknown> | undefined)?.[key];
    if (raw === null) {
      if (byDefault !== undefined) filters[key] = byDefault;
      continue;
    }
    const value = raw === '' ? undefined : read(spec.schema, key, raw);
    if (value !== undefined) filters[key] = value;
    else if (raw !== '' && byDefault !== undefined) filters[key] = byDefault;
  }
  const limitParam = search.get('limit');
  const limit = (limitParam && (read(spec.schema, 'limit', limitParam) as number | undefined)) || fallback.limit;
  const offsetParam = search.get('offset');
  const offset = (offsetParam && (read(spec.schema, 'offset', offsetParam) as number | undefined)) || 0;
  const state = { filters: filters as ListFilters<S, K>, limit, offset: offset - (offset % limit) };
  // Each param passed alone; the whole query must pass too (the server refuses what the schema refuses).
  return spec.schema.safeParse({ ...filters, limit, offset: state.offset }).success ? state : fallback;
}

/** The search params of a list state: only what differs from the page's defaults, in the page's filter order. */
export function serializeListParams<S extends ListQuerySchema, K extends keyof z.output<S> & string>(
  spec: ListParamsSpec<S, K>,
  state: ListState<ListFilters<S, K>>,
): URLSearchParams {
  const search = new URLSearchParams();
  const filters = state.filters as Record<string, unknown>;
  for (const key of spec.keys) {
    const value = filters[key];
    const byDefault = (spec.defaults as Record<string, unknown> | undefined)?.[key];
    if (value === byDefault) continue;
    search.set(key, value === undefined || value === null ? '' : String(value));
  }
  if (state.limit !== (spec.pageSize ?? DEFAULT_PAGE_SIZE)) search.set('limit', String(state.limit));
  if (state.offset > 0) search.set('offset', String(state.offset));
  return search;
}

/** New filters start again at the first page; the page size stays. */
export function withFilters<F>(state: ListState<F>, filters: F): ListState<F> {
  return { ...state, filters, offset: 0 };
}

/** Going to a page of the table: a new page size starts again at the first page. */
export function withPage<F>(state: ListState<F>, page: number, pageSize: number): ListState<F> {
  return { ...state, limit: pageSize, offset: pageSize !== state.limit ? 0 : (Math.max(page, 1) - 1) * pageSize };
}

/** A page's spec, with its filter keys checked against the schema (and inferred from the list). */
export function listSpec<S extends ListQuerySchema, K extends keyof z.output<S> & string>(spec: ListParamsSpec<S, K>): ListParamsSpec<S, K> {
  return spec;
}
