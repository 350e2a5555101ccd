/**
 * Exports visit records to xlsx laid out like the paper 回访记录表: date, visitor, target, method,
 * content, problems, improvement measures, status. Needs the export permission and is audited, since
 * the sheet names residents.
 */
import ExcelJS from 'exceljs';
import type { Question } from '../../shared/schemas/questionnaires.js';
import type { RecordListQuery, VisitRecord } from '../../shared/schemas/visits.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { neutralise } from '../spreadsheets/formulas.js';
import { HEADER_STYLE } from '../spreadsheets/xlsx.js';
import { recordsForExport } from './record-queries.js';

export const EXPORT_MAX_RECORDS = 20_000;

const METHOD: Record<string, string> = { phone: '电话', door: '上门', online: '线上', written: '书面问卷' };
const REASON: Record<string, string> = {
  periodic: '定期回访',
  move_in: '新入住',
  after_complaint: '投诉后回访',
  after_repair: '维修后回访',
  low_satisfaction: '重点回访',
  special_need: '特殊需求',
  event: '事件回访',
  ad_hoc: '临时回访',
};
const KIND: Record<string, string> = { problem: '问题', complaint: '投诉', suggestion: '建议', need: '需求', praise: '表扬' };
const OUTCOME: Record<string, string> = { completed: '已完成', refused: '拒访' };

function content(r: VisitRecord, questions: Map<number, Question[]>): string {
  const qs = r.questionnaireVersionId ? (questions.get(r.questionnaireVersionId) ?? []) : [];
  const scores = qs
    .filter((q) => q.type === 'rating' && typeof r.answers[q.key] === 'number')
    .map((q) => `${q.dimension ?? q.title}：${r.answers[q.key]}分`);
  return [scores.join('；'), r.opinions && `意见：${r.opinions}`, r.suggestions && `建议：${r.suggestions}`].filter(Boolean).join('\n');
}

export async function exportRecords(db: Db, ctx: Ctx, filter: Omit<RecordListQuery, 'limit' | 'offset'>): Promise<Buffer> {
  requirePermission(ctx, 'visits.export');
  const records = await recordsForExport(db, ctx, filter, EXPORT_MAX_RECORDS);
  const versionIds = [...new Set(records.map((r) => r.questionnaireVersionId).filter((v): v is number => v !== null))];
  const versions = versionIds.length ? await db.selectFrom('questionnaire_versions').select(['id', 'questions']).where('id', 'in', versionIds).where('company_id', '=', ctx.companyId).execute() : [];
  const questions = new Map(versions.map((v) => [v.id, JSON.parse(v.questions) as Question[]]));

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('回访记录表');
  sheet.columns = [
    { header: '回访日期', key: 'date', width: 12 },
    { header: '回访人员', key: 'visitor', width: 10 },
    { header: '回访对象', key: 'target', width: 22 },
    { header: '回访方式', key: 'method', width: 10 },
    { header: '回访事由', key: 'reason', width: 12 },
    { header: '结果', key: 'outcome', width: 8 },
    { header: '满意度均分', key: 'score', width: 10 },
    { header: '回访内容', key: 'content', width: 50 },
    { header: '问题概述', key: 'problems', width: 40 },
    { header: '改进措施', key: 'measures', width: 30 },
    { header: '处理状态', key: 'status', width: 12 },
  ];
  sheet.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
  for (const r of records) {
    const text = (v: string) => neutralise(v);
    sheet.addRow({
      date: r.visitDate,
      visitor: text(r.visitorName),
      target: text([r.householdLabel, r.residentName].filter(Boolean).join(' ')),
      method: METHOD[r.method],
      reason: REASON[r.reason],
      outcome: OUTCOME[r.outcome],
      score: r.averageScore,
      content: text(content(r, questions)),
      problems: text(r.items.map((i) => `【${KIND[i.kind]}·${i.category}】${i.description}`).join('\n')),
      measures: text(r.improvementMeasures),
      status: r.items.length ? '已记录，待处理' : '无待办',
    });
  }
  sheet.getColumn('content').alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn('problems').alignment = { wrapText: true, vertical: 'top' };
  await recordAudit(db, actorOf(ctx), { action: 'visit.export', entityType: 'record', communityId: filter.communityId ?? null, after: { records: records.length, filter } });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
