/** Checks that ids named in an issue request belong to the caller's company, with the field in the error. */
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { invalidReference } from '../http/errors.js';
import { inCompany } from '../scope.js';

export async function assertDepartment(db: Db, ctx: Ctx, id: number | null | undefined, path: string): Promise<void> {
  if (id == null) return;
  const found = await inCompany(db, ctx, 'departments').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw invalidReference('department', path);
}

export async function assertCompanyUser(db: Db, ctx: Ctx, id: number | null | undefined, path: string): Promise<void> {
  if (id == null) return;
  const found = await inCompany(db, ctx, 'users').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw invalidReference('user', path);
}
