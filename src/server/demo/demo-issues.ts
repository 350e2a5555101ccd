/**
 * Issues for the demo company. Every item raised in the visit history becomes an issue the way a real one
 * does (routed by its category to its department) and lives the usual life: the department head assigns
 * it to the community's handler, who replies, works on it and resolves it; the visitor's confirmation
 * visit closes it (now and then the resident says it is not solved and it goes round again); complainants
 * are visited again within the month; suggestions are adopted and carried out or not adopted with the
 * reason; praise is thanked for and credited. The issues still being worked are the scripted stories of
 * demo-stories.ts: some new in a department queue, most with a handler, some overdue and escalated, a few
 * resolved and waiting for the confirmation visit. Reminders, escalations and the bell follow from the
 * deadline sweep replayed over that history (demo-issue-life.ts). Deterministic, relative to the clock.
 */
import type { IssueCategory } from '../../shared/schemas/issues.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import { now } from '../clock.js';
import { type Db } from '../db/database.js';
import { loadCategories, matchCategory } from '../issues/categories.js';
import { issueFromItem, type NewIssue } from '../issues/create-issue.js';
import { replyColumns, resolveColumns } from '../issues/deadline-plan.js';
import { Recipients } from '../issues/notify.js';
import { loadSettings } from '../issues/settings.js';
import { addTimeline, type TimelineInput } from '../issues/timeline.js';
import { IssueLife, type LifeEnv, type LifeTask, type Person } from './demo-issue-life.js';
import type { CommunityCode, DemoPeople, DepartmentCode } from './demo-staff.js';
import { DEMO_STORIES, type DemoStory } from './demo-stories.js';
import { inChunks, random } from './demo-util.js';
import { PRAISE, recordStoryVisits } from './demo-visits.js';
import { addDays, shanghaiDate, shanghaiDay, startOfDayMs } from '../../shared/shanghai.js';
import type { Insertable } from 'kysely';
import type { IssuesTable } from '../db/schema.js';
import { insertTasks, type NewTask } from '../visits/insert-tasks.js';
import { unscoped } from '../scope.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const RESOLUTIONS: Record<string, string> = {
  保洁: '已加派保洁人员，垃圾改为每日早晚两次清运，现场已清理干净',
  安保: '门岗已加强外来人员和车辆登记，夜间增加一次巡逻',
  '维修/工程': '维修人员已上门处理，更换了损坏部件，试用正常',
  绿化: '绿化班组已修剪并清运枝叶，列入每月养护计划',
  停车: '已联系车主挪车，车库照明已更换为 LED 灯',
  噪音: '已上门告知装修时间规定，施工时间已调整为工作日 8:00–18:00',
  设施设备: '已联系厂家检修并更换控制器，测试正常',
  收费: '已上门解释账单明细，并提供了打印版费用清单',
  邻里: '已上门协调，双方达成一致，杂物已清走',
  其他: '已安排专人跟进处理，并向住户说明',
};
const REOPEN_REASONS = ['住户说问题还在，处理后没几天又出现了', '住户反映只处理了一部分，还没有彻底解决'];
const CONFIRM_COMMENTS = ['住户表示已经解决，感谢物业', '住户确认已处理好，对处理速度满意', '住户表示基本解决，希望以后多注意'];
const REJECT_REASONS = ['受场地条件限制，暂不具备实施条件，已向住户说明', '需业主大会表决，已转业委会征求意见，暂不实施'];
const ADOPT_PLANS = ['纳入本季度改进计划，由相关部门落实', '已列入年度维修计划，分批实施'];

interface Ctx {
  env: LifeEnv;
  people: DemoPeople;
  categories: IssueCategory[];
  departmentCode: Map<number, DepartmentCode>;
  communityCode: Map<number, CommunityCode>;
}

const person = (u: { id: number; name: string }): Person => ({ id: u.id, name: u.name });

function workers(c: Ctx, issue: NewIssue, byHead: boolean) {
  const department = c.departmentCode.get(issue.departmentId!)!;
  const community = c.communityCode.get(issue.communityId)!;
  const head = person(c.people.head(department));
  return { head, handler: byHead ? head : person(c.people.handler(department, community)), supervisor: person(c.people.supervisor(community)) };
}

/** Assigns the issue; the head who keeps one for himself needs no note. */
function assign(life: IssueLife, at: number, head: Person, handler: Person) {
  return life.assign(at, head, handler.id, handler.id === head.id ? '' : `请${handler.name}处理`);
}

const resolutionOf = (issue: NewIssue) => RESOLUTIONS[issue.category.name] ?? RESOLUTIONS['其他'];

/** A closed life for an item of the visit history, with a little chance in every step. */
function playHistory(c: Ctx, life: IssueLife, rnd: () => number) {
  const { head, handler: member, supervisor } = workers(c, life.issue, false);
  const handler = rnd() < 0.25 ? head : member;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const hour = () => 9 + Math.floor(rnd() * 8);
  const nextDay = () => (rnd() < 0.6 ? 0 : 1);
  if (life.kind === 'praise') {
    life.acknowledge(life.later(nextDay(), hour()), head);
    return;
  }
  if (life.kind === 'suggestion') {
    life.answer(life.later(nextDay(), hour()), head, 'oral', '感谢您的建议，我们会认真研究后给您答复');
    const decidedDay = 1 + Math.floor(rnd() * 2);
    const decided = life.later(decidedDay, hour());
    if (rnd() < 0.35) {
      life.reject(decided, head, pick(REJECT_REASONS));
      return;
    }
    assign(life, decided, head, handler);
    life.adopt(life.later(0, 0), head, pick(ADOPT_PLANS), addDays(shanghaiDate(decided), 14 + Math.floor(rnd() * 20)));
    // Carried out within the category's working days: the deadline of an adopted suggestion is still its category's.
    const doneDay = Math.max(decidedDay, Math.min(life.issue.category.resolveDays, 2 + Math.floor(rnd() * 5)));
    life.resolveIt(life.later(doneDay, 15), handler, '已按计划实施完毕');
    life.confirmationVisit(life.later(doneDay + 1 + Math.floor(rnd() * 2), 10 + Math.floor(rnd() * 6)), { solved: true, rating: 4 + Math.floor(rnd() * 2), comment: pick(CONFIRM_COMMENTS) });
    return;
  }
  if (rnd() < 0.02) {
    life.withdraw(life.later(1, hour()), supervisor, '住户来电说明已自行解决，撤回');
    return;
  }
  assign(life, life.later(0, 9 + Math.floor(rnd() * 3)), head, handler);
  const replyDay = rnd() < 0.05 ? c.env.settings.writtenReplyDays + 1 : nextDay();
  life.answer(life.later(replyDay, hour()), handler, 'oral', '已电话联系住户，说明处理安排');
  life.begin(life.later(replyDay, 17), handler);
  const days = life.issue.category.resolveDays;
  let resolveDay = rnd() < 0.85 ? Math.max(replyDay, 1 + Math.floor(rnd() * days)) : days + 1 + Math.floor(rnd() * 2);
  life.resolveIt(life.later(resolveDay, 14 + Math.floor(rnd() * 3)), handler, resolutionOf(life.issue));
  let visitDay = resolveDay + 1 + Math.floor(rnd() * 3);
  if (rnd() < 0.08) {
    life.confirmationVisit(life.later(visitDay, 10 + Math.floor(rnd() * 6)), { solved: false, comment: pick(REOPEN_REASONS) });
    life.begin(life.later(visitDay, 16), handler);
    resolveDay = visitDay + 1 + Math.floor(rnd() * 2);
    life.resolveIt(life.later(resolveDay, 15), handler, `${resolutionOf(life.issue)}；已再次上门复查`);
    visitDay = resolveDay + 1 + Math.floor(rnd() * 2);
  }
  const r = rnd();
  life.confirmationVisit(life.later(visitDay, 10 + Math.floor(rnd() * 6)), { solved: true, rating: r < 0.5 ? 5 : r < 0.85 ? 4 : 3, comment: pick(CONFIRM_COMMENTS) });
  // The complainant's visit within the month after closing, once its day has come.
  const followUp = life.closedAt! + (10 + Math.floor(rnd() * 15)) * DAY;
  if (life.kind === 'complaint' && life.tasks.some((t) => t.reason === 'after_complaint') && followUp < c.env.now - 12 * HOUR) life.followUpVisit(followUp, '住户表示问题没有再出现，对处理满意');
}

/** How many working days ago a story was raised. */
function ageOf(story: DemoStory, category: IssueCategory): number {
  return typeof story.age === 'number' ? story.age : category.resolveDays + story.age.escalated;
}

/** A scripted life, up to the stage the story is at. */
function playStory(c: Ctx, life: IssueLife, story: DemoStory, age: number) {
  const { head, handler, supervisor } = workers(c, life.issue, Boolean(story.byHead));
  const today = shanghaiDate(c.env.now);
  const last = age - 1;
  const early = Math.min(1, last);
  if (story.channel !== 'visit') life.answer(life.later(0, 0), supervisor, 'oral', '已记录您反映的情况，马上安排相关部门处理');
  switch (story.stage) {
    case 'new':
    case 'pending':
      return;
    case 'acknowledged':
      life.acknowledge(life.later(0, 0), head);
      return;
    case 'adopted':
      life.answer(life.later(early, 10), head, 'written', '感谢您的建议，已安排现场勘察，结果会及时告知您');
      assign(life, life.later(last, 15), head, handler);
      life.adopt(life.later(last, 15), head, '已联系供电公司现场勘察，计划在北门车棚安装 10 个充电桩', addDays(today, 45));
      return;
    case 'assigned':
      assign(life, life.later(0, 0), head, handler);
      return;
  }
  assign(life, life.later(0, 0), head, handler);
  if (life.repliedAt === null) {
    const replyDay = story.replyLate ? c.env.settings.writtenReplyDays + 1 : early;
    life.answer(life.later(replyDay, 10, 30), handler, 'written', `您反映的问题已收到，${life.issue.category.departmentName ?? '相关部门'}正在处理，处理完毕后会再次与您联系`);
  }
  life.begin(life.later(early, 11), handler);
  if (story.stage === 'expected') life.expect(life.later(last, 16), handler, addDays(today, 7), `需要与相关业主协调后处理，预计 ${addDays(today, 7)} 前解决，已告知住户`);
  if (story.stage === 'resolved' || story.stage === 'reopened') life.resolveIt(life.later(story.stage === 'reopened' ? 1 : (story.resolvedOn ?? last), 15), handler, resolutionOf(life.issue));
  if (story.stage === 'reopened') life.confirmationVisit(life.later(2, 10), { solved: false, comment: '住户说下雨天还是往里渗水，问题没有解决' });
}

export async function seedDemoIssues(db: Db, companyId: number, people: DemoPeople, communityIds: ReadonlyMap<string, number>): Promise<void> {
  const rnd = random(9001);
  const at = now();
  const [categories, calendar, settings, departments] = await Promise.all([
    loadCategories(db, companyId),
    loadCompanyCalendar(db, companyId),
    loadSettings(db, companyId),
    unscoped(db, 'demo seeding: the demo company\'s own data').selectFrom('departments').select(['id', 'code']).where('company_id', '=', companyId).execute(),
  ]);
  const departmentCode = new Map(departments.map((d) => [d.id, d.code as DepartmentCode]));
  const communityCode = new Map([...communityIds].map(([code, id]) => [id, code as CommunityCode]));
  const recipients = new Recipients();
  // Heads, supervisors and management of every department and community, looked up once.
  await recipients.load(
    db,
    [...communityIds.values()].flatMap((communityId) => departments.map((d) => ({ id: 0, companyId, communityId, departmentId: d.id, assigneeId: null, categoryName: '', description: '' }))),
  );
  const names = new Map((await unscoped(db, 'demo seeding: the demo company\'s own data').selectFrom('users').select(['id', 'display_name']).where('company_id', '=', companyId).execute()).map((u) => [u.id, u.display_name]));
  const env: LifeEnv = { calendar, settings, recipients, now: at, companyId, nameOf: (id) => names.get(id) ?? '' };
  const c: Ctx = { env, people, categories, departmentCode, communityCode };

  // The visit history's items, before the stories add their own visits.
  const items = await db
    .selectFrom('visit_record_items as i')
    .innerJoin('visit_records as r', 'r.id', 'i.record_id')
    .innerJoin('users as u', 'u.id', 'r.visitor_id')
    .select(['i.id', 'i.kind', 'i.category', 'i.description', 'r.id as record_id', 'r.community_id', 'r.household_id', 'r.resident_id', 'r.started_at', 'r.ended_at', 'r.visitor_id', 'u.display_name as visitor_name'])
    .where('i.company_id', '=', companyId)
    .orderBy('i.id')
    .execute();
  const lives: IssueLife[] = [];
  for (const item of items) {
    const issue = issueFromItem(categories, { id: item.record_id, communityId: item.community_id, householdId: item.household_id, residentId: item.resident_id, raisedAt: item.started_at }, item);
    credit(issue, PRAISE.find((p) => p.description === item.description)?.credit, people, departments);
    const life = new IssueLife(env, issue, {
      createdBy: { id: item.visitor_id, name: item.visitor_name },
      createdAt: Date.parse(item.ended_at),
      visitorId: item.visitor_id,
      supervisorId: people.supervisor(communityCode.get(item.community_id)!).id,
    });
    playHistory(c, life, rnd);
    lives.push(life.finish());
  }

  // The stories: when each was raised, then its visit (or call), then its life.
  const todayDay = shanghaiDay(at);
  const planned = DEMO_STORIES.map((story, n) => {
    const category = matchCategory(categories, story.category);
    const age = ageOf(story, category);
    const raisedAt = startOfDayMs(calendar.workingDaysBefore(todayDay, age)) + (9 + ((n * 5) % 8)) * HOUR + ((n * 17) % 50) * 60_000;
    const community = story.community;
    const communityId = communityIds.get(community)!;
    const visitor = story.channel === 'visit' ? people.visitors(community)[0] : null;
    return { story, category, age, raisedAt, community, communityId, visitor };
  });
  const recorded = await recordStoryVisits(
    db,
    companyId,
    planned.map((p, n) => ({
      communityId: p.communityId,
      commercial: p.community === 'XHGC',
      visitorId: p.visitor?.id ?? null,
      household: n,
      startedAt: new Date(p.raisedAt).toISOString(),
      item: { kind: p.story.kind, category: p.story.category, description: p.story.description },
    })),
  );
  for (const [n, p] of planned.entries()) {
    const r = recorded[n];
    const raisedAt = new Date(p.raisedAt).toISOString();
    const fromVisit = issueFromItem(categories, { id: r.recordId ?? 0, communityId: p.communityId, householdId: r.householdId, residentId: r.residentId, raisedAt }, { id: r.itemId ?? 0, kind: p.story.kind, category: p.story.category, description: p.story.description });
    // A call or WeChat message is entered by the supervisor and answered on the spot.
    const issue: NewIssue = r.recordId
      ? { ...fromVisit, priority: p.story.priority ?? fromVisit.priority }
      : { ...fromVisit, recordId: null, recordItemId: null, channel: p.story.channel, replyMode: 'oral', priority: p.story.priority ?? fromVisit.priority };
    credit(issue, p.story.credit, people, departments);
    const supervisor = people.supervisor(p.community);
    const creator = p.visitor ?? supervisor;
    const life = new IssueLife(env, issue, { createdBy: person(creator), createdAt: p.raisedAt + (r.recordId ? 20 : 5) * 60_000, visitorId: p.visitor?.id ?? null, supervisorId: supervisor.id });
    playStory(c, life, p.story, p.age);
    lives.push(life.finish());
  }

  lives.sort((a, b) => a.start.createdAt - b.start.createdAt);
  await db.transaction().execute((trx) => writeLives(trx, companyId, lives, recipients, calendar.workingDaysBefore(todayDay, 1)));
}

function credit(issue: NewIssue, to: DemoStory['credit'] | undefined, people: DemoPeople, departments: { id: number; code: string }[]) {
  if (issue.kind !== 'praise' || !to) return;
  if ('username' in to) issue.praisedUserId = people.user(to.username).id;
  else issue.praisedDepartmentId = departments.find((d) => d.code === to.department)?.id ?? null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Writes the issues with their timelines, replies, follow-up visits and bell notices. */
async function writeLives(trx: Db, companyId: number, lives: readonly IssueLife[], recipients: Recipients, lastWorkingDay: number): Promise<void> {
  const issueIds = (
    await inChunks(lives, (chunk) =>
      unscoped(trx, 'demo seeding: the demo company\'s own data')
        .insertInto('issues')
        .values(
          chunk.map((l): Insertable<IssuesTable> => ({
            company_id: companyId,
            community_id: l.issue.communityId,
            household_id: l.issue.householdId,
            resident_id: l.issue.residentId,
            record_id: l.issue.recordId,
            record_item_id: l.issue.recordItemId,
            kind: l.issue.kind,
            category_id: l.issue.category.id,
            description: l.issue.description,
            channel: l.issue.channel,
            raised_at: l.issue.raisedAt,
            reply_mode: l.issue.replyMode,
            priority: l.issue.priority,
            department_id: l.issue.departmentId,
            assignee_id: l.assigneeId,
            status: l.status,
            adoption: l.adoption,
            adoption_plan: l.adoptionPlan,
            adoption_planned_date: l.adoptionPlannedDate,
            adoption_reason: l.adoptionReason,
            resolution: l.resolution,
            satisfaction: l.satisfaction,
            withdraw_reason: l.withdrawReason,
            praised_user_id: l.issue.praisedUserId,
            praised_department_id: l.issue.praisedDepartmentId,
            ...replyColumns(l.reply),
            ...resolveColumns(l.resolve),
            resolve_from: l.resolveFrom,
            resolved_by: l.resolvedBy,
            resolved_department_id: l.resolvedAt ? l.issue.departmentId : null,
            closure: l.closure,
            replied_at: iso(l.repliedAt),
            resolved_at: iso(l.resolvedAt),
            closed_at: iso(l.closedAt),
            expected_resolve_date: l.expectedResolveDate,
            escalation_level: l.escalationLevel,
            escalated_at: iso(l.escalatedAt),
            reopen_count: l.reopenCount,
            notices: l.notices,
            check_at: l.checkAt,
            created_by: l.start.createdBy.id,
            created_at: iso(l.start.createdAt)!,
            updated_at: iso(l.updatedAt)!,
          })),
        )
        .returning('id')
        .execute(),
    )
  ).map((r) => r.id);

  // Follow-up visits: the tasks, then the records of those already made.
  const tasks = lives.flatMap((l, n) => l.tasks.map((task) => ({ task, life: l, issueId: issueIds[n] })));
  const taskIds = await insertTasks(
    trx,
    tasks.map(({ task, life, issueId }): NewTask => ({
      company_id: companyId,
      community_id: life.issue.communityId,
      household_id: life.issue.householdId!,
      resident_id: life.issue.residentId,
      reason: task.reason,
      method: 'phone',
      assignee_id: task.assigneeId,
      due_date: task.dueDate,
      appointment_at: null,
      status: task.doneAt === null ? 'pending' : 'completed',
      attempt_count: 0,
      questionnaire_id: null,
      note: `#${issueId} ${life.issue.category.name}：${life.issue.description}`.slice(0, 500),
      issue_id: issueId,
      cancel_reason: null,
      created_by: task.createdBy,
      created_at: iso(task.createdAt)!,
      updated_at: iso(task.doneAt ?? task.createdAt)!,
    })),
  );
  const taskId = new Map<LifeTask, number>(tasks.map((t, i) => [t.task, taskIds[i]]));
  const made = tasks.filter((t) => t.task.doneAt !== null);
  const recordIds = (
    await inChunks(made, (chunk) =>
      unscoped(trx, 'demo seeding: the demo company\'s own data')
        .insertInto('visit_records')
        .values(
          chunk.map(({ task, life }) => ({
            company_id: companyId,
            community_id: life.issue.communityId,
            task_id: taskId.get(task)!,
            household_id: life.issue.householdId!,
            resident_id: life.issue.residentId,
            visitor_id: task.assigneeId!,
            method: 'phone',
            reason: task.reason,
            outcome: 'completed',
            started_at: iso(task.doneAt)!,
            ended_at: iso(task.doneAt! + 4 * 60_000)!,
            visit_date: shanghaiDate(task.doneAt!),
            backdated: 0,
            spoken_to: '住户本人',
            questionnaire_version_id: null,
            answers: '{}',
            average_score: null,
            opinions: task.note,
            suggestions: '',
            improvement_measures: '',
            item_count: 0,
            idempotency_key: null,
            created_at: iso(task.doneAt! + 4 * 60_000)!,
          })),
        )
        .returning('id')
        .execute(),
    )
  ).map((r) => r.id);
  const recordOf = new Map<LifeTask, number>(made.map((t, i) => [t.task, recordIds[i]]));

  const timeline: TimelineInput[] = lives.flatMap((l, n) =>
    l.events.map((e) => {
      const links = e.links ?? {};
      const data = {
        ...e.data,
        ...(links.confirmationTaskId ? { confirmationTaskId: taskId.get(links.confirmationTaskId) } : {}),
        ...(links.followUpTaskId ? { followUpTaskId: taskId.get(links.followUpTaskId) } : {}),
        ...(links.recordId ? { recordId: recordOf.get(links.recordId) } : {}),
      };
      return { issueId: issueIds[n], companyId, type: e.type, event: e.event ?? null, fromStatus: e.fromStatus ?? null, toStatus: e.toStatus ?? null, comment: e.comment, data, actor: e.actor, at: iso(e.at)! };
    }),
  );
  await addTimeline(trx, timeline);

  const replies = lives.flatMap((l, n) => l.replies.map((r) => ({ issue_id: issueIds[n], company_id: companyId, mode: r.mode, content: r.content, replied_by: r.by, replied_at: iso(r.at)!, on_time: r.onTime ? 1 : 0 })));
  await inChunks(replies, (chunk) => trx.insertInto('issue_replies').values(chunk).execute());

  // The bell, oldest first; what came before the last working day has been read.
  const readBefore = startOfDayMs(lastWorkingDay);
  const bell = lives
    .flatMap((l, n) => {
      const ref = { id: issueIds[n], companyId, communityId: l.issue.communityId, departmentId: l.issue.departmentId, assigneeId: l.assigneeId, categoryName: l.issue.category.name, description: l.issue.description };
      return l.bell.flatMap((b) => recipients.messages(b.kind, ref, b.userIds, { due: b.due, level: b.level }).map((m) => ({ m, at: b.at })));
    })
    .sort((a, b) => a.at - b.at)
    .map(({ m, at }) => ({
      company_id: companyId,
      user_id: m.recipientUserId!,
      outbox_id: null,
      kind: m.kind,
      title: m.title,
      body: m.body,
      link: m.link ?? null,
      created_at: iso(at)!,
      read_at: at < readBefore ? iso(at + 2 * HOUR) : null,
    }));
  await inChunks(bell, (chunk) => trx.insertInto('notifications').values(chunk).execute());
}
