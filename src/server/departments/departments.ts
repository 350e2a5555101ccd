/**
 * Departments (工程部, 保洁部, …) that handlers belong to. Company-wide master data.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../shared/schemas/communities.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { constraintViolation, nowIso, type Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { scopedDepartments } from '../scope.js';

export async function listDepartments(db: Db, ctx: Ctx): Promise<Page<Department>> {
  requirePermission(ctx, 'communities.read', 'users.read', 'departments.manage');
  const rows = await scopedDepartments(db, ctx)
    .select((eb) => [
      'departments.id',
      'departments.name',
      'departments.code',
      eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')).whereRef('users.department_id', '=', 'departments.id').as('user_count'),
    ])
    .orderBy('departments.name')
    .execute();
  const items = rows.map((r) => ({ id: r.id, name: r.name, code: r.code, userCount: Number(r.user_count ?? 0) }));
  return { items, total: items.length };
}

export async function createDepartment(db: Db, ctx: Ctx, input: CreateDepartmentBody): Promise<Department> {
  requirePermission(ctx, 'departments.manage');
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('departments')
        .values({ company_id: ctx.companyId, name: input.name, code: input.code, created_at: nowIso() })
        .returning(['id', 'name', 'code'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actorOf(ctx), { action: 'department.create', entityType: 'department', entityId: row.id, after: input });
      return { ...row, userCount: 0 };
    });
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('code_taken', 409, { code: input.code });
    throw err;
  }
}

export async function renameDepartment(db: Db, ctx: Ctx, id: number, input: UpdateDepartmentBody): Promise<Department> {
  requirePermission(ctx, 'departments.manage');
  const before = await scopedDepartments(db, ctx).select(['id', 'name']).where('departments.id', '=', id).executeTakeFirst();
  if (!before) throw notFound('department');
  if (before.name !== input.name) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('departments').set({ name: input.name }).where('id', '=', id).where('company_id', '=', ctx.companyId).execute();
      await recordAudit(trx, actorOf(ctx), { action: 'department.update', entityType: 'department', entityId: id, before: { name: before.name }, after: { name: input.name } });
    });
  }
  const department = (await listDepartments(db, ctx)).items.find((d) => d.id === id);
  if (!department) throw notFound('department');
  return department;
}
