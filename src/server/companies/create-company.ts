/**
 * Creates a company (tenant) with its built-in roles, default departments, issue categories routed to
 * them, tags, service dimensions and questionnaire, and its first administrator.
 */
import { BUILTIN_ROLES } from '../../shared/schemas/permissions.js';
import { hashPassword } from '../auth/secrets.js';
import { recordAudit } from '../audit/record-audit.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { DEFAULT_CATEGORIES } from '../issues/defaults.js';
import { DEFAULT_DIMENSIONS, DEFAULT_QUESTIONNAIRE } from '../questionnaires/default-template.js';
import { insertUser } from '../users/insert-user.js';
import { unscoped } from '../scope.js';

export const BUILTIN_ROLE_NAMES: Record<string, string> = {
  admin: '系统管理员',
  manager: '管理层',
  supervisor: '物业主管',
  visitor: '回访专员',
  handler: '部门处理人',
};

/** Every company starts with the usual departments and resident tags; both lists are its own to change. */
export const DEFAULT_DEPARTMENTS = [
  { code: 'ENG', name: '工程部' },
  { code: 'CLEAN', name: '保洁部' },
  { code: 'SEC', name: '安保部' },
  { code: 'GREEN', name: '绿化部' },
  { code: 'CS', name: '客服部' },
];
export const DEFAULT_TAGS = ['独居老人', '行动不便', '重点关注', '曾投诉'];

export interface NewCompany {
  name: string;
  admin: { username: string; displayName: string; password: string; mustChangePassword: boolean };
  scryptCost: number;
}

export async function createCompany(db: Db, input: NewCompany) {
  const now = nowIso();
  const passwordHash = await hashPassword(input.admin.password, input.scryptCost);
  return db.transaction().execute(async (trx) => {
    const { id: companyId } = await trx
      .insertInto('companies')
      .values({ name: input.name, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const roleIds: Record<string, number> = {};
    for (const [key, permissions] of Object.entries(BUILTIN_ROLES)) {
      const { id } = await unscoped(trx, 'company bootstrap: a new company\'s built-in data')
        .insertInto('roles')
        .values({
          company_id: companyId,
          key,
          name: BUILTIN_ROLE_NAMES[key],
          description: '',
          permissions: JSON.stringify([...permissions].sort()),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      roleIds[key] = id;
    }
    const departments = await unscoped(trx, 'company bootstrap: a new company\'s built-in data')
      .insertInto('departments')
      .values(DEFAULT_DEPARTMENTS.map((d) => ({ ...d, company_id: companyId, created_at: now })))
      .returning(['id', 'code'])
      .execute();
    await trx
      .insertInto('issue_categories')
      .values(
        DEFAULT_CATEGORIES.map((c, position) => ({
          company_id: companyId,
          code: c.code,
          name: c.name,
          department_id: departments.find((d) => d.code === c.department)?.id ?? null,
          resolve_days: c.resolveDays,
          position,
          active: 1,
          created_at: now,
        })),
      )
      .execute();
    await unscoped(trx, 'company bootstrap: a new company\'s built-in data').insertInto('tags').values(DEFAULT_TAGS.map((name) => ({ name, company_id: companyId, created_at: now }))).execute();
    await trx.insertInto('service_dimensions').values(DEFAULT_DIMENSIONS.map((name, position) => ({ name, position, company_id: companyId }))).execute();
    const { id: questionnaireId } = await unscoped(trx, 'company bootstrap: a new company\'s built-in data')
      .insertInto('questionnaires')
      .values({
        company_id: companyId,
        name: DEFAULT_QUESTIONNAIRE.name,
        description: DEFAULT_QUESTIONNAIRE.description,
        scope: 'company',
        community_id: null,
        property_type: null,
        status: 'active',
        builtin: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('questionnaire_versions')
      .values({ questionnaire_id: questionnaireId, company_id: companyId, version: 1, questions: JSON.stringify(DEFAULT_QUESTIONNAIRE.questions), published_at: now, published_by: null })
      .execute();
    const adminId = await insertUser(trx, {
      companyId,
      username: input.admin.username.toLowerCase(),
      displayName: input.admin.displayName,
      passwordHash,
      mustChangePassword: input.admin.mustChangePassword,
      roleId: roleIds.admin,
    });
    await recordAudit(trx, { companyId, userId: null, name: null, ip: null }, {
      action: 'company.create',
      entityType: 'company',
      entityId: companyId,
      after: { name: input.name, admin: input.admin.username },
    });
    return { companyId, adminId, roleIds };
  });
}
