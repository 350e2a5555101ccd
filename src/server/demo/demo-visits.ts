/**
 * A few months of visit history for the demo company, so that every page has life in it: monthly
 * periodic visits to about a fifth of the households (mostly satisfied, some not, with the problems
 * they raised), unreachable and refused tasks with their attempts, and open tasks for today, overdue
 * and upcoming on the demo visitor's list. Deterministic.
 */
import type { Question } from '../../shared/schemas/questionnaires.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { averageScore } from '../questionnaires/validate-answers.js';
import { addDays, shanghaiDate } from '../visits/dates.js';

const COMPLAINTS: [string, string][] = [
  ['保洁', '楼道垃圾清运不及时，夏天有异味'],
  ['安保', '夜间外来车辆随意进出，门岗登记不严'],
  ['维修', '报修的电梯异响一周了还没修好'],
  ['绿化', '楼下草坪长期无人修剪'],
  ['停车', '地下车库照明太暗，车位被占用'],
  ['噪音', '楼上装修周末早上七点就开始施工'],
  ['设施设备', '单元门禁经常失灵'],
  ['收费', '物业费账单明细看不明白'],
];
const SUGGESTIONS: [string, string][] = [
  ['设施设备', '希望在北门增加电动车充电桩'],
  ['客服', '建议开通微信报修，方便上班族'],
  ['绿化', '希望小区多种一些开花的树'],
];

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoVisitPlan {
  communityId: number;
  /** who made the past visits */
  visitorIds: number[];
  /** who gets today's, overdue and upcoming tasks, if anyone */
  openTasksFor: number | null;
}

export async function seedDemoVisits(db: Db, companyId: number, plans: DemoVisitPlan[]): Promise<void> {
  const rnd = random(4242);
  const version = await db
    .selectFrom('questionnaire_versions')
    .innerJoin('questionnaires', 'questionnaires.id', 'questionnaire_versions.questionnaire_id')
    .select(['questionnaire_versions.id', 'questionnaire_versions.questions', 'questionnaires.id as questionnaire_id'])
    .where('questionnaires.company_id', '=', companyId)
    .where('questionnaires.builtin', '=', 1)
    .executeTakeFirstOrThrow();
  const questions = JSON.parse(version.questions) as Question[];
  const ratingKeys = questions.filter((q) => q.type === 'rating').map((q) => q.key);
  const today = shanghaiDate();
  const now = nowIso();

  for (const { communityId, visitorIds, openTasksFor } of plans) {
    const households = await db
      .selectFrom('households')
      .leftJoin('residents', (j) => j.onRef('residents.household_id', '=', 'households.id').on('residents.role', '=', 'owner'))
      .select(['households.id', (eb) => eb.fn.min('residents.id').as('resident_id')])
      .where('households.community_id', '=', communityId)
      .where('households.status', '!=', 'vacant')
      .groupBy('households.id')
      .execute();
    await db.transaction().execute(async (trx) => {
      for (let month = 4; month >= 1; month--) {
        for (const h of households) {
          if (rnd() > 0.2) continue;
          const day = addDays(today, -month * 30 + Math.floor(rnd() * 28));
          const visitorId = visitorIds[Math.floor(rnd() * visitorIds.length)];
          const roll = rnd();
          const status = roll < 0.08 ? 'unreachable' : roll < 0.11 ? 'refused' : 'completed';
          const { id: taskId } = await trx
            .insertInto('visit_tasks')
            .values({
              company_id: companyId,
              community_id: communityId,
              household_id: h.id,
              resident_id: h.resident_id ?? null,
              reason: 'periodic',
              method: rnd() < 0.8 ? 'phone' : 'door',
              assignee_id: visitorId,
              due_date: day,
              appointment_at: null,
              status,
              attempt_count: status === 'unreachable' ? 3 : 0,
              questionnaire_id: version.questionnaire_id,
              note: '',
              cancel_reason: null,
              created_by: null,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (status === 'unreachable') {
            for (const [i, result] of (['no_answer', 'busy', 'no_answer'] as const).entries()) {
              await trx.insertInto('visit_attempts').values({ task_id: taskId, company_id: companyId, at: `${addDays(day, i)}T02:30:00.000Z`, result, note: '', user_id: visitorId }).execute();
            }
            continue;
          }
          const unhappy = rnd() < 0.15;
          const answers: Record<string, number | string> = {};
          if (status === 'completed') {
            for (const key of ratingKeys) answers[key] = unhappy && rnd() < 0.4 ? 1 + Math.floor(rnd() * 2) : 4 + Math.floor(rnd() * 2);
            for (const key of ratingKeys) if ((answers[key] as number) <= 2 && questions.some((q) => q.key === `${key}_issue`)) answers[`${key}_issue`] = '服务不到位';
          }
          const items = status === 'completed' && (unhappy || rnd() < 0.05) ? [COMPLAINTS[Math.floor(rnd() * COMPLAINTS.length)]] : [];
          const suggestion = status === 'completed' && rnd() < 0.06 ? SUGGESTIONS[Math.floor(rnd() * SUGGESTIONS.length)] : null;
          const started = `${day}T0${1 + Math.floor(rnd() * 8)}:${String(Math.floor(rnd() * 50)).padStart(2, '0')}:00.000Z`;
          const { id: recordId } = await trx
            .insertInto('visit_records')
            .values({
              company_id: companyId,
              community_id: communityId,
              task_id: taskId,
              household_id: h.id,
              resident_id: h.resident_id ?? null,
              visitor_id: visitorId,
              method: 'phone',
              reason: 'periodic',
              outcome: status === 'refused' ? 'refused' : 'completed',
              started_at: started,
              ended_at: new Date(Date.parse(started) + (5 + Math.floor(rnd() * 15)) * 60_000).toISOString(),
              visit_date: day,
              backdated: 0,
              spoken_to: status === 'completed' ? '业主本人' : '',
              questionnaire_version_id: version.id,
              answers: JSON.stringify(answers),
              average_score: status === 'completed' ? averageScore(questions, answers) : null,
              opinions: items.length ? items[0][1] : '',
              suggestions: suggestion ? suggestion[1] : '',
              improvement_measures: items.length ? '已转相关部门处理' : '',
              item_count: items.length + (suggestion ? 1 : 0),
              idempotency_key: null,
              created_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const raised = [...items.map(([category, description]) => ({ kind: 'complaint', category, description })), ...(suggestion ? [{ kind: 'suggestion', category: suggestion[0], description: suggestion[1] }] : [])];
          if (raised.length) {
            await trx
              .insertInto('visit_record_items')
              .values(raised.map((i) => ({ record_id: recordId, company_id: companyId, community_id: communityId, household_id: h.id, ...i, raised_on: day })))
              .execute();
          }
        }
      }
      // Open work for the demo visitor: a few tasks due today, overdue and upcoming.
      const open = openTasksFor ? households.slice(0, 12) : [];
      for (const [i, h] of open.entries()) {
        await trx
          .insertInto('visit_tasks')
          .values({
            company_id: companyId,
            community_id: communityId,
            household_id: h.id,
            resident_id: h.resident_id ?? null,
            reason: i % 4 === 0 ? 'move_in' : 'periodic',
            method: i % 3 === 0 ? 'door' : 'phone',
            assignee_id: openTasksFor,
            due_date: addDays(today, i < 5 ? 0 : i < 8 ? -2 : 3 + i),
            appointment_at: null,
            status: 'pending',
            attempt_count: 0,
            questionnaire_id: version.questionnaire_id,
            note: '',
            cancel_reason: null,
            created_by: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
    });
  }
}
