/**
 * Scoped query starters. Every read or write of company data begins here, so a query that forgets the
 * company or community filter has no helper to begin with — it has to spell `db.selectFrom` by hand,
 * which is easy to spot in review.
 *
 * Objects outside the scope are indistinguishable from missing ones: use cases answer 404 for both.
 */
import { sql } from 'kysely';
import type { Ctx } from './context.js';
import type { Db } from './db/database.js';

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

/** Issues of the communities in scope. */
export function scopedIssues(db: Db, ctx: Ctx) {
  let q = db.selectFrom('issues').where('issues.company_id', '=', ctx.companyId);
  if (!ctx.allCommunities) q = q.where('issues.community_id', 'in', nonEmpty(ctx.communityIds));
  return q;
}

/** `IN ()` is invalid SQL; an impossible id keeps an empty scope empty. */
function nonEmpty(ids: readonly number[]): number[] {
  return ids.length > 0 ? [...ids] : [-1];
}
