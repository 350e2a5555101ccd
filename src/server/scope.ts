/**
 * Scoped queries. Every read or write of company data begins here: `scoped…(db, ctx)` reads within the
 * caller's company and communities, `inCompany` within the company alone, `scopedUpdate` / `scopedDelete` /
 * `scopedInsert` write within them. The lint rule in eslint.config.js refuses `selectFrom`, `updateTable`,
 * `deleteFrom` and `insertInto` on the tables below anywhere else in src/server. Code that acts without a
 * caller (login, the deadline sweep, outbox delivery, demo seeding, company bootstrap) says so with
 * `unscoped(db, reason)`, which is easy to find.
 *
 * Objects outside the scope are indistinguishable from missing ones: use cases answer 404 for both.
 */
import { sql, type SelectQueryBuilder, type InsertQueryBuilder, type InsertResult, type Insertable, type Kysely, type UpdateQueryBuilder, type UpdateResult, type DeleteQueryBuilder, type DeleteResult } from 'kysely';
import type { Ctx } from './context.js';
import type { Db } from './db/database.js';
import type { Database } from './db/schema.js';

/** Tables of company-level data: shared by every community of the company. */
export const COMPANY_TABLES = ['communities', 'users', 'roles', 'departments', 'staff', 'tags', 'questionnaires', 'improvement_measures'] as const;
/** Tables of community-level data: each row belongs to one community. */
export const COMMUNITY_TABLES = ['households', 'residents', 'visit_tasks', 'visit_records', 'household_coverage', 'household_counts', 'record_months', 'record_dimension_months', 'task_months', 'issue_resolve_months', 'issue_reply_months', 'issue_raised_months', 'issues', 'audit_log'] as const;
export type ScopedTable = (typeof COMPANY_TABLES)[number] | (typeof COMMUNITY_TABLES)[number];

/**
 * The way out of the scope, for code that acts without a caller's scope or before there is one. The reason
 * is a string literal (the lint rule checks), so `unscoped(` lists every such place and why.
 */
export function unscoped<D extends Kysely<Database>>(db: D, reason: string): D {
  void reason;
  return db;
}

export function scopedCommunities(db: Db, ctx: Ctx) {
  let q = db.selectFrom('communities').where('communities.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) q = q.where('communities.id', 'in', nonEmpty(ctx.communityIds));
  return q;
}

/**
 * Users visible to the context: the whole company for company-wide users; otherwise the users who share
 * at least one community with the context (company-wide staff such as managers are not visible then).
 */
export function scopedUsers(db: Db, ctx: Ctx) {
  let q = db.selectFrom('users').where('users.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_communities as uc')
          .select(sql`1`.as('one'))
          .whereRef('uc.user_id', '=', 'users.id')
          .where('uc.community_id', 'in', nonEmpty(ctx.communityIds)),
      ),
    );
  }
  return q;
}

/** Company-level objects (roles, departments) are shared by every community of the company. */
export function scopedRoles(db: Db, ctx: Ctx) {
  return db.selectFrom('roles').where('roles.company_id', '=', ctx.companyId);
}

export function scopedDepartments(db: Db, ctx: Ctx) {
  return db.selectFrom('departments').where('departments.company_id', '=', ctx.companyId);
}

/** Audit entries of the company; community-bound entries only for communities in scope. */
export function scopedAudit(db: Db, ctx: Ctx) {
  let q = db.selectFrom('audit_log').where('audit_log.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) q = q.where('audit_log.community_id', 'in', nonEmpty(ctx.communityIds));
  return q;
}

/** Households of the communities in scope. */
export function scopedHouseholds(db: Db, ctx: Ctx) {
  let q = db.selectFrom('households').where('households.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) q = q.where('households.community_id', 'in', nonEmpty(ctx.communityIds));
  return q;
}

/** Residents of the communities in scope. */
export function scopedResidents(db: Db, ctx: Ctx) {
  let q = db.selectFrom('residents').where('residents.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) q = q.where('residents.community_id', 'in', nonEmpty(ctx.communityIds));
  return q;
}

/** Staff of the company; community-bound users see the staff who work in one of their communities. */
export function scopedStaff(db: Db, ctx: Ctx) {
  let q = db.selectFrom('staff').where('staff.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) {
    q = q.where('staff.id', 'in', db.selectFrom('staff_communities').select('staff_id').where('community_id', 'in', nonEmpty(ctx.communityIds)));
  }
  return q;
}

export function scopedTags(db: Db, ctx: Ctx) {
  return db.selectFrom('tags').where('tags.company_id', '=', ctx.companyId);
}

/** Questionnaires of the company: company-wide ones, and community ones for communities in scope. */
export function scopedQuestionnaires(db: Db, ctx: Ctx) {
  let q = db.selectFrom('questionnaires').where('questionnaires.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) {
    q = q.where((eb) => eb.or([eb('questionnaires.community_id', 'is', null), eb('questionnaires.community_id', 'in', nonEmpty(ctx.communityIds))]));
  }
  return q;
}

/**
 * Improvement measures of the company: company-wide ones (community null), and community ones for communities in
 * scope. Writes to a company-wide one need scope.company, which the use cases check.
 */
export function scopedMeasures(db: Db, ctx: Ctx) {
  let q = db.selectFrom('improvement_measures').where('improvement_measures.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) {
    q = q.where((eb) => eb.or([eb('improvement_measures.community_id', 'is', null), eb('improvement_measures.community_id', 'in', nonEmpty(ctx.communityIds))]));
  }
  return q;
}

/** Visit tasks of the communities in scope. */
export function scopedTasks(db: Db, ctx: Ctx) {
  let q = db.selectFrom('visit_tasks').where('visit_tasks.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) q = q.where('visit_tasks.community_id', 'in', nonEmpty(ctx.communityIds));
  return q;
}

/** Visit records of the communities in scope. */
export function scopedRecords(db: Db, ctx: Ctx) {
  let q = db.selectFrom('visit_records').where('visit_records.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) q = q.where('visit_records.community_id', 'in', nonEmpty(ctx.communityIds));
  return q;
}

/** The 12-month coverage rollup (kept by triggers on visit_records) of the communities in scope. */
export function scopedCoverage(db: Db, ctx: Ctx) {
  let q = db.selectFrom('household_coverage').where('household_coverage.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) q = q.where('household_coverage.community_id', 'in', nonEmpty(ctx.communityIds));
  return q;
}

/** Households on the roster per community and building (kept by triggers: migration 2026_12_03_0600_month_rollups). */
export function scopedHouseholdCounts(db: Db, ctx: Ctx) {
  let q = db.selectFrom('household_counts').where('household_counts.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) q = q.where('household_counts.community_id', 'in', nonEmpty(ctx.communityIds));
  return q;
}

/** The monthly rollups (kept by triggers: migration 2026_12_03_0600_month_rollups). */
type RollupTable = 'record_months' | 'record_dimension_months' | 'task_months' | 'issue_resolve_months' | 'issue_reply_months' | 'issue_raised_months';

/** A reader of one monthly rollup within the communities in scope (every rollup has a company and a community). */
function scopedRollup<T extends RollupTable>(table: T) {
  return (db: Db, ctx: Ctx) => {
    const t = table as 'record_months';
    let q = db.selectFrom(t).where(`${t}.company_id`, '=', ctx.companyId);
    if (!ctx.allCommunities) q = q.where(`${t}.community_id`, 'in', nonEmpty(ctx.communityIds));
    return q as unknown as SelectQueryBuilder<Database, T, object>;
  };
}
export const scopedRecordMonths = scopedRollup('record_months');
export const scopedDimensionMonths = scopedRollup('record_dimension_months');
export const scopedTaskMonths = scopedRollup('task_months');
export const scopedResolveMonths = scopedRollup('issue_resolve_months');
export const scopedReplyMonths = scopedRollup('issue_reply_months');
export const scopedRaisedMonths = scopedRollup('issue_raised_months');

/** Issues of the communities in scope. */
export function scopedIssues(db: Db, ctx: Ctx) {
  let q = db.selectFrom('issues').where('issues.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) q = q.where('issues.community_id', 'in', nonEmpty(ctx.communityIds));
  return q;
}

/** The caller's own account, which the caller reaches whatever its communities. */
export function ownUser(db: Db, ctx: Ctx) {
  return db.selectFrom('users').where('users.id', '=', ctx.userId).where('users.company_id', '=', ctx.companyId);
}

/**
 * Rows of the caller's company, whatever the caller's communities: for company-level facts (a role's or a
 * department's users, a department head), for callers whose permission reaches the whole company, and for
 * naming objects the caller reached through another scoped row (an audit entry's object).
 * Takes `'table'` or `'table as alias'`.
 */
export function inCompany<TE extends ScopedTable | `${ScopedTable} as ${string}`>(db: Db, ctx: Ctx, from: TE) {
  const alias = from.includes(' as ') ? from.split(' as ')[1] : from;
  const q = db.selectFrom(from);
  return (q as any).where(sql<boolean>`${sql.ref(`${alias}.company_id`)} = ${ctx.companyId}`) as typeof q;
}

/**
 * Writes. A row is changed only after the use case has read it through a starter above; the write repeats
 * the company filter (and, for community data, the community filter), so that a write can never reach past
 * the scope even if a read forgot to check.
 */
export function scopedUpdate<T extends ScopedTable>(db: Db, ctx: Ctx, table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
  return scopeWhere(db.updateTable(table as ScopedTable), ctx, table) as unknown as UpdateQueryBuilder<Database, T, T, UpdateResult>;
}

export function scopedDelete<T extends ScopedTable>(db: Db, ctx: Ctx, table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
  return scopeWhere(db.deleteFrom(table as ScopedTable), ctx, table) as unknown as DeleteQueryBuilder<Database, T, DeleteResult>;
}

/** Inserts write the caller's company into every row, whatever the row says. */
export function scopedInsert<T extends ScopedTable>(
  db: Db,
  ctx: Ctx,
  table: T,
  values: Insertable<Database[T]> | readonly Insertable<Database[T]>[],
): InsertQueryBuilder<Database, T, InsertResult> {
  const rows = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, company_id: ctx.companyId }));
  return (db.insertInto(table as ScopedTable) as any).values(Array.isArray(values) ? rows : rows[0]) as InsertQueryBuilder<Database, T, InsertResult>;
}

function scopeWhere<Q extends { where(e: any): Q }>(q: Q, ctx: Ctx, table: ScopedTable): Q {
  q = q.where(sql<boolean>`${sql.ref(`${table}.company_id`)} = ${ctx.companyId}`);
  if (ctx.allCommunities) return q;
  if (table === 'communities') return q.where(sql<boolean>`${sql.ref('communities.id')} in (${sql.join(nonEmpty(ctx.communityIds))})`);
  if ((COMMUNITY_TABLES as readonly string[]).includes(table)) {
    return q.where(sql<boolean>`${sql.ref(`${table}.community_id`)} in (${sql.join(nonEmpty(ctx.communityIds))})`);
  }
  return q;
}

/** `IN ()` is invalid SQL; an impossible id keeps an empty scope empty. */
function nonEmpty(ids: readonly number[]): number[] {
  return ids.length > 0 ? [...ids] : [-1];
}
