/**
 * The demo company shows every flow working: staff in every department and community, issues assigned
 * the way a real company's are, the department queues, 督办, the bell and the confirmation visits. The
 * demo is seeded at fixed instants (a Wednesday afternoon, just after midnight after the National Day
 * holiday, a year beyond the official holiday data), so nothing depends on when the suite runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { DEMO_STAFF } from '../../src/server/demo/demo-staff.js';
import { DEMO_STORIES } from '../../src/server/demo/demo-stories.js';
import { seedDemo } from '../../src/server/demo/seed-demo.js';
import { sweepDeadlines } from '../../src/server/issues/sweep-deadlines.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginAs, type Client } from '../helpers/factories.js';

type IssueItem = { id: number; kind: string; status: string; departmentId: number | null; departmentName: string | null; assigneeId: number | null; escalationLevel: number; communityId: number; description: string; adoption: string | null };

async function allIssues(client: Client, query = ''): Promise<IssueItem[]> {
  const items: IssueItem[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = (await client.get(`/api/v1/issues?limit=200&offset=${offset}${query}`)).json();
    items.push(...page.items);
    if (items.length >= page.total) return items;
  }
}

const WEDNESDAY = '2025-11-19T15:00:00+08:00';

/** The whole issue history and the bell, to compare two seeds. */
async function snapshot(t: TestApp) {
  const issues = await t.handle.db.selectFrom('issues').select(['description', 'status', 'raised_at', 'closed_at', 'satisfaction', 'assignee_id']).orderBy('id').execute();
  const bell = await t.handle.db.selectFrom('notifications').select(['user_id', 'title', 'created_at', 'read_at']).orderBy('id').execute();
  return { issues, bell };
}
let firstSeed: Awaited<ReturnType<typeof snapshot>>;

describe('demo company (seeded on a Wednesday afternoon)', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  const login = async (username: string) => (as[username] ??= await loginAs(t.app, username, DEMO_PASSWORD));

  beforeAll(async () => {
    t = await createTestApp({ HUIFANG_DEMO: '1' }, { at: WEDNESDAY });
    expect(await seedDemo(t.handle.db, t.config)).toBe(true);
    firstSeed = await snapshot(t);
  });
  afterAll(() => t.close());

  it('admin: every demo department has a head and at least one member besides the head', async () => {
    const departments = (await (await login('admin')).get('/api/v1/departments')).json().items;
    expect(departments.map((d: { name: string }) => d.name).sort()).toEqual(['保洁部', '安保部', '客服部', '工程部', '绿化部'].sort());
    for (const d of departments) {
      expect(d.headName, d.name).toBeTruthy();
      expect(d.userCount, d.name).toBeGreaterThanOrEqual(2);
    }
  });

  it('supervisor and manager: in every community every department has a handler, a head above them, the community supervisor and management', async () => {
    const manager = await login('manager');
    const communities = (await manager.get('/api/v1/communities')).json().items;
    const departments = (await manager.get('/api/v1/departments')).json().items;
    const overseers = await t.handle.db.selectFrom('users').innerJoin('roles', 'roles.id', 'users.role_id').select('users.username').where('roles.key', '=', 'manager').execute();
    expect(overseers.map((u) => u.username)).toContain('manager');
    for (const c of communities) {
      expect(c.supervisorId, c.name).not.toBeNull();
      for (const d of departments) {
        const handlers = (await manager.get(`/api/v1/issue-handlers?communityId=${c.id}&departmentId=${d.id}`)).json();
        // The head works in every community, and someone besides the head works there too, except where
        // the head covers the community himself (绿化 at the mall).
        expect(handlers.map((h: { id: number }) => h.id), `${c.name} ${d.name}`).toContain(d.headId);
        if (!(c.name === '星河商业广场' && d.name === '绿化部')) expect(handlers.length, `${c.name} ${d.name}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('admin: 员工管理 lists the demo staff with departments and communities, including cleaners and guards without an account', async () => {
    const admin = await login('admin');
    const staff = (await admin.get('/api/v1/staff?limit=200')).json();
    expect(staff.total).toBe(DEMO_STAFF.length);
    const departments = new Map<number, string>((await admin.get('/api/v1/departments')).json().items.map((d: { id: number; name: string }) => [d.id, d.name]));
    for (const s of staff.items) expect(s.communityIds.length, s.name).toBeGreaterThan(0);
    const noAccount = staff.items.filter((s: { userId: number | null }) => s.userId === null);
    expect(noAccount.filter((s: { position: string }) => s.position === '保洁员').map((s: { departmentId: number }) => departments.get(s.departmentId))).toContain('保洁部');
    expect(noAccount.filter((s: { position: string }) => s.position === '保安员').map((s: { departmentId: number }) => departments.get(s.departmentId))).toContain('安保部');
    const users = (await admin.get('/api/v1/users?limit=200')).json().items;
    const byRole = (role: string) => staff.items.filter((s: { userId: number | null }) => users.some((u: { id: number; roleKey: string | null }) => u.id === s.userId && u.roleKey === role));
    expect([byRole('visitor').length, byRole('supervisor').length, byRole('manager').length]).toEqual([3, 2, 1]);
    expect(byRole('handler').length).toBeGreaterThanOrEqual(10);
    expect(staff.items.some((s: { status: string }) => s.status === 'left')).toBe(true);
  });

  it('manager: no open demo issue is without a department, and most have an assignee', async () => {
    const open = await allIssues(await login('manager'), '&open=true');
    expect(open.length).toBeGreaterThanOrEqual(15);
    for (const i of open) expect(i.departmentId, i.description).not.toBeNull();
    expect(open.filter((i) => i.assigneeId !== null).length / open.length).toBeGreaterThan(0.6);
    // Some are still new in a department queue.
    expect(open.filter((i) => i.status === 'new').length).toBeGreaterThanOrEqual(3);
  });

  it('handler of 保洁部: sees the department queue of the demo with issues in it; every department head does', async () => {
    for (const username of ['liuguiying', 'hexiulan', 'handler', 'maguoqing', 'hujianhua', 'linxiaoyan']) {
      const queue = (await (await login(username)).get('/api/v1/issues?view=department&limit=200')).json();
      expect(queue.total, username).toBeGreaterThan(0);
    }
    const cleaning = (await (await login('liuguiying')).get('/api/v1/issues?view=department&limit=200')).json().items as IssueItem[];
    expect(new Set(cleaning.map((i) => i.departmentName))).toEqual(new Set(['保洁部']));
    expect(cleaning.some((i) => i.status === 'new')).toBe(true);
  });

  it('demo handler (head of 工程部): has issues of their own, the queue, and new, overdue and reopened issues in the bell', async () => {
    const handler = await login('handler');
    const me = (await handler.get('/api/v1/auth/session')).json().user;
    expect((await handler.get('/api/v1/issues?view=mine&open=true')).json().total).toBeGreaterThan(0);
    const bell = (await handler.get('/api/v1/notifications?limit=200')).json().items;
    expect((await handler.get('/api/v1/notifications/unread-count')).json().count).toBeGreaterThan(0);
    const kinds = new Set(bell.map((n: { kind: string }) => n.kind));
    for (const kind of ['issue_assigned', 'issue_reopened', 'issue_escalated']) expect(kinds, kind).toContain(kind);
    expect((await handler.get('/api/v1/issues?view=department&due=overdue')).json().total).toBeGreaterThan(0);
    expect(me.displayName).toBe('赵德明');
  });

  it('supervisor: 督办 lists the overdue issues of their communities, escalated up to management', async () => {
    const supervisor = await login('supervisor');
    const supervision = await allIssues(supervisor, '&view=supervision');
    expect(supervision.length).toBeGreaterThanOrEqual(3);
    expect(new Set(supervision.map((i) => i.escalationLevel))).toEqual(new Set([1, 2, 3]));
    const bell = (await supervisor.get('/api/v1/notifications?limit=200')).json().items;
    expect(bell.some((n: { kind: string; body: string }) => n.kind === 'issue_escalated' && n.body.includes('小区主管'))).toBe(true);
    const mall = await login('chenjing');
    expect((await mall.get('/api/v1/issues?view=supervision')).json().total).toBeGreaterThan(0);
  });

  it('manager: the bell holds the issues escalated to management, unread', async () => {
    const manager = await login('manager');
    const unread = (await manager.get('/api/v1/notifications?unread=true&limit=50')).json().items;
    expect(unread.some((n: { kind: string; body: string }) => n.kind === 'issue_escalated' && n.body.includes('管理层'))).toBe(true);
  });

  it('visitor: confirmation visits of resolved issues are on their list, one overdue; "solved" closes the issue', async () => {
    const visitor = await login('visitor');
    const tasks = (await visitor.get('/api/v1/visit-tasks?reason=confirmation&status=pending&limit=50')).json().items;
    expect(tasks.length).toBeGreaterThanOrEqual(3);
    expect((await visitor.get('/api/v1/visit-tasks?view=overdue&reason=confirmation')).json().total).toBeGreaterThanOrEqual(1);
    expect((await visitor.get('/api/v1/visit-tasks?view=today&reason=confirmation')).json().total).toBeGreaterThanOrEqual(1);
    expect((await visitor.get('/api/v1/visit-tasks?view=today')).json().total).toBeGreaterThanOrEqual(5);
    expect((await visitor.get('/api/v1/notifications?limit=200')).json().items.some((n: { kind: string }) => n.kind === 'confirmation_task')).toBe(true);
    const task = tasks[0];
    const issue = (await visitor.get(`/api/v1/issues/${task.issueId}`)).json();
    expect(issue.status).toBe('resolved');
    const started = new Date(t.clock.now() - 10 * 60_000).toISOString();
    const res = await visitor.post(`/api/v1/visit-tasks/${task.id}/record`, { startedAt: started, endedAt: new Date(t.clock.now()).toISOString(), spokenTo: '业主本人', confirmation: { solved: true, rating: 5 } });
    expect(res.statusCode, res.body).toBe(201);
    expect((await visitor.get(`/api/v1/issues/${task.issueId}`)).json().status).toBe('closed');
  });

  it('handler of 保洁部: takes a new issue from the queue, replies and resolves it, and its confirmation visit goes to the visitor', async () => {
    const head = await login('liuguiying');
    const queue = (await head.get('/api/v1/issues?view=department&status=new&kind=complaint')).json().items as IssueItem[];
    const issue = queue[0];
    expect(issue).toBeDefined();
    const member = (await head.get(`/api/v1/issue-handlers?communityId=${issue.communityId}&departmentId=${issue.departmentId}`)).json().find((h: { displayName: string }) => h.displayName !== '刘桂英');
    expect((await head.patch(`/api/v1/issues/${issue.id}`, { assigneeId: member.id, comment: `请${member.displayName}处理` })).statusCode).toBe(200);
    const handler = await login(DEMO_STAFF.find((p) => p.name === member.displayName)!.account!.username);
    expect((await handler.post(`/api/v1/issues/${issue.id}/replies`, { mode: 'oral', content: '已电话告知住户马上处理' })).statusCode).toBe(201);
    const resolved = await handler.post(`/api/v1/issues/${issue.id}/transitions`, { event: 'resolve', comment: '已清运并消毒' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const tasks = (await (await login('visitor')).get('/api/v1/visit-tasks?reason=confirmation&status=pending&limit=50')).json().items;
    expect(tasks.some((k: { issueId: number }) => k.issueId === issue.id)).toBe(true);
  });

  it('manager: suggestions are adopted or not adopted with a reason, and praise is credited to a person or a department', async () => {
    const all = await allIssues(await login('manager'));
    const suggestions = all.filter((i) => i.kind === 'suggestion');
    for (const a of ['adopted', 'implemented', 'not_adopted', 'pending']) expect(suggestions.map((s) => s.adoption), a).toContain(a);
    const praise = await t.handle.db.selectFrom('issues').select(['praised_user_id', 'praised_department_id', 'status']).where('kind', '=', 'praise').execute();
    expect(praise.some((p) => p.praised_user_id !== null)).toBe(true);
    expect(praise.some((p) => p.praised_department_id !== null)).toBe(true);
    expect(praise.some((p) => p.status === 'closed')).toBe(true);
  });

  it('manager: every closed demo issue says how it was closed, and every open deadline keeps its period for recomputation', async () => {
    const closed = await t.handle.db.selectFrom('issues').select(['kind', 'closure', 'resolved_by']).where('status', '=', 'closed').execute();
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((i) => i.closure === (i.kind === 'praise' ? 'acknowledged' : 'confirmed'))).toBe(true);
    expect(closed.filter((i) => i.kind !== 'praise').every((i) => i.resolved_by !== null)).toBe(true);
    const open = await t.handle.db.selectFrom('issues').select(['resolve_due_at', 'resolve_days', 'resolve_from', 'reply_days']).where('status', 'in', ['new', 'assigned', 'in_progress', 'reopened']).execute();
    expect(open.filter((i) => i.resolve_due_at !== null).every((i) => i.resolve_days !== null && i.resolve_from !== null && i.reply_days !== null)).toBe(true);
  });

  it('every demo account: signs in with the demo password', async () => {
    for (const p of DEMO_STAFF) if (p.account) await loginAs(t.app, p.account.username, DEMO_PASSWORD);
  });
});

/** What the stories (the latest issues) look like: their status, escalation level, assignee and follow-up visits. */
async function storyState(t: TestApp) {
  const db = t.handle.db;
  const rows = await db
    .selectFrom('issues as i')
    .leftJoin('users as u', 'u.id', 'i.assignee_id')
    .select(['i.id', 'i.description', 'i.status', 'i.escalation_level', 'i.reopen_count', 'u.username'])
    .orderBy('i.raised_at', 'desc')
    .limit(DEMO_STORIES.length)
    .execute();
  rows.sort((a, b) => a.description.localeCompare(b.description));
  const tasks = await db.selectFrom('visit_tasks').select(['issue_id', 'reason', 'status', 'due_date']).where('issue_id', 'is not', null).execute();
  return rows.map((r) => ({
    description: r.description,
    status: r.status,
    level: r.escalation_level,
    reopened: r.reopen_count,
    assignee: r.username,
    visits: tasks.filter((k) => k.issue_id === r.id).map((k) => `${k.reason}:${k.status}`).sort(),
  }));
}

describe('demo history', () => {
  it('anyone: the demo is the same on every seed, its stories at the same stage whatever the date; nothing lies in the future and the first sweep has nothing left to send', async () => {
    const states = [];
    for (const at of [WEDNESDAY, '2025-10-09T00:05:00+08:00', '2027-10-01T10:00:00+08:00']) {
      const t = await createTestApp({ HUIFANG_DEMO: '1' }, { at });
      try {
        await seedDemo(t.handle.db, t.config);
        const now = new Date(t.clock.now()).toISOString();
        const db = t.handle.db;
        const future = async (table: 'issue_events' | 'notifications' | 'issue_replies' | 'visit_records', column: 'at' | 'created_at' | 'replied_at' | 'started_at') =>
          Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column, '>', now).executeTakeFirstOrThrow()).n);
        expect(await future('issue_events', 'at'), at).toBe(0);
        expect(await future('notifications', 'created_at'), at).toBe(0);
        expect(await future('issue_replies', 'replied_at'), at).toBe(0);
        expect(await future('visit_records', 'started_at'), at).toBe(0);
        // Every timeline starts with the issue being entered and runs forward.
        const events = await db.selectFrom('issue_events').select(['issue_id', 'type', 'at']).orderBy('issue_id').orderBy('id').execute();
        let last: { issue_id: number; at: string } | null = null;
        for (const e of events) {
          if (last?.issue_id !== e.issue_id) expect(e.type).toBe('created');
          else expect(Date.parse(e.at), `issue ${e.issue_id}`).toBeGreaterThanOrEqual(Date.parse(last.at));
          last = e;
        }
        expect((await sweepDeadlines(t.handle)).notices, at).toBe(0);
        if (at === WEDNESDAY) {
          const again = await snapshot(t);
          expect(again.issues.length).toBeGreaterThan(100);
          expect(again).toEqual(firstSeed);
        }
        states.push(await storyState(t));
      } finally {
        await t.close();
      }
    }
    expect(states[0].map((s) => s.description).sort()).toEqual(DEMO_STORIES.map((s) => s.description).sort());
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
  });
});
