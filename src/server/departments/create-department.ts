/** Creates a department; its code is unique in the company. */
import type { CreateDepartmentBody, Department } from '../../shared/schemas/departments.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { scopedInsert } from '../scope.js';

export async function createDepartment(db: Db, ctx: Ctx, input: CreateDepartmentBody): Promise<Department> {
  requirePermission(ctx, 'departments.manage');
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await scopedInsert(trx, ctx, 'departments', { company_id: ctx.companyId, name: input.name, code: input.code, created_at: nowIso() })
        .returning(['id', 'name', 'code'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actorOf(ctx), { action: 'department.create', entityType: 'department', entityId: row.id, after: input });
      return { ...row, userCount: 0, headId: null, headName: null };
    });
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('code_taken', 409, { code: input.code });
    throw err;
  }
}
