/**
 * The demo company: three communities with their households and residents, the usual departments with
 * their heads and handlers, the supervisors, visitors and other staff, four months of visit history
 * with the issues raised in it, and the issues still being worked today. All accounts use the demo
 * password; the login page lists one per role. Created once, on the first start in demo mode.
 */
import type { Config } from '../config.js';
import { hashPassword } from '../auth/secrets.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import { now, nowIso } from '../clock.js';
import { createCompany } from '../companies/create-company.js';
import { type Db } from '../db/database.js';
import { DEMO_PASSWORD } from './accounts.js';
import { seedDemoIssues } from './demo-issues.js';
import { seedDemoRoster } from './demo-roster.js';
import { seedDemoStaff } from './demo-staff.js';
import { seedDemoVisits } from './demo-visits.js';
import { dateOfDay, shanghaiDay } from '../../shared/shanghai.js';
import { unscoped } from '../scope.js';

export const DEMO_COMPANY = '示范物业服务有限公司';

const COMMUNITIES = [
  { code: 'YGHY', name: '阳光花园', type: 'residential', address: '杭州市西湖区文三路 188 号' },
  { code: 'CHY', name: '翠湖苑', type: 'residential', address: '杭州市拱墅区湖墅南路 66 号' },
  { code: 'XHGC', name: '星河商业广场', type: 'commercial', address: '杭州市上城区解放路 99 号' },
] as const;

/**
 * Items raised at random stop this many working days before today: older issues have had time to run
 * their course (closed), and those still open are the scripted stories.
 */
const HISTORY_SETTLED_DAYS = 18;

const range = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

export async function seedDemo(db: Db, config: Config): Promise<boolean> {
  const existing = await db.selectFrom('companies').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const { companyId, roleIds } = await createCompany(db, {
    name: DEMO_COMPANY,
    admin: { username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD, mustChangePassword: false },
    scryptCost: config.scryptCost,
  });
  const stamp = nowIso();
  const passwordHash = await hashPassword(DEMO_PASSWORD, config.scryptCost);
  const { communityIds, people } = await db.transaction().execute(async (trx) => {
    const communities = await unscoped(trx, 'demo seeding: the demo company\'s own data')
      .insertInto('communities')
      .values(COMMUNITIES.map((c) => ({ ...c, company_id: companyId, status: 'active' as const, created_at: stamp, updated_at: stamp })))
      .returning(['id', 'code'])
      .execute();
    const communityIds = new Map(communities.map((c) => [c.code, c.id]));
    const departments = await unscoped(trx, 'demo seeding: the demo company\'s own data').selectFrom('departments').select(['id', 'code']).where('company_id', '=', companyId).execute();
    const departmentIds = new Map(departments.map((d) => [d.code, d.id]));
    const people = await seedDemoStaff(trx, { companyId, roleIds, communityIds, departmentIds, passwordHash });
    return { communityIds, people };
  });
  const community = (code: string) => communityIds.get(code)!;
  await seedDemoRoster(db, companyId, [
    // 12 buildings × 2 units × 25 floors × 2 rooms = 1,200 households
    { communityId: community('YGHY'), buildings: range(12), units: ['1', '2'], floors: 25, roomsPerFloor: 2, commercial: false },
    // 5 × 2 × 15 × 2 = 300 households
    { communityId: community('CHY'), buildings: range(5), units: ['1', '2'], floors: 15, roomsPerFloor: 2, commercial: false },
    // 2 blocks × 2 floors × 20 shops = 80 merchants
    { communityId: community('XHGC'), buildings: ['A', 'B'], units: null, floors: 2, roomsPerFloor: 20, commercial: true },
  ]);
  const calendar = await loadCompanyCalendar(db, companyId);
  const itemsUntil = dateOfDay(calendar.workingDaysBefore(shanghaiDay(now()), HISTORY_SETTLED_DAYS));
  const visitor = (code: 'YGHY' | 'CHY' | 'XHGC') => people.visitors(code)[0].id;
  const supervisor = (code: 'YGHY' | 'CHY' | 'XHGC') => people.supervisor(code).id;
  await seedDemoVisits(
    db,
    companyId,
    [
      // Residential estates: about a fifth of the households a month; merchants: two in five.
      { communityId: community('YGHY'), commercial: false, visitors: [{ id: visitor('YGHY'), weight: 5 }, { id: supervisor('YGHY'), weight: 1 }], monthlyShare: 0.2, openTasks: { visitorId: visitor('YGHY'), count: 12 } },
      { communityId: community('CHY'), commercial: false, visitors: [{ id: visitor('CHY'), weight: 4 }, { id: supervisor('CHY'), weight: 1 }], monthlyShare: 0.2, openTasks: { visitorId: visitor('CHY'), count: 6 } },
      { communityId: community('XHGC'), commercial: true, visitors: [{ id: visitor('XHGC'), weight: 4 }, { id: supervisor('XHGC'), weight: 1 }], monthlyShare: 0.4, openTasks: { visitorId: visitor('XHGC'), count: 6 } },
    ],
    { itemsUntil },
  );
  await seedDemoIssues(db, companyId, people, communityIds);
  return true;
}
