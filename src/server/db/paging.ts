/**
 * Paging of every list: the opaque cursor (keyset paging), the condition "after this row" in the list's sort
 * order, and the bounded total. A list selects the ids of its page from its base table alone (filters, sort,
 * limit), joins its display columns for those ids only, and counts over the same base query, never the joins.
 *
 * A cursor is base64url of JSON `[list, ...sort-key values]` of the last row of a page; decoding checks the list
 * name, the number and the type of every value, and that it is written exactly as the server writes it, so a
 * cursor of another list or a hand-edited one is a 400 `cursor_invalid`. A cursor only says where to resume:
 * the caller's scope and filters still apply to every row after it.
 */
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { TotalKind } from '../../shared/schemas/common.js';
import type { Db } from './database.js';
import { cursorInvalid, cursorWithOffset } from '../http/errors.js';

/** Counting stops here: beyond it a list says "at least 10,000" rather than scan every matching row. */
export const COUNT_BOUND = 10_000;

/** What one sort-key value of a cursor must be; `?` allows null. */
export type KeyType = 'int' | 'date' | 'instant' | 'text' | 'int?' | 'date?' | 'instant?' | 'text?';
export type KeyValue = string | number | null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function fits(type: KeyType, v: unknown): boolean {
  if (v === null) return type.endsWith('?');
  switch (type.replace('?', '')) {
    case 'int':
      return typeof v === 'number' && Number.isSafeInteger(v);
    case 'date':
      return typeof v === 'string' && DATE.test(v);
    case 'instant':
      return typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v));
    default:
      return typeof v === 'string' && v.length <= 200;
  }
}

export function encodeCursor(list: string, values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([list, ...values]), 'utf8').toString('base64url');
}

/** The sort-key values a cursor carries; throws 400 `cursor_invalid` for anything the server did not write. */
export function decodeCursor(list: string, types: readonly KeyType[], cursor: string): KeyValue[] {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw cursorInvalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorInvalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== types.length + 1 || parsed[0] !== list) throw cursorInvalid();
  const values = parsed.slice(1) as unknown[];
  if (!values.every((v, i) => fits(types[i], v))) throw cursorInvalid();
  // Exactly as written by encodeCursor: no padding, no other spelling of the same JSON.
  if (encodeCursor(list, values as KeyValue[]) !== cursor) throw cursorInvalid();
  return values as KeyValue[];
}

/**
 * The cursor of a request, decoded, or null for the first page (or a page by offset). A cursor and an offset
 * together are refused: the cursor already says where the page starts.
 */
export function readCursor(list: string, types: readonly KeyType[], query: { cursor?: string; offset: number }): KeyValue[] | null {
  if (query.cursor === undefined) return null;
  if (query.offset > 0) throw cursorWithOffset();
  return decodeCursor(list, types, query.cursor);
}

export interface SortKey {
  /** a column reference such as `visit_records.visit_date` */
  ref: string;
  dir: 'asc' | 'desc';
}

/**
 * Rows strictly after `values` in the order of `keys` (non-null keys; a nullable sort key is split into its own
 * segments by the list, see the supervision view in issues/queries.ts). Keys of one direction become one row-value
 * comparison `(a, b) < (x, y)`, which both databases answer as a range of an index on (a, b). Mixed directions
 * become `a >= x and (a > x or (b < y …))`, so that the first key still bounds an index range.
 */
export function after(keys: readonly SortKey[], values: readonly KeyValue[]): Expression<SqlBool> {
  const ref = (k: SortKey) => sql.ref(k.ref);
  const op = (k: SortKey) => (k.dir === 'asc' ? sql.raw('>') : sql.raw('<'));
  if (keys.every((k) => k.dir === keys[0].dir)) {
    if (keys.length === 1) return sql<SqlBool>`${ref(keys[0])} ${op(keys[0])} ${values[0]}`;
    return sql<SqlBool>`(${sql.join(keys.map(ref))}) ${op(keys[0])} (${sql.join(values.map((v) => sql`${v}`))})`;
  }
  const strictlyAfter = (i: number): Expression<SqlBool> => {
    const here = sql<SqlBool>`${ref(keys[i])} ${op(keys[i])} ${values[i]}`;
    if (i === keys.length - 1) return here;
    return sql<SqlBool>`(${here} or (${ref(keys[i])} = ${values[i]} and ${strictlyAfter(i + 1)}))`;
  };
  return sql<SqlBool>`(${ref(keys[0])} ${sql.raw(keys[0].dir === 'asc' ? '>=' : '<=')} ${values[0]} and ${strictlyAfter(0)})`;
}

/**
 * `limit` rows of `q` in the order of `keys`: those after the cursor's row, or from `offset` for a page by offset.
 * The one place a list's sort order is written, so its ORDER BY and its cursor condition cannot drift apart. A list
 * reads one row more than its page, so that `cut` can tell whether another page follows.
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  keys: readonly SortKey[],
  from: readonly KeyValue[] | null,
  limit: number,
  offset: number,
): SelectQueryBuilder<DB, TB, O> {
  let p = from ? q.where(after(keys, from)) : q;
  for (const k of keys) p = p.orderBy(sql.ref(k.ref), k.dir);
  return p.limit(limit).offset(from ? 0 : offset);
}

/** The exact total of a short list (a company's users, communities, staff, questionnaires): its count, unbounded. */
export async function exactCount<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>): Promise<{ total: number; totalKind: 'exact' }> {
  const row = await q
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return { total: Number((row as { n: number }).n), totalKind: 'exact' };
}

/**
 * The total of a list: exact up to `bound` matching rows, else `bound` labelled `atLeast`. Counts the base query
 * (the list's table with its scope and filters, no display joins) stopped at bound + 1 rows.
 */
export async function boundedCount<DB, TB extends keyof DB, O>(
  db: Db,
  q: SelectQueryBuilder<DB, TB, O>,
  bound: number,
): Promise<{ total: number; totalKind: TotalKind }> {
  const capped = q.clearSelect().clearOrderBy().select(sql<number>`1`.as('one')).limit(bound + 1);
  const row = await db
    .selectFrom(capped.as('capped') as never)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const n = Number((row as { n: number }).n);
  return n > bound ? { total: bound, totalKind: 'atLeast' } : { total: n, totalKind: 'exact' };
}

/**
 * Of `limit + 1` rows read, the page and the cursor of the next one (null when the extra row is missing, i.e.
 * on the last page).
 */
export function cut<R>(list: string, rows: R[], limit: number, keyOf: (row: R) => KeyValue[]): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(list, keyOf(page[page.length - 1])) };
}

/** Puts rows read by id back into the order of the page's ids. */
export function inOrderOf<R extends { id: number }>(ids: readonly number[], rows: R[]): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
