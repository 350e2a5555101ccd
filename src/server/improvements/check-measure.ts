/**
 * The checks a measure's fields pass before it is written, shared by create-measure.ts and update-measure.ts: the
 * dimension is one of the company's service dimensions, the category one of its issue categories, the owner an
 * active user of the company, and the end is not before the start.
 */
import type { MeasureTarget } from '../../shared/schemas/improvements.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, invalidReference } from '../http/errors.js';
import { inCompany } from '../scope.js';

export interface MeasureFields {
  target: MeasureTarget;
  startDate: string;
  endDate: string | null;
  ownerId: number | null;
}

export async function checkMeasure(db: Db, ctx: Ctx, fields: MeasureFields, changed: { target: boolean; owner: boolean }): Promise<void> {
  if (fields.endDate !== null && fields.endDate < fields.startDate) {
    throw new AppError('measure_end_before_start', 400, { startDate: fields.startDate, endDate: fields.endDate });
  }
  if (changed.target) {
    const target = fields.target;
    if (target.kind === 'dimension') {
      const found = await db.selectFrom('service_dimensions').select('id').where('company_id', '=', ctx.companyId).where('name', '=', target.dimension).executeTakeFirst();
      if (!found) throw new AppError('measure_dimension_unknown', 400, { dimension: target.dimension });
    } else {
      const found = await db.selectFrom('issue_categories').select('id').where('company_id', '=', ctx.companyId).where('id', '=', target.categoryId).executeTakeFirst();
      if (!found) throw new AppError('measure_category_unknown', 400, { categoryId: target.categoryId });
    }
  }
  if (changed.owner && fields.ownerId !== null) {
    const owner = await inCompany(db, ctx, 'users').select('users.id').where('users.id', '=', fields.ownerId).where('users.status', '=', 'active').executeTakeFirst();
    if (!owner) throw invalidReference('user', 'ownerId');
  }
}

/** The stored columns of a target. */
export const targetColumns = (target: MeasureTarget) =>
  target.kind === 'dimension'
    ? { target_kind: 'dimension' as const, dimension: target.dimension, category_id: null }
    : { target_kind: 'category' as const, dimension: null, category_id: target.categoryId };
