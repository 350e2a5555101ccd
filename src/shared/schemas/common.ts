/**
 * Building blocks shared by every API schema: ids, dates, pagination, timestamps, the merge body and the problem
 * document.
 * The server validates with these and the web client types its calls with them, so both sides agree.
 */
import { z } from 'zod';

export const Id = z.number().int().positive().meta({ description: 'Numeric identifier' });

/** Canonical decimals: what a form or a client library writes, never `+5`, ` 7`, `0x10`, `1e3`, `6.0` or `01`. */
const DECIMAL_INTEGER = /^-?(0|[1-9][0-9]{0,14})$/;
const DECIMAL_NUMBER = /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?$/;

function fromText<T extends z.ZodType>(pattern: RegExp, inner: T, message: string) {
  return z.preprocess((value, ctx) => {
    if (typeof value !== 'string') return value;
    if (pattern.test(value)) return Number(value);
    ctx.addIssue({ code: 'custom', message, input: value });
    return value;
  }, inner);
}
/** An integer in a path or query string, where it arrives as text: plain decimal digits, at most 15. */
export const textInteger = <T extends z.ZodNumber>(inner: T) => fromText(DECIMAL_INTEGER, inner, 'integer_format');
/** A number with decimals in a query string (a score such as `3.5`), written plainly. */
export const textNumber = <T extends z.ZodNumber>(inner: T) => fromText(DECIMAL_NUMBER, inner, 'number_format');

/** An id in a path or query string, where it arrives as text. */
export const IdParam = textInteger(z.number().int().positive()).meta({ description: 'Numeric identifier' });
export const Timestamp = z.string().meta({ description: 'ISO 8601 timestamp', format: 'date-time' });
export const DateOnly = z.iso.date().meta({ description: 'Calendar date YYYY-MM-DD' });

/**
 * Query parameters of every list endpoint. `limit` is capped at 200. A page is asked for either by `offset`
 * (shallow pages, at most `MAX_OFFSET`) or by `cursor`, the opaque `nextCursor` of the page before it (keyset
 * paging: as fast on page 10,000 as on page 1, and every row exactly once while rows are added between pages).
 */
export const MAX_OFFSET = 10_000;
export const PageQuery = z.strictObject({
  limit: textInteger(z.number().int().min(1).max(200)).default(50),
  offset: textInteger(z.number().int().min(0).max(MAX_OFFSET)).default(0),
  cursor: z.string().min(1).max(500).optional().meta({ description: 'The nextCursor of the previous page; not with offset' }),
});
export type PageQuery = z.infer<typeof PageQuery>;

/**
 * How far `total` can be trusted: `exact`, or `atLeast` when counting stopped at a bound (shown as "10,000+")
 * because an exact count would mean scanning every matching row.
 */
export const TotalKind = z.enum(['exact', 'atLeast']);
export type TotalKind = z.infer<typeof TotalKind>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().meta({ description: 'Number of items matching the filters, across all pages (a lower bound when totalKind is atLeast)' }),
    totalKind: TotalKind.meta({ description: 'exact, or atLeast when counting stopped at a bound' }),
    nextCursor: z.string().nullable().meta({ description: 'Pass as cursor to get the next page; null on the last page' }),
  });
export interface Page<T> {
  items: T[];
  total: number;
  totalKind: TotalKind;
  nextCursor: string | null;
}

/** RFC 9457 problem document returned by every error. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable machine-readable error code' }),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'Field-level errors for validation failures' }),
    allowed: z.array(z.string()).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });

/** Folds a duplicate into the object of the path (a household into a household, a resident into a resident). */
export const MergeBody = z.strictObject({
  duplicateId: Id.meta({ description: 'The duplicate that is folded into this one and then removed' }),
});

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;
