/**
 * The demo company: three communities with their households and residents, the usual departments, visit
 * history with the issues raised in it, and one account of every built-in role, all with the demo password. Created once, on the first start in demo mode.
 */
import type { Config } from '../config.js';
import { createCompany } from '../companies/create-company.js';
import { hashPassword } from '../auth/secrets.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';
import { seedDemoRoster } from './demo-roster.js';
import { seedDemoIssues } from './demo-issues.js';
import { seedDemoVisits } from './demo-visits.js';

export const DEMO_COMPANY = '示范物业服务有限公司';

const COMMUNITIES = [
  { code: 'YGHY', name: '阳光花园', type: 'residential', address: '杭州市西湖区文三路 188 号' },
  { code: 'CHY', name: '翠湖苑', type: 'residential', address: '杭州市拱墅区湖墅南路 66 号' },
  { code: 'XHGC', name: '星河商业广场', type: 'commercial', address: '杭州市上城区解放路 99 号' },
] as const;

/** Which communities each demo account works in; company-wide roles need none. */
const SCOPE: Record<string, string[]> = {
  supervisor: ['YGHY', 'CHY'],
  visitor: ['YGHY'],
  handler: ['YGHY', 'CHY'],
};

const range = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

export async function seedDemo(db: Db, config: Config): Promise<boolean> {
  const existing = await db.selectFrom('companies').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const { companyId, roleIds } = await createCompany(db, {
    name: DEMO_COMPANY,
    admin: { username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD, mustChangePassword: false },
    scryptCost: config.scryptCost,
  });
  const now = nowIso();
  const hash = await hashPassword(DEMO_PASSWORD, config.scryptCost);
  const communityIds = await db.transaction().execute(async (trx) => {
    const communities = await trx
      .insertInto('communities')
      .values(COMMUNITIES.map((c) => ({ ...c, company_id: companyId, status: 'active' as const, created_at: now, updated_at: now })))
      .returning(['id', 'code'])
      .execute();
    const communityId = new Map(communities.map((c) => [c.code, c.id]));
    const { id: engineering } = await trx
      .selectFrom('departments')
      .select('id')
      .where('company_id', '=', companyId)
      .where('code', '=', 'ENG')
      .executeTakeFirstOrThrow();
    for (const account of DEMO_ACCOUNTS.filter((a) => a.username !== 'admin')) {
      const { id } = await trx
        .insertInto('users')
        .values({
          company_id: companyId,
          username: account.username,
          display_name: account.displayName,
          phone: null,
          password_hash: hash,
          must_change_password: 0,
          role_id: roleIds[account.role],
          department_id: account.role === 'handler' ? engineering : null,
          status: 'active',
          locale: 'zh-CN',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const scope = SCOPE[account.role] ?? [];
      if (scope.length) {
        await trx.insertInto('user_communities').values(scope.map((code) => ({ user_id: id, community_id: communityId.get(code)! }))).execute();
      }
      if (account.role === 'supervisor') {
        await trx.updateTable('communities').set({ supervisor_id: id }).where('id', 'in', scope.map((code) => communityId.get(code)!)).execute();
      }
    }
    return communityId;
  });
  await seedDemoRoster(db, companyId, [
    // 12 buildings × 2 units × 25 floors × 2 rooms = 1,200 households
    { communityId: communityIds.get('YGHY')!, buildings: range(12), units: ['1', '2'], floors: 25, roomsPerFloor: 2, commercial: false },
    // 5 × 2 × 15 × 2 = 300 households
    { communityId: communityIds.get('CHY')!, buildings: range(5), units: ['1', '2'], floors: 15, roomsPerFloor: 2, commercial: false },
    // 2 blocks × 2 floors × 20 shops = 80 merchants
    { communityId: communityIds.get('XHGC')!, buildings: ['A', 'B'], units: null, floors: 2, roomsPerFloor: 20, commercial: true },
  ]);
  const staff = await db.selectFrom('users').select(['id', 'username']).where('company_id', '=', companyId).where('username', 'in', ['visitor', 'supervisor']).execute();
  const visitorId = staff.find((u) => u.username === 'visitor')!.id;
  const supervisorId = staff.find((u) => u.username === 'supervisor')!.id;
  await seedDemoVisits(db, companyId, [
    { communityId: communityIds.get('YGHY')!, visitorIds: [visitorId, supervisorId], openTasksFor: visitorId },
    { communityId: communityIds.get('CHY')!, visitorIds: [supervisorId], openTasksFor: null },
  ]);
  const handlerId = (await db.selectFrom('users').select('id').where('company_id', '=', companyId).where('username', '=', 'handler').executeTakeFirstOrThrow()).id;
  // The demo handler heads the engineering department: the first level of escalation for repairs.
  await db.updateTable('departments').set({ head_id: handlerId }).where('company_id', '=', companyId).where('code', '=', 'ENG').execute();
  await seedDemoIssues(db, companyId, { id: supervisorId, name: '李主管' }, handlerId);
  return true;
}
