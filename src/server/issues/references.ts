/** Checks that ids named in an issue request belong to the caller's company, with the field in the error. */
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { invalidReference } from '../http/errors.js';

export async function assertDepartment(db: Db, ctx: Ctx, id: number | null | undefined, path: string): Promise<void> {
  if (id == null) return;
  const found = await db.selectFrom('departments').select('id').where('id', '=', id).where('company_id', '=', ctx.companyId).executeTakeFirst();
  if (!found) throw invalidReference('department', path);
}

export async function assertCompanyUser(db: Db, ctx: Ctx, id: number | null | undefined, path: string): Promise<void> {
  if (id == null) return;
  const found = await db.selectFrom('users').select('id').where('id', '=', id).where('company_id', '=', ctx.companyId).executeTakeFirst();
  if (!found) throw invalidReference('user', path);
}
