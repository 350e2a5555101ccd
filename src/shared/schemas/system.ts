/** Health and other system-level responses. */
import { z } from 'zod';

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;
