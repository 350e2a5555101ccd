/**
 * Four months of visit history for the demo company, so that every page has life in it: monthly
 * periodic visits to a share of the households (mostly satisfied, some not, with the problems,
 * complaints, needs, suggestions and praise they raised), unreachable and refused tasks with their
 * attempts, and open tasks for today, overdue and upcoming on each visitor's list. The visits of the
 * last weeks raise nothing at random: the issues still being worked come from the scripted stories
 * (demo-stories.ts), recorded here by `recordStoryVisits`. Deterministic.
 */
import type { Insertable } from 'kysely';
import type { Question } from '../../shared/schemas/questionnaires.js';
import { nowIso, shanghaiToday } from '../clock.js';
import { type Db } from '../db/database.js';
import type { VisitRecordsTable, VisitTasksTable } from '../db/schema.js';
import { averageScore } from '../questionnaires/validate-answers.js';
import { inChunks, random } from './demo-util.js';
import { addDays, shanghaiDate } from '../../shared/shanghai.js';
import { insertTasks } from '../visits/insert-tasks.js';
import { unscoped } from '../scope.js';

type Item = { kind: 'problem' | 'complaint' | 'need' | 'suggestion' | 'praise'; category: string; description: string };
const item = (kind: Item['kind']) => ([category, description]: [string, string]): Item => ({ kind, category, description });

const RESIDENTIAL_COMPLAINTS = (
  [
    ['保洁', '楼道垃圾清运不及时，夏天有异味'],
    ['保洁', '电梯轿厢地面经常有污渍，没人擦'],
    ['安保', '夜间外来车辆随意进出，门岗登记不严'],
    ['安保', '快递员随意进出单元楼，担心安全'],
    ['维修', '报修的电梯异响一周了还没修好'],
    ['维修', '楼道声控灯坏了好几天'],
    ['绿化', '楼下草坪长期无人修剪'],
    ['停车', '地下车库照明太暗，车位被占用'],
    ['噪音', '楼上装修周末早上七点就开始施工'],
    ['设施设备', '单元门禁经常失灵'],
    ['收费', '物业费账单明细看不明白'],
    ['邻里', '邻居在楼道堆放杂物，影响通行'],
  ] as [string, string][]
).map(item('complaint'));
const COMMERCIAL_COMPLAINTS = (
  [
    ['保洁', '商户垃圾清运时间太晚，影响晚间营业'],
    ['设施设备', '货梯经常排长队，装卸货不方便'],
    ['安保', '夜间商场外围巡逻不到位'],
    ['收费', '公共能耗分摊方式不清楚'],
    ['停车', '顾客停车收费标准没有公示'],
  ] as [string, string][]
).map(item('complaint'));
const PROBLEMS = (
  [
    ['维修', '厨房下水道堵塞，需要疏通'],
    ['设施设备', '单元楼下信报箱门锁坏了'],
    ['绿化', '台风后有树枝压在车棚顶上'],
    ['维修', '卫生间墙面渗水'],
  ] as [string, string][]
).map(item('problem'));
const NEEDS = (
  [
    ['设施设备', '希望增加几处休闲座椅，方便老人休息'],
    ['其他', '希望物业组织义诊和健康讲座'],
  ] as [string, string][]
).map(item('need'));
const SUGGESTIONS = (
  [
    ['设施设备', '希望在北门增加电动车充电桩'],
    ['其他', '建议开通微信报修，方便上班族'],
    ['绿化', '希望小区多种一些开花的树'],
    ['安保', '建议快递柜旁加装一个监控'],
  ] as [string, string][]
).map(item('suggestion'));

/** Praise names the department or the staff member (by demo username) it is credited to. */
export const PRAISE: readonly (Item & { credit: { department: string } | { username: string } })[] = [
  { kind: 'praise', category: '保洁', description: '保洁阿姨每天把楼道拖得很干净，辛苦了', credit: { department: 'CLEAN' } },
  { kind: 'praise', category: '维修', description: '维修师傅钱建国上门很及时，修得也仔细', credit: { username: 'qianjianguo' } },
  { kind: 'praise', category: '安保', description: '门岗保安很热心，下雨天帮忙把东西送到楼下', credit: { department: 'SEC' } },
  { kind: 'praise', category: '收费', description: '客服郭婧解释物业费很耐心', credit: { username: 'guojing' } },
];

export interface DemoVisitPlan {
  communityId: number;
  commercial: boolean;
  /** who made the past visits, and how many of them each made (relative weights) */
  visitors: { id: number; weight: number }[];
  /** the share of the households visited in a month */
  monthlyShare: number;
  /** who has today's, overdue and upcoming tasks, and how many */
  openTasks: { visitorId: number; count: number } | null;
}

async function builtinQuestionnaire(db: Db, companyId: number) {
  const version = await db
    .selectFrom('questionnaire_versions')
    .innerJoin('questionnaires', 'questionnaires.id', 'questionnaire_versions.questionnaire_id')
    .select(['questionnaire_versions.id', 'questionnaire_versions.questions', 'questionnaires.id as questionnaire_id'])
    .where('questionnaires.company_id', '=', companyId)
    .where('questionnaires.builtin', '=', 1)
    .executeTakeFirstOrThrow();
  const questions = JSON.parse(version.questions) as Question[];
  return { versionId: version.id, questionnaireId: version.questionnaire_id, questions, ratingKeys: questions.filter((q) => q.type === 'rating').map((q) => q.key) };
}
type Questionnaire = Awaited<ReturnType<typeof builtinQuestionnaire>>;

/** Answers of a resident who is content, or unhappy with some of the services. */
function answersOf(rnd: () => number, q: Questionnaire, unhappy: boolean): Record<string, number | string> {
  const answers: Record<string, number | string> = {};
  for (const key of q.ratingKeys) answers[key] = unhappy && rnd() < 0.4 ? 1 + Math.floor(rnd() * 2) : 4 + Math.floor(rnd() * 2);
  for (const key of q.ratingKeys) if ((answers[key] as number) <= 2 && q.questions.some((x) => x.key === `${key}_issue`)) answers[`${key}_issue`] = '服务不到位';
  return answers;
}

/** The occupied households of a community with their first owner (or merchant), in a stable order. */
export async function visitableHouseholds(db: Db, communityId: number) {
  return unscoped(db, 'demo seeding: the demo company\'s own data')
    .selectFrom('households')
    .leftJoin('residents', (j) => j.onRef('residents.household_id', '=', 'households.id').on('residents.role', 'in', ['owner', 'merchant']))
    .select(['households.id', (eb) => eb.fn.min('residents.id').as('resident_id')])
    .where('households.community_id', '=', communityId)
    .where('households.status', '!=', 'vacant')
    .groupBy('households.id')
    .orderBy('households.id')
    .execute();
}

interface Visit {
  task: Insertable<VisitTasksTable>;
  record: Omit<Insertable<VisitRecordsTable>, 'task_id'> | null;
  items: Item[];
  attempts: { day: string; result: 'no_answer' | 'busy' }[];
}

/** Writes visits: their tasks, then records, items and failed attempts, each in multi-row statements. */
async function insertVisits(trx: Db, companyId: number, visits: readonly Visit[]): Promise<{ recordId: number | null; itemIds: number[] }[]> {
  const taskIds = await insertTasks(trx, visits.map((v) => v.task));
  const recorded = visits.flatMap((v, i) => (v.record ? [{ visit: v, taskId: taskIds[i] }] : []));
  const recordIds = (await inChunks(recorded, (chunk) => unscoped(trx, 'demo seeding: the demo company\'s own data').insertInto('visit_records').values(chunk.map((r) => ({ ...r.visit.record!, task_id: r.taskId }))).returning('id').execute())).map((r) => r.id);
  const recordOf = new Map(recorded.map((r, i) => [r.visit, recordIds[i]]));
  const itemRows = visits.flatMap((v) =>
    v.items.map((i) => ({ record_id: recordOf.get(v)!, company_id: companyId, community_id: v.task.community_id, household_id: v.task.household_id, kind: i.kind, category: i.category, description: i.description, raised_on: v.record!.visit_date })),
  );
  const itemIds = (await inChunks(itemRows, (chunk) => trx.insertInto('visit_record_items').values(chunk).returning('id').execute())).map((r) => r.id);
  const attempts = visits.flatMap((v, i) =>
    v.attempts.map((a) => ({ task_id: taskIds[i], company_id: companyId, at: `${a.day}T02:30:00.000Z`, result: a.result, note: '', user_id: v.task.assignee_id ?? null })),
  );
  await inChunks(attempts, (chunk) => trx.insertInto('visit_attempts').values(chunk).execute());
  let next = 0;
  return visits.map((v) => ({ recordId: recordOf.get(v) ?? null, itemIds: v.items.map(() => itemIds[next++]) }));
}

const minutes = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000).toISOString();

export async function seedDemoVisits(db: Db, companyId: number, plans: readonly DemoVisitPlan[], options: { itemsUntil: string }): Promise<void> {
  const rnd = random(4242);
  const q = await builtinQuestionnaire(db, companyId);
  const today = shanghaiToday();
  const now = nowIso();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

  for (const plan of plans) {
    const households = await visitableHouseholds(db, plan.communityId);
    const totalWeight = plan.visitors.reduce((n, v) => n + v.weight, 0);
    const visitor = () => {
      let r = rnd() * totalWeight;
      return (plan.visitors.find((v) => (r -= v.weight) < 0) ?? plan.visitors[0]).id;
    };
    const complaints = plan.commercial ? [...COMMERCIAL_COMPLAINTS, ...RESIDENTIAL_COMPLAINTS.filter((c) => ['保洁', '安保', '维修'].includes(c.category))] : RESIDENTIAL_COMPLAINTS;
    const visits: Visit[] = [];
    for (let month = 4; month >= 1; month--) {
      for (const h of households) {
        if (rnd() > plan.monthlyShare) continue;
        const day = addDays(today, -month * 30 + Math.floor(rnd() * 28));
        const visitorId = visitor();
        const roll = rnd();
        const status = roll < 0.08 ? 'unreachable' : roll < 0.11 ? 'refused' : 'completed';
        const method = rnd() < 0.8 ? 'phone' : 'door';
        const task: Insertable<VisitTasksTable> = {
          company_id: companyId,
          community_id: plan.communityId,
          household_id: h.id,
          resident_id: h.resident_id ?? null,
          reason: 'periodic',
          method,
          assignee_id: visitorId,
          due_date: day,
          appointment_at: null,
          status,
          attempt_count: status === 'unreachable' ? 3 : 0,
          questionnaire_id: q.questionnaireId,
          note: '',
          cancel_reason: null,
          created_by: null,
          created_at: `${addDays(day, -7)}T01:00:00.000Z`,
          updated_at: now,
        };
        if (status === 'unreachable') {
          visits.push({ task, record: null, items: [], attempts: [{ day, result: 'no_answer' }, { day: addDays(day, 1), result: 'busy' }, { day: addDays(day, 2), result: 'no_answer' }] });
          continue;
        }
        const completed = status === 'completed';
        const unhappy = rnd() < 0.15;
        const answers = completed ? answersOf(rnd, q, unhappy) : {};
        const roll2 = rnd();
        const raised: Item[] = [];
        if (completed && day <= options.itemsUntil) {
          if (unhappy && roll2 < 0.45) raised.push(pick(complaints));
          else if (roll2 < 0.02) raised.push(pick(PROBLEMS));
          else if (roll2 < 0.03) raised.push(pick(NEEDS));
          else if (roll2 < 0.05) raised.push(pick(PRAISE));
          if (rnd() < 0.03) raised.push(pick(SUGGESTIONS));
        }
        const started = `${day}T0${1 + Math.floor(rnd() * 8)}:${String(Math.floor(rnd() * 50)).padStart(2, '0')}:00.000Z`;
        const ended = minutes(started, 5 + Math.floor(rnd() * 15));
        const problems = raised.filter((i) => i.kind !== 'suggestion' && i.kind !== 'praise');
        const suggestion = raised.find((i) => i.kind === 'suggestion');
        visits.push({
          task,
          items: raised.map(({ kind, category, description }) => ({ kind, category, description })),
          attempts: [],
          record: {
            company_id: companyId,
            community_id: plan.communityId,
            household_id: h.id,
            resident_id: h.resident_id ?? null,
            visitor_id: visitorId,
            method,
            reason: 'periodic',
            outcome: completed ? 'completed' : 'refused',
            started_at: started,
            ended_at: ended,
            visit_date: day,
            backdated: 0,
            spoken_to: completed ? (plan.commercial ? '店长' : '业主本人') : '',
            questionnaire_version_id: q.versionId,
            answers: JSON.stringify(answers),
            average_score: completed ? averageScore(q.questions, answers) : null,
            opinions: problems.map((i) => i.description).join('；'),
            suggestions: suggestion?.description ?? '',
            improvement_measures: problems.length ? '已转相关部门处理' : '',
            item_count: raised.length,
            idempotency_key: null,
            created_at: ended,
          },
        });
      }
    }
    // Open work: tasks due today, overdue and upcoming.
    for (let i = 0; i < (plan.openTasks?.count ?? 0); i++) {
      const h = households[Math.floor(rnd() * households.length)];
      visits.push({
        task: {
          company_id: companyId,
          community_id: plan.communityId,
          household_id: h.id,
          resident_id: h.resident_id ?? null,
          reason: i % 4 === 0 ? (plan.commercial ? 'ad_hoc' : 'move_in') : 'periodic',
          method: i % 3 === 0 ? 'door' : 'phone',
          assignee_id: plan.openTasks!.visitorId,
          due_date: addDays(today, i % 12 < 5 ? 0 : i % 12 < 8 ? -2 : 3 + (i % 12)),
          appointment_at: null,
          status: 'pending',
          attempt_count: 0,
          questionnaire_id: q.questionnaireId,
          note: '',
          cancel_reason: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        },
        record: null,
        items: [],
        attempts: [],
      });
    }
    await db.transaction().execute((trx) => insertVisits(trx, companyId, visits));
  }
}

export interface StoryVisit {
  communityId: number;
  commercial: boolean;
  visitorId: number;
  /** which of the community's households: a stable index, wrapped around */
  household: number;
  startedAt: string;
  item: Item;
}

export interface RecordedStory {
  householdId: number;
  residentId: number | null;
  /** null when the story came by phone or WeChat rather than a visit */
  recordId: number | null;
  itemId: number | null;
}

/** The household of a story, and the visit in which it was raised when it came from one. */
export async function recordStoryVisits(db: Db, companyId: number, stories: readonly (Omit<StoryVisit, 'visitorId'> & { visitorId: number | null })[]): Promise<RecordedStory[]> {
  const rnd = random(777);
  const q = await builtinQuestionnaire(db, companyId);
  const byCommunity = new Map<number, Awaited<ReturnType<typeof visitableHouseholds>>>();
  for (const id of new Set(stories.map((s) => s.communityId))) byCommunity.set(id, await visitableHouseholds(db, id));
  const homes = stories.map((s) => {
    const households = byCommunity.get(s.communityId)!;
    return households[(s.household * 131 + 29) % households.length];
  });
  const visits: Visit[] = [];
  const visitOf = new Map<number, Visit>();
  for (const [i, s] of stories.entries()) {
    if (s.visitorId === null) continue;
    const h = homes[i];
    const day = shanghaiDate(s.startedAt);
    const answers = answersOf(rnd, q, s.item.kind === 'complaint' || s.item.kind === 'problem');
    const ended = minutes(s.startedAt, 8 + Math.floor(rnd() * 10));
    const visit: Visit = {
      task: {
        company_id: companyId,
        community_id: s.communityId,
        household_id: h.id,
        resident_id: h.resident_id ?? null,
        reason: 'periodic',
        method: 'phone',
        assignee_id: s.visitorId,
        due_date: day,
        appointment_at: null,
        status: 'completed',
        attempt_count: 0,
        questionnaire_id: q.questionnaireId,
        note: '',
        cancel_reason: null,
        created_by: null,
        created_at: `${addDays(day, -7)}T01:00:00.000Z`,
        updated_at: ended,
      },
      items: [s.item],
      attempts: [],
      record: {
        company_id: companyId,
        community_id: s.communityId,
        household_id: h.id,
        resident_id: h.resident_id ?? null,
        visitor_id: s.visitorId,
        method: 'phone',
        reason: 'periodic',
        outcome: 'completed',
        started_at: s.startedAt,
        ended_at: ended,
        visit_date: day,
        backdated: 0,
        spoken_to: s.commercial ? '店长' : '业主本人',
        questionnaire_version_id: q.versionId,
        answers: JSON.stringify(answers),
        average_score: averageScore(q.questions, answers),
        opinions: s.item.kind === 'suggestion' || s.item.kind === 'praise' ? '' : s.item.description,
        suggestions: s.item.kind === 'suggestion' ? s.item.description : '',
        improvement_measures: s.item.kind === 'praise' ? '' : '已转相关部门处理',
        item_count: 1,
        idempotency_key: null,
        created_at: ended,
      },
    };
    visits.push(visit);
    visitOf.set(i, visit);
  }
  const written = await db.transaction().execute((trx) => insertVisits(trx, companyId, visits));
  const resultOf = new Map(visits.map((v, i) => [v, written[i]]));
  return stories.map((_, i) => {
    const visit = visitOf.get(i);
    const w = visit ? resultOf.get(visit)! : null;
    return { householdId: homes[i].id, residentId: homes[i].resident_id ?? null, recordId: w?.recordId ?? null, itemId: w?.itemIds[0] ?? null };
  });
}
