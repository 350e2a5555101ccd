/**
 * Departments (工程部, 保洁部, …) that handlers belong to. Company-wide master data.
 */
import type { Page } from '../../shared/schemas/common.js';
import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../shared/schemas/communities.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError, invalidReference, notFound } from '../http/errors.js';
import { inCompany, scopedDepartments, scopedInsert, scopedUpdate } from '../scope.js';

export async function listDepartments(db: Db, ctx: Ctx): Promise<Page<Department>> {
  requirePermission(ctx, 'communities.read', 'users.read', 'departments.manage');
  const rows = await scopedDepartments(db, ctx)
    .select((eb) => [
      'departments.id',
      'departments.name',
      'departments.code',
      'departments.head_id',
      inCompany(db, ctx, 'users').select('users.display_name').where('users.id', '=', eb.ref('departments.head_id')).as('head_name'),
      inCompany(db, ctx, 'users').select(eb.fn.countAll<number>().as('n')).where('users.department_id', '=', eb.ref('departments.id')).as('user_count'),
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

/** Renames a department or sets its head (the first level issues are escalated to). */
export async function updateDepartment(db: Db, ctx: Ctx, id: number, input: UpdateDepartmentBody): Promise<Department> {
  requirePermission(ctx, 'departments.manage');
  const before = await scopedDepartments(db, ctx).select(['id', 'name', 'head_id']).where('departments.id', '=', id).executeTakeFirst();
  if (!before) throw notFound('department');
  if (input.headId) {
    const head = await inCompany(db, ctx, 'users').select('id').where('id', '=', input.headId).where('status', '=', 'active').executeTakeFirst();
    if (!head) throw invalidReference('user', 'headId');
  }
  const diff = changes({ name: before.name, headId: before.head_id }, { name: input.name ?? before.name, headId: input.headId === undefined ? before.head_id : input.headId });
  if (diff.changed) {
    await db.transaction().execute(async (trx) => {
      await scopedUpdate(trx, ctx, 'departments')
        .set({ name: input.name ?? before.name, head_id: input.headId === undefined ? before.head_id : input.headId })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, actorOf(ctx), { action: 'department.update', entityType: 'department', entityId: id, before: diff.before, after: diff.after });
    });
  }
  const department = (await listDepartments(db, ctx)).items.find((d) => d.id === id);
  if (!department) throw notFound('department');
  return department;
}
