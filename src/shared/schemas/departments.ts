/** Departments (部门) of a company: where issues are routed, with the head who receives the first escalation. */
import { z } from 'zod';
import { Id } from './common.js';

export const Department = z
  .object({ id: Id, name: z.string(), code: z.string(), userCount: z.number().int(), headId: Id.nullable().meta({ description: 'Department head: first level of escalation' }), headName: z.string().nullable() })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof Department>;

export const CreateDepartmentBody = z.strictObject({
  name: z.string().trim().min(1).max(64),
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, { message: 'code_format' }),
});
export type CreateDepartmentBody = z.infer<typeof CreateDepartmentBody>;

export const UpdateDepartmentBody = z.strictObject({ name: z.string().trim().min(1).max(64).optional(), headId: Id.nullable().optional() });
export type UpdateDepartmentBody = z.infer<typeof UpdateDepartmentBody>;
