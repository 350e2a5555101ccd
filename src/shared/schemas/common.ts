/**
 * Building blocks shared by every API schema: ids, pagination, timestamps and the problem document.
 * The server validates with these and the web client types its calls with them, so both sides agree.
 */
import { z } from 'zod';

export const Id = z.number().int().positive().meta({ description: 'Numeric identifier' });
/** An id in a path or query string, where it arrives as text. */
export const IdParam = z.coerce.number().int().positive().meta({ description: 'Numeric identifier' });
export const Timestamp = z.string().meta({ description: 'ISO 8601 timestamp', format: 'date-time' });

/** Query parameters of every list endpoint. `limit` is capped at 200. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().meta({ description: 'Number of items matching the filters, across all pages' }),
  });
export interface Page<T> {
  items: T[];
  total: number;
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

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;
