/**
 * The people of the demo company, as 员工管理 lists them: management, the communities' supervisors and
 * visitors, and every department's head, handlers and the cleaners, guards and gardeners who have no
 * account. Each department has a head covering all three communities and a handler in every community,
 * so the escalation chain (handler → department head → community supervisor → management) has
 * someone at every level everywhere. Accounts use the demo password; the login page lists only
 * DEMO_ACCOUNTS (one per role).
 */
import { DEMO_ACCOUNTS } from './accounts.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { insertUser } from '../users/insert-user.js';
import { unscoped } from '../scope.js';

export type CommunityCode = 'YGHY' | 'CHY' | 'XHGC';
export type DepartmentCode = 'ENG' | 'CLEAN' | 'SEC' | 'GREEN' | 'CS';
type Role = 'manager' | 'supervisor' | 'visitor' | 'handler';

export const ALL_COMMUNITIES: readonly CommunityCode[] = ['YGHY', 'CHY', 'XHGC'];

interface DemoPerson {
  name: string;
  position: string;
  department: DepartmentCode | null;
  communities: readonly CommunityCode[];
  /** a sign-in account: a login-page account by its username, or another one with its role */
  account?: { username: string; role: Role };
  /** heads the department: the first level of escalation */
  head?: boolean;
  /** the supervisor of these communities: the second level */
  supervises?: readonly CommunityCode[];
  left?: boolean;
}

const listed = (username: (typeof DEMO_ACCOUNTS)[number]['username']) => {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username)!;
  return { name: account.displayName, account: { username, role: account.role as Role } };
};

export const DEMO_STAFF: readonly DemoPerson[] = [
  { ...listed('manager'), position: '总经理', department: null, communities: ALL_COMMUNITIES },
  { ...listed('supervisor'), position: '客服主管', department: null, communities: ['YGHY', 'CHY'], supervises: ['YGHY', 'CHY'] },
  { name: '陈静', account: { username: 'chenjing', role: 'supervisor' }, position: '客服主管', department: null, communities: ['XHGC'], supervises: ['XHGC'] },
  { ...listed('visitor'), position: '回访专员', department: 'CS', communities: ['YGHY'] },
  { name: '孙丽', account: { username: 'sunli', role: 'visitor' }, position: '回访专员', department: 'CS', communities: ['CHY'] },
  { name: '周敏', account: { username: 'zhoumin', role: 'visitor' }, position: '回访专员', department: 'CS', communities: ['XHGC'] },

  { ...listed('handler'), position: '工程部经理', department: 'ENG', communities: ALL_COMMUNITIES, head: true },
  { name: '钱建国', account: { username: 'qianjianguo', role: 'handler' }, position: '水电维修工', department: 'ENG', communities: ['YGHY'] },
  { name: '孙志强', account: { username: 'sunzhiqiang', role: 'handler' }, position: '维修工', department: 'ENG', communities: ['CHY', 'XHGC'] },
  { name: '黄永刚', position: '电梯管理员', department: 'ENG', communities: ['YGHY'] },
  { name: '冯亮', position: '电工', department: 'ENG', communities: ['XHGC'] },

  { name: '刘桂英', account: { username: 'liuguiying', role: 'handler' }, position: '保洁部主管', department: 'CLEAN', communities: ALL_COMMUNITIES, head: true },
  { name: '何秀兰', account: { username: 'hexiulan', role: 'handler' }, position: '保洁领班', department: 'CLEAN', communities: ['YGHY'] },
  { name: '吴海燕', account: { username: 'wuhaiyan', role: 'handler' }, position: '保洁领班', department: 'CLEAN', communities: ['CHY', 'XHGC'] },
  { name: '陈桂兰', position: '保洁员', department: 'CLEAN', communities: ['YGHY'] },
  { name: '杨秀珍', position: '保洁员', department: 'CLEAN', communities: ['YGHY'] },
  { name: '朱凤英', position: '保洁员', department: 'CLEAN', communities: ['YGHY'] },
  { name: '高玉梅', position: '保洁员', department: 'CLEAN', communities: ['CHY'] },
  { name: '郑小红', position: '保洁员', department: 'CLEAN', communities: ['XHGC'] },
  { name: '谢春花', position: '保洁员', department: 'CLEAN', communities: ['YGHY'], left: true },

  { name: '马国庆', account: { username: 'maguoqing', role: 'handler' }, position: '安保部主管', department: 'SEC', communities: ALL_COMMUNITIES, head: true },
  { name: '唐伟', account: { username: 'tangwei', role: 'handler' }, position: '安保队长', department: 'SEC', communities: ['YGHY'] },
  { name: '邓强', account: { username: 'dengqiang', role: 'handler' }, position: '安保班长', department: 'SEC', communities: ['CHY', 'XHGC'] },
  { name: '韩磊', position: '保安员', department: 'SEC', communities: ['YGHY'] },
  { name: '曹斌', position: '保安员', department: 'SEC', communities: ['YGHY'] },
  { name: '彭宇', position: '保安员', department: 'SEC', communities: ['YGHY'] },
  { name: '田浩', position: '保安员', department: 'SEC', communities: ['CHY'] },
  { name: '董鹏', position: '保安员', department: 'SEC', communities: ['XHGC'] },

  { name: '胡建华', account: { username: 'hujianhua', role: 'handler' }, position: '绿化部主管', department: 'GREEN', communities: ALL_COMMUNITIES, head: true },
  { name: '罗文博', account: { username: 'luowenbo', role: 'handler' }, position: '绿化工', department: 'GREEN', communities: ['YGHY', 'CHY'] },
  { name: '袁大勇', position: '绿化工', department: 'GREEN', communities: ['YGHY'] },

  { name: '林晓燕', account: { username: 'linxiaoyan', role: 'handler' }, position: '客服部经理', department: 'CS', communities: ALL_COMMUNITIES, head: true },
  { name: '郭婧', account: { username: 'guojing', role: 'handler' }, position: '客服专员', department: 'CS', communities: ['YGHY'] },
  { name: '许嘉豪', account: { username: 'xujiahao', role: 'handler' }, position: '客服专员', department: 'CS', communities: ['CHY', 'XHGC'] },
  { name: '潘悦', position: '前台客服', department: 'CS', communities: ['XHGC'] },
];

export interface DemoUser {
  id: number;
  name: string;
  username: string;
}

/** Who is who in the seeded demo company, for the visit and issue history. */
export class DemoPeople {
  constructor(
    private readonly users: ReadonlyMap<string, DemoUser>,
    private readonly placement: readonly { user: DemoUser; role: Role; department: DepartmentCode | null; communities: readonly CommunityCode[]; head: boolean }[],
  ) {}

  user(username: string): DemoUser {
    const user = this.users.get(username);
    if (!user) throw new Error(`no demo account ${username}`);
    return user;
  }

  head(department: DepartmentCode): DemoUser {
    return this.placement.find((p) => p.department === department && p.head)!.user;
  }

  /** The handler who works the department's issues in a community: a member there, else the head. */
  handler(department: DepartmentCode, community: CommunityCode): DemoUser {
    const member = this.placement.find((p) => p.role === 'handler' && p.department === department && !p.head && p.communities.includes(community));
    return member?.user ?? this.head(department);
  }

  supervisor(community: CommunityCode): DemoUser {
    return this.placement.find((p) => p.role === 'supervisor' && p.communities.includes(community))!.user;
  }

  /** The community's own visitors (not the supervisors who also visit). */
  visitors(community: CommunityCode): DemoUser[] {
    return this.placement.filter((p) => p.role === 'visitor' && p.communities.includes(community)).map((p) => p.user);
  }
}

/** A plausible mobile number per person, the same on every seed. */
const staffPhone = (n: number) => `1${['39', '58', '86', '37'][n % 4]}${String(5710_0000 + (n + 3) * 7919).padStart(8, '0')}`;

export async function seedDemoStaff(
  trx: Db,
  input: { companyId: number; roleIds: Record<string, number>; communityIds: ReadonlyMap<string, number>; departmentIds: ReadonlyMap<string, number>; passwordHash: string },
): Promise<DemoPeople> {
  const now = nowIso();
  const communityId = (code: CommunityCode) => input.communityIds.get(code)!;
  const users = new Map<string, DemoUser>();
  const placement: ConstructorParameters<typeof DemoPeople>[1][number][] = [];
  for (const [n, person] of DEMO_STAFF.entries()) {
    let userId: number | null = null;
    if (person.account) {
      const id = await insertUser(trx, {
        companyId: input.companyId,
        username: person.account.username,
        displayName: person.name,
        phone: staffPhone(n),
        passwordHash: input.passwordHash,
        mustChangePassword: false,
        roleId: input.roleIds[person.account.role],
        departmentId: person.department ? input.departmentIds.get(person.department)! : null,
        // Management is company-wide by its role; everyone else works in their communities.
        communityIds: person.account.role === 'manager' ? [] : person.communities.map(communityId),
      });
      userId = id;
      const user = { id, name: person.name, username: person.account.username };
      users.set(user.username, user);
      placement.push({ user, role: person.account.role, department: person.department, communities: person.communities, head: Boolean(person.head) });
      if (person.head) await unscoped(trx, 'demo seeding: the demo company\'s own data').updateTable('departments').set({ head_id: id }).where('id', '=', input.departmentIds.get(person.department!)!).execute();
      if (person.supervises) await unscoped(trx, 'demo seeding: the demo company\'s own data').updateTable('communities').set({ supervisor_id: id }).where('id', 'in', person.supervises.map(communityId)).execute();
    }
    const { id: staffId } = await unscoped(trx, 'demo seeding: the demo company\'s own data')
      .insertInto('staff')
      .values({
        company_id: input.companyId,
        name: person.name,
        phone: staffPhone(n),
        position: person.position,
        department_id: person.department ? input.departmentIds.get(person.department)! : null,
        user_id: userId,
        status: person.left ? 'left' : 'active',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('staff_communities').values(person.communities.map((c) => ({ staff_id: staffId, community_id: communityId(c) }))).execute();
  }
  return new DemoPeople(users, placement);
}
