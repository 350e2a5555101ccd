/**
 * Issue categories (保洁, 安保, …, 其他): each routes its issues to a department and sets the working days
 * to resolve them. Company-level and configurable; a category in use is deactivated, never deleted.
 */
import type { IssueCategory } from '../../shared/schemas/issues.js';
import type { z } from 'zod';
import type { CreateCategoryBody, UpdateCategoryBody } from '../../shared/schemas/issues.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { constraintViolation, type Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import { normalizeText } from '../households/room.js';
import { FALLBACK_CATEGORY_CODE } from './defaults.js';
import { assertDepartment } from './references.js';

function categoryRows(db: Db, companyId: number) {
  return db
    .selectFrom('issue_categories as c')
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .select(['c.id', 'c.code', 'c.name', 'c.department_id', 'd.name as department_name', 'c.resolve_days', 'c.position', 'c.active'])
    .where('c.company_id', '=', companyId);
}
type CategoryRow = Awaited<ReturnType<ReturnType<typeof categoryRows>['execute']>>[number];

const toCategory = (r: CategoryRow): IssueCategory => ({
  id: r.id,
  code: r.code,
  name: r.name,
  departmentId: r.department_id,
  departmentName: r.department_name,
  resolveDays: r.resolve_days,
  position: r.position,
  active: r.active === 1,
});

export async function loadCategories(db: Db, companyId: number): Promise<IssueCategory[]> {
  return (await categoryRows(db, companyId).orderBy('c.position').orderBy('c.id').execute()).map(toCategory);
}

export async function listCategories(db: Db, ctx: Ctx, includeInactive: boolean): Promise<IssueCategory[]> {
  requirePermission(ctx, 'issues.read', 'issues.configure', 'visits.work');
  const all = await loadCategories(db, ctx.companyId);
  return includeInactive ? all : all.filter((c) => c.active);
}

/**
 * The category an item raised in a visit belongs to: what the visitor picked is a category's name (or
 * one part of a name such as 维修/工程, or its code); anything else falls under 其他.
 */
export function matchCategory(categories: readonly IssueCategory[], written: string): IssueCategory {
  const text = normalizeText(written).toLowerCase();
  const active = categories.filter((c) => c.active);
  const found =
    active.find((c) => c.name === text || c.code === text) ??
    active.find((c) => c.name.split('/').includes(text)) ??
    active.find((c) => c.code === FALLBACK_CATEGORY_CODE) ??
    categories.find((c) => c.code === FALLBACK_CATEGORY_CODE) ??
    active[0];
  if (!found) throw new AppError('invalid_reference', 422, { entity: 'category' });
  return found;
}

export async function createCategory(db: Db, ctx: Ctx, input: z.infer<typeof CreateCategoryBody>): Promise<IssueCategory> {
  requirePermission(ctx, 'issues.configure');
  await assertDepartment(db, ctx, input.departmentId, 'departmentId');
  const last = await db.selectFrom('issue_categories').select((eb) => eb.fn.max('position').as('p')).where('company_id', '=', ctx.companyId).executeTakeFirst();
  try {
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('issue_categories')
        .values({
          company_id: ctx.companyId,
          code: `c${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`,
          name: input.name,
          department_id: input.departmentId,
          resolve_days: input.resolveDays,
          position: Number(last?.p ?? 0) + 1,
          active: 1,
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actorOf(ctx), { action: 'issue_category.create', entityType: 'category', entityId: id, after: { ...input } });
      return id;
    });
    return toCategory(await categoryRows(db, ctx.companyId).where('c.id', '=', id).executeTakeFirstOrThrow());
  } catch (err) {
    if (constraintViolation(err) === 'unique') throw new AppError('category_name_taken', 409, { name: input.name });
    throw err;
  }
}

export async function updateCategory(db: Db, ctx: Ctx, id: number, input: z.infer<typeof UpdateCategoryBody>): Promise<IssueCategory> {
  requirePermission(ctx, 'issues.configure');
  const row = await categoryRows(db, ctx.companyId).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('category');
  await assertDepartment(db, ctx, input.departmentId, 'departmentId');
  const before = toCategory(row);
  const after = {
    name: input.name ?? before.name,
    departmentId: input.departmentId === undefined ? before.departmentId : input.departmentId,
    resolveDays: input.resolveDays ?? before.resolveDays,
    position: input.position ?? before.position,
    active: input.active ?? before.active,
  };
  const diff = changes({ name: before.name, departmentId: before.departmentId, resolveDays: before.resolveDays, position: before.position, active: before.active }, after);
  if (diff.changed) {
    try {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('issue_categories')
          .set({ name: after.name, department_id: after.departmentId, resolve_days: after.resolveDays, position: after.position, active: after.active ? 1 : 0 })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, actorOf(ctx), { action: 'issue_category.update', entityType: 'category', entityId: id, before: diff.before, after: diff.after });
      });
    } catch (err) {
      if (constraintViolation(err) === 'unique') throw new AppError('category_name_taken', 409, { name: after.name });
      throw err;
    }
  }
  return toCategory(await categoryRows(db, ctx.companyId).where('c.id', '=', id).executeTakeFirstOrThrow());
}
