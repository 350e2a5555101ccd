/**
 * Issues for the demo company, made from the items raised in its visit history: older ones replied to,
 * resolved, confirmed and closed (suggestions adopted or not), the last fortnight's resolved and awaiting
 * confirmation, and the last days' still open — some of them already past their deadlines, so the
 * escalation sweep of the first start has work to show. Deterministic.
 */
import { PERMISSIONS } from '../../shared/schemas/permissions.js';
import { loadCompanyCalendar } from '../calendar/company-calendar.js';
import type { Ctx } from '../context.js';
import { now, nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { loadCategories, matchCategory } from '../issues/categories.js';
import { insertIssues, issueFromItem } from '../issues/create-issue.js';
import { loadSettings } from '../issues/settings.js';
import { addTimeline, type TimelineInput } from '../issues/timeline.js';

const DAY = 86_400_000;
const RESOLUTIONS: Record<string, string> = {
  保洁: '已加派保洁人员，垃圾改为每日早晚两次清运',
  安保: '门岗已加强外来车辆登记，夜间增加巡逻一次',
  '维修/工程': '已联系电梯维保单位更换导靴，运行正常',
  绿化: '已安排绿化班组修剪草坪并列入每月计划',
  停车: '车库照明已更换为 LED 灯，占位车辆已联系挪车',
  噪音: '已上门告知装修时间规定，施工时间已调整',
  设施设备: '门禁控制器已更换，测试正常',
  收费: '已上门解释账单明细并提供打印版',
};

export async function seedDemoIssues(db: Db, companyId: number, supervisor: { id: number; name: string }, handlerId: number): Promise<void> {
  const items = await db
    .selectFrom('visit_record_items as i')
    .innerJoin('visit_records as r', 'r.id', 'i.record_id')
    .select(['i.id', 'i.kind', 'i.category', 'i.description', 'r.id as record_id', 'r.community_id', 'r.household_id', 'r.resident_id', 'r.started_at', 'r.visitor_id'])
    .where('i.company_id', '=', companyId)
    .orderBy('i.id')
    .execute();
  if (!items.length) return;
  const ctx: Ctx = {
    userId: supervisor.id,
    username: 'supervisor',
    displayName: supervisor.name,
    companyId,
    permissions: new Set(PERMISSIONS),
    allCommunities: true,
    communityIds: [],
    departmentId: null,
    ip: null,
    locale: 'zh-CN',
  };
  const [categories, calendar, settings] = await Promise.all([loadCategories(db, companyId), loadCompanyCalendar(db, companyId), loadSettings(db, companyId)]);
  const engineering = categories.find((c) => c.code === 'repair')?.departmentId ?? null;
  await db.transaction().execute(async (trx) => {
    const ids = await insertIssues(
      trx,
      ctx,
      calendar,
      settings,
      items.map((item) => {
        const record = { id: item.record_id, communityId: item.community_id, householdId: item.household_id, residentId: item.resident_id, raisedAt: item.started_at };
        const issue = issueFromItem(categories, record, item);
        return { ...issue, assigneeId: issue.departmentId === engineering ? handlerId : null };
      }),
    );
    const today = now();
    const timeline: TimelineInput[] = [];
    for (const [n, item] of items.entries()) {
      const id = ids[n];
      const raised = Date.parse(item.started_at);
      const age = (today - raised) / DAY;
      const at = (days: number) => new Date(raised + days * DAY).toISOString();
      const resolution = RESOLUTIONS[matchCategory(categories, item.category).name] ?? '已处理完毕';
      const by = { id: supervisor.id, name: supervisor.name };
      if (age <= 10) continue;
      if (item.kind === 'suggestion') {
        const adopted = n % 3 !== 0;
        await trx
          .updateTable('issues')
          .set(
            adopted
              ? { status: 'closed', adoption: 'implemented', adoption_plan: '纳入本季度改进计划', adoption_planned_date: at(20).slice(0, 10), resolution: '已按计划实施', replied_at: at(1), resolved_at: at(20), closed_at: at(22), satisfaction: 5, check_at: null }
              : { status: 'not_adopted', adoption: 'not_adopted', adoption_reason: '受场地条件限制，暂不具备实施条件，已向业主说明', replied_at: at(1), closed_at: at(2), check_at: null },
          )
          .where('id', '=', id)
          .execute();
        timeline.push({ issueId: id, companyId, type: 'transition', event: adopted ? 'adopt' : 'reject', fromStatus: 'new', toStatus: adopted ? 'in_progress' : 'not_adopted', actor: by, at: at(1) });
        continue;
      }
      const closed = age > 25;
      await trx
        .updateTable('issues')
        .set({
          status: closed ? 'closed' : 'resolved',
          replied_at: at(1),
          resolved_at: at(3),
          resolution,
          closed_at: closed ? at(6) : null,
          satisfaction: closed ? (n % 4 === 0 ? 3 : n % 2 === 0 ? 4 : 5) : null,
          check_at: null,
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute();
      await trx.insertInto('issue_replies').values({ issue_id: id, company_id: companyId, mode: 'oral', content: '已电话回复业主，告知处理安排', replied_by: supervisor.id, replied_at: at(1), on_time: 1 }).execute();
      timeline.push({ issueId: id, companyId, type: 'reply', comment: '已电话回复业主，告知处理安排', data: { mode: 'oral', onTime: true }, actor: by, at: at(1) });
      timeline.push({ issueId: id, companyId, type: 'transition', event: 'resolve', fromStatus: 'in_progress', toStatus: 'resolved', comment: resolution, actor: by, at: at(3) });
      if (closed) timeline.push({ issueId: id, companyId, type: 'transition', event: 'confirm', fromStatus: 'resolved', toStatus: 'closed', data: { rating: 5 }, actor: { id: item.visitor_id, name: '回访专员' }, at: at(6) });
    }
    await addTimeline(trx, timeline);
  });
}
