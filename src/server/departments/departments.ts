/**
 * Departments (工程部, 保洁部, …) that handlers belong to. Company-wide master data.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../shared/schemas/departments.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError, invalidReference, notFound } from '../http/errors.js';
import { scopedDepartments } from '../scope.js';

export async function listDepartments(db: Db, ctx: Ctx): Promise<Page<Department>> {
  requirePermission(ctx, 'communities.read', 'users.read', 'departments.manage');
  const rows = await scopedDepartments(db, ctx)
    .select((eb) => [
      'departments.id',
      'departments.name',
      'departments.code',
      'departments.head_id',
      eb.selectFrom('users').select('users.display_name').whereRef('users.id', '=', 'departments.head_id').as('head_name'),
      eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')).whereRef('users.department_id', '=', 'departments.id').as('user_count'),
    ])
    .orderBy('departments.name')
    .execute();
  const items = rows.map((r) => ({ id: r.id, name: r.name, code: r.code, userCount: Number(r.user_count ?? 0), headId: r.head_id, headName: r.head_name ?? null }));
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
      return { ...row, userCount: 0, headId: null, headName: null };
    });
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('code_taken', 409, { code: input.code });
    throw err;
  }
}

/** Renames a department or sets its head (the first level issues are escalated to). */
export async function updateDepartment(db: Db, ctx: Ctx, id: number, input: UpdateDepartmentBody): Promise<Department> {
  requirePermission(ctx, 'departments.manage');
  const before = await scopedDepartments(db, ctx).select(['id', 'name', 'head_id']).where('departments.id', '=', id).executeTakeFirst();
  if (!before) throw notFound('department');
  if (input.headId) {
    const head = await db.selectFrom('users').select('id').where('id', '=', input.headId).where('company_id', '=', ctx.companyId).where('status', '=', 'active').executeTakeFirst();
    if (!head) throw invalidReference('user', 'headId');
  }
  const diff = changes({ name: before.name, headId: before.head_id }, { name: input.name ?? before.name, headId: input.headId === undefined ? before.head_id : input.headId });
  if (diff.changed) {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('departments')
        .set({ name: input.name ?? before.name, head_id: input.headId === undefined ? before.head_id : input.headId })
        .where('id', '=', id)
        .where('company_id', '=', ctx.companyId)
        .execute();
      await recordAudit(trx, actorOf(ctx), { action: 'department.update', entityType: 'department', entityId: id, before: diff.before, after: diff.after });
    });
  }
  const department = (await listDepartments(db, ctx)).items.find((d) => d.id === id);
  if (!department) throw notFound('department');
  return department;
}
