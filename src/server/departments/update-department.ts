/** Changing a department: its name, or its head (the first level issues are escalated to). */
import type { Department, UpdateDepartmentBody } from '../../shared/schemas/departments.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { invalidReference, notFound } from '../http/errors.js';
import { inCompany, scopedDepartments, scopedUpdate } from '../scope.js';
import { listDepartments } from './queries.js';

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
