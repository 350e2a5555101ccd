/**
 * A list page's state (filters and page) as URL search params, read with the zod query schema the server
 * validates for that list (src/shared/schemas), so that a filtered list can be linked, bookmarked and restored
 * with the back button. Pure functions, no React: `useListParams` wraps them.
 *
 * The URL uses the server's own names (`status=new&limit=50&offset=100`). A page reached by cursor (keyset paging,
 * see shared/schemas/common.ts) is `cursor=…&page=7`: the server's cursor, and the page's number for display only,
 * so a deep page can be linked and the back button returns to the page before. Reading never fails: a param the page
 * does not offer, or one the schema refuses, is dropped and its default used. A param written empty (`open=`)
 * means "cleared" for a filter the page sets by default, so that clearing it can be linked too.
 */
import type { z } from 'zod';

/** The query schemas of list routes: `PageQuery.extend({ … })`. */
export type ListQuerySchema = z.ZodObject<{ limit: z.ZodType; offset: z.ZodType; cursor: z.ZodType } & z.ZodRawShape>;

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
  /** The server's cursor of this page (then offset is 0); absent for a page by offset. */
  cursor?: string;
  /** The number of a page reached by cursor, as the console counted it; absent when the address does not say. */
  page?: number;
}

/** The page number a `page` param may say: the console never counts beyond this. */
const MAX_PAGE = 1_000_000;

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
  const cursorParam = search.get('cursor');
  const cursor = cursorParam ? (read(spec.schema, 'cursor', cursorParam) as string | undefined) : undefined;
  const state: ListState<ListFilters<S, K>> = { filters: filters as ListFilters<S, K>, limit, offset: offset - (offset % limit) };
  if (cursor !== undefined) {
    // A cursor says where the page starts; an offset beside it is dropped (the server refuses both together).
    state.offset = 0;
    state.cursor = cursor;
    const pageParam = search.get('page');
    const page = pageParam && /^[1-9][0-9]{0,6}$/.test(pageParam) ? Number(pageParam) : undefined;
    if (page !== undefined && page >= 2 && page <= MAX_PAGE) state.page = page;
  }
  // Each param passed alone; the whole query must pass too (the server refuses what the schema refuses).
  return spec.schema.safeParse({ ...filters, limit, offset: state.offset, cursor: state.cursor }).success ? state : fallback;
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
  if (state.cursor !== undefined) {
    search.set('cursor', state.cursor);
    if (state.page !== undefined) search.set('page', String(state.page));
  } else if (state.offset > 0) search.set('offset', String(state.offset));
  return search;
}

/** New filters start again at the first page; the page size stays. */
export function withFilters<F>(state: ListState<F>, filters: F): ListState<F> {
  return { filters, limit: state.limit, offset: 0 };
}

/** Going to a numbered page (by offset): a new page size starts again at the first page. */
export function withPage<F>(state: ListState<F>, page: number, pageSize: number): ListState<F> {
  return { filters: state.filters, limit: pageSize, offset: pageSize !== state.limit ? 0 : (Math.max(page, 1) - 1) * pageSize };
}

/** The number of the page a state shows, counting from 1 (undefined for a linked cursor page that does not say). */
export function pageNumber(state: ListState<unknown>): number | undefined {
  return state.cursor !== undefined ? state.page : Math.floor(state.offset / state.limit) + 1;
}

/** The page after this one, by the server's `nextCursor`. */
export function withCursor<F>(state: ListState<F>, cursor: string): ListState<F> {
  const current = pageNumber(state);
  return { filters: state.filters, limit: state.limit, offset: 0, cursor, page: current === undefined ? undefined : current + 1 };
}

/** A page's spec, with its filter keys checked against the schema (and inferred from the list). */
export function listSpec<S extends ListQuerySchema, K extends keyof z.output<S> & string>(spec: ListParamsSpec<S, K>): ListParamsSpec<S, K> {
  return spec;
}
