/**
 * The 回访记录表: visit records exported to xlsx as the paper form is kept — a title row (company name and
 * 回访记录表), a row with the period and filters, a frozen header, then one row per record: date and time,
 * community, household and resident, who was spoken to, visitor, method, reason (事由), outcome, scores,
 * content, the problems raised, improvement measures, and the status of the issue each problem became (for
 * a confirmation or complaint follow-up visit, of the issue it is about). Records come by community, then
 * by date.
 *
 * The file is streamed in batches (`HUIFANG_EXPORT_BATCH_ROWS`), so a company-wide month (85,000 records)
 * never sits in memory (see docs/benchmarks.md). Only beyond the company's export cap or the server's
 * `HUIFANG_EXPORT_MAX_ROWS` is it cut short, and then the sheet and the response headers say how many rows
 * were left out. It names residents: it needs `visits.export` and is audited.
 */
import type ExcelJS from 'exceljs';
import type { Locale } from '../../shared/schemas/common.js';
import type { Question } from '../../shared/schemas/questionnaires.js';
import type { RecordListQuery } from '../../shared/schemas/visits.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { now, shanghaiToday } from '../clock.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { formatRoomLabel } from '../households/room.js';
import { KIND_WORDS, STATUS_WORDS, word } from '../spreadsheets/issue-words.js';
import { groupBy } from '../residents/queries.js';
import { inCompany, scopedCommunities, scopedHouseholds, scopedUsers } from '../scope.js';
import { neutralise } from '../spreadsheets/formulas.js';
import { exportCount, sharedColumnStyles, writeHeaderRow, writeStyledRow, writeTitleBlock, type ExportCount, type ExportOptions, type Pause, type TitleBlock } from '../spreadsheets/xlsx.js';
import { exportLimit, type ExportLimit } from '../companies/export-settings.js';
import { filteredRecords } from './record-queries.js';
import { keysetPage, type KeyValue, type SortKey } from '../db/paging.js';
import { shanghaiMinute } from '../../shared/shanghai.js';

/** The full-width space that separates items on one line of a Chinese form. */
const IDEOGRAPHIC_SPACE = '\u3000';

type Filter = Omit<RecordListQuery, 'limit' | 'offset'>;

const WORDS = {
  'zh-CN': {
    sheet: '回访记录表',
    title: (company: string) => `${company} 回访记录表`,
    file: (community: string | null, day: string) => `${community ? `${community}-` : ''}回访记录表-${day}.xlsx`,
    headers: ['回访日期', '回访时间', '小区', '回访对象', '受访人', '回访人员', '回访方式', '回访事由', '结果', '满意度均分', '回访内容', '问题概述', '改进措施', '处理状态'],
    period: (from?: string, to?: string) => `期间：${from && to ? `${from} 至 ${to}` : from ? `${from} 起` : to ? `至 ${to}` : '全部日期'}`,
    community: (names: string) => `小区：${names}`,
    allCommunities: '全公司所有小区',
    visitor: (name: string) => `回访人员：${name}`,
    household: (label: string) => `房屋：${label}`,
    method: (m: string) => `回访方式：${m}`,
    outcome: (o: string) => `结果：${o}`,
    score: (min?: number, max?: number) => `满意度均分：${min ?? 1}–${max ?? 5}`,
    hasItems: (yes: boolean) => `反映事项：${yes ? '有' : '无'}`,
    exported: (count: number, by: string, at: string) => `共 ${count.toLocaleString('zh-CN')} 条记录${IDEOGRAPHIC_SPACE}导出人：${by}${IDEOGRAPHIC_SPACE}导出时间：${at}（北京时间）`,
    truncated: (rows: number, total: number, by: ExportLimit['by']) =>
      `注意：本表只含前 ${rows.toLocaleString('zh-CN')} 条记录，另有 ${(total - rows).toLocaleString('zh-CN')} 条未导出（共 ${total.toLocaleString('zh-CN')} 条，超出${by === 'company' ? '公司设置的' : '服务器的'}单次导出上限 ${rows.toLocaleString('zh-CN')} 条）。请缩小日期范围或按小区分别导出。`,
    separator: IDEOGRAPHIC_SPACE,
    list: '、',
    methods: { phone: '电话', door: '上门', online: '线上', written: '书面问卷' } as Record<string, string>,
    reasons: {
      periodic: '定期回访',
      move_in: '入住回访',
      after_complaint: '投诉回访',
      after_repair: '维修回访',
      low_satisfaction: '低满意度回访',
      special_need: '特殊关怀',
      event: '活动回访',
      ad_hoc: '临时回访',
      confirmation: '复访确认',
    } as Record<string, string>,
    outcomes: { completed: '已完成', refused: '拒访' } as Record<string, string>,
    points: (label: string, score: unknown) => `${label}：${score}分`,
    opinions: (text: string) => `意见：${text}`,
    suggestions: (text: string) => `建议：${text}`,
    item: (kind: string, category: string, description: string) => `【${kind}·${category}】${description}`,
    about: (confirmation: boolean, issueId: number, kind: string, category: string, description: string) => `${confirmation ? '复访确认' : '跟进'} 问题 #${issueId}【${kind}·${category}】${description}`,
    issueStatus: (issueId: number, status: string) => `问题 #${issueId}：${status}`,
    noIssue: '未转为问题',
    nothing: '无需跟进',
    unknown: '未知',
  },
  en: {
    sheet: 'Visit records',
    title: (company: string) => `${company} — visit records`,
    file: (community: string | null, day: string) => `${community ? `${community}-` : ''}visit-records-${day}.xlsx`,
    headers: ['Date', 'Time', 'Community', 'Visited', 'Spoken to', 'Visitor', 'Method', 'Reason', 'Outcome', 'Average score', 'Content', 'Problems raised', 'Improvement measures', 'Status'],
    period: (from?: string, to?: string) => `Period: ${from && to ? `${from} to ${to}` : from ? `from ${from}` : to ? `until ${to}` : 'all dates'}`,
    community: (names: string) => `Community: ${names}`,
    allCommunities: 'every community of the company',
    visitor: (name: string) => `Visitor: ${name}`,
    household: (label: string) => `Household: ${label}`,
    method: (m: string) => `Method: ${m}`,
    outcome: (o: string) => `Outcome: ${o}`,
    score: (min?: number, max?: number) => `Average score: ${min ?? 1}–${max ?? 5}`,
    hasItems: (yes: boolean) => `Items raised: ${yes ? 'yes' : 'no'}`,
    exported: (count: number, by: string, at: string) => `${count.toLocaleString('en')} records · exported by ${by} on ${at} (Beijing time)`,
    truncated: (rows: number, total: number, by: ExportLimit['by']) =>
      `Note: this sheet holds only the first ${rows.toLocaleString('en')} of ${total.toLocaleString('en')} records; ${(total - rows).toLocaleString('en')} were left out (${by === 'company' ? 'the company’s' : 'the server’s'} cap is ${rows.toLocaleString('en')} rows per export). Narrow the dates or export each community separately.`,
    separator: ' · ',
    list: ', ',
    methods: { phone: 'Phone', door: 'Door-to-door', online: 'Online', written: 'Paper questionnaire' } as Record<string, string>,
    reasons: {
      periodic: 'Periodic',
      move_in: 'Move-in',
      after_complaint: 'After a complaint',
      after_repair: 'After a repair',
      low_satisfaction: 'Low satisfaction',
      special_need: 'Special care',
      event: 'After an event',
      ad_hoc: 'Ad hoc',
      confirmation: 'Confirmation visit',
    } as Record<string, string>,
    outcomes: { completed: 'Completed', refused: 'Refused' } as Record<string, string>,
    points: (label: string, score: unknown) => `${label}: ${score}`,
    opinions: (text: string) => `Opinions: ${text}`,
    suggestions: (text: string) => `Suggestions: ${text}`,
    item: (kind: string, category: string, description: string) => `[${kind} · ${category}] ${description}`,
    about: (confirmation: boolean, issueId: number, kind: string, category: string, description: string) => `${confirmation ? 'Confirms' : 'Follows up'} issue #${issueId} [${kind} · ${category}] ${description}`,
    issueStatus: (issueId: number, status: string) => `Issue #${issueId}: ${status}`,
    noIssue: 'Not made an issue',
    nothing: 'Nothing to follow up',
    unknown: 'Unknown',
  },
} satisfies Record<Locale, unknown>;

const COLUMNS = sharedColumnStyles([
  { width: 12 },
  { width: 12 },
  { width: 14 },
  { width: 24 },
  { width: 12 },
  { width: 10 },
  { width: 10 },
  { width: 14 },
  { width: 8 },
  { width: 10, style: { numFmt: '0.00' } },
  { width: 48 },
  { width: 44 },
  { width: 30 },
  { width: 22 },
].map((c) => ({ ...c, style: { ...c.style, alignment: { vertical: 'top', wrapText: true } } })));

export interface RecordExport {
  filter: Filter;
  locale: Locale;
  count: ExportCount;
  /** records read and written at a time */
  batchRows: number;
  fileName: string;
  fallback: string;
  block: TitleBlock;
}

/** Checks the permission and the scope, counts, and audits, before anything is streamed. */
export async function prepareRecordExport(db: Db, ctx: Ctx, filter: Filter, locale: Locale, options: ExportOptions): Promise<RecordExport> {
  requirePermission(ctx, 'visits.export');
  const w = WORDS[locale];
  const [{ n }, company, communities, visitor, household, limit] = await Promise.all([
    filteredRecords(db, ctx, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('companies').select('name').where('id', '=', ctx.companyId).executeTakeFirstOrThrow(),
    scopedCommunities(db, ctx).select(['communities.id', 'communities.name']).orderBy('communities.name').execute(),
    filter.visitorId ? scopedUsers(db, ctx).select('users.display_name').where('users.id', '=', filter.visitorId).executeTakeFirst() : undefined,
    filter.householdId
      ? scopedHouseholds(db, ctx)
          .innerJoin('buildings', 'buildings.id', 'households.building_id')
          .leftJoin('units', 'units.id', 'households.unit_id')
          .select(['buildings.name as building', 'units.name as unit', 'households.room', 'households.community_id'])
          .where('households.id', '=', filter.householdId)
          .executeTakeFirst()
      : undefined,
    exportLimit(db, ctx.companyId, options.serverMaxRows),
  ]);
  const community = filter.communityId ? communities.find((c) => c.id === filter.communityId) : undefined;
  if (filter.communityId && !community) throw notFound('community');
  if (filter.visitorId && !visitor) throw notFound('user');
  if (filter.householdId && !household) throw notFound('household');

  const total = Number(n);
  const count = exportCount(total, limit);
  const filters = [
    w.period(filter.from, filter.to),
    w.community(community ? community.name : ctx.allCommunities ? w.allCommunities : communities.map((c) => c.name).join(w.list)),
    household && w.household(formatRoomLabel(household)),
    visitor && w.visitor(visitor.display_name),
    filter.method && w.method(w.methods[filter.method]),
    filter.outcome && w.outcome(w.outcomes[filter.outcome]),
    (filter.minScore !== undefined || filter.maxScore !== undefined) && w.score(filter.minScore, filter.maxScore),
    filter.hasItems && w.hasItems(filter.hasItems === 'true'),
  ].filter((x): x is string => Boolean(x));
  const day = shanghaiToday();
  await recordAudit(db, actorOf(ctx), { action: 'visit.export', entityType: 'record', communityId: filter.communityId ?? null, after: { records: count.rows, total, omitted: count.omitted, filter } });
  return {
    filter,
    locale,
    count,
    batchRows: options.batchRows,
    fileName: w.file(community?.name ?? null, day),
    fallback: WORDS.en.file(null, day),
    block: {
      title: neutralise(w.title(company.name)),
      lines: [neutralise(filters.join(w.separator)), neutralise(w.exported(total, ctx.displayName, shanghaiMinute(now())))],
      note: count.omitted > 0 ? w.truncated(count.rows, total, count.limit.by) : undefined,
    },
  };
}

function recordRows(db: Db, ctx: Ctx, filter: Filter) {
  return filteredRecords(db, ctx, filter)
    .innerJoin('communities as com', 'com.id', 'visit_records.community_id')
    .innerJoin('households', 'households.id', 'visit_records.household_id')
    .innerJoin('buildings', 'buildings.id', 'households.building_id')
    .leftJoin('units', 'units.id', 'households.unit_id')
    .leftJoin('residents', 'residents.id', 'visit_records.resident_id')
    .innerJoin('users', 'users.id', 'visit_records.visitor_id')
    .innerJoin('visit_tasks as task', 'task.id', 'visit_records.task_id')
    .select([
      'visit_records.id',
      'visit_records.community_id',
      'visit_records.visit_date',
      'visit_records.started_at',
      'visit_records.ended_at',
      'visit_records.method',
      'visit_records.reason',
      'visit_records.outcome',
      'visit_records.average_score',
      'visit_records.spoken_to',
      'visit_records.questionnaire_version_id',
      'visit_records.answers',
      'visit_records.opinions',
      'visit_records.suggestions',
      'visit_records.improvement_measures',
      'com.name as community_name',
      'buildings.name as building_name',
      'units.name as unit_name',
      'households.room',
      'residents.name as resident_name',
      'users.display_name as visitor_name',
      'task.issue_id as about_issue_id',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof recordRows>['execute']>>[number];

/** Writes the sheet: title block, header, then the records batch by batch (keyset on community, date, id). */
export async function writeRecordExport(db: Db, ctx: Ctx, plan: RecordExport, workbook: ExcelJS.stream.xlsx.WorkbookWriter, pause: Pause): Promise<void> {
  const w = WORDS[plan.locale];
  const headerRow = 3 + plan.block.lines.length + (plan.block.note ? 1 : 0);
  const sheet = workbook.addWorksheet(w.sheet, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  sheet.columns = COLUMNS.columns;
  writeTitleBlock(sheet, w.headers.length, plan.block);
  writeHeaderRow(sheet, w.headers);

  const questions = new Map<number, Question[]>();
  for await (const rows of recordBatches(db, ctx, plan.filter, plan.batchRows, plan.count.rows)) {
    const batch = await batchDetails(db, ctx, rows, questions);
    for (const r of rows) writeStyledRow(sheet, cellsOf(r, batch, questions, plan.locale), COLUMNS.styles);
    await pause();
  }
  sheet.commit();
}

/** The file's order: by community, then by date (visit_records_export_idx on PostgreSQL, the (community_id, visit_date) index on SQLite). */
const FILE_ORDER: SortKey[] = [
  { ref: 'visit_records.community_id', dir: 'asc' },
  { ref: 'visit_records.visit_date', dir: 'asc' },
  { ref: 'visit_records.id', dir: 'asc' },
];

/** The export's rows in the file's order, `batchRows` at a time by keyset, at most `rows` in all. */
export async function* recordBatches(db: Db, ctx: Ctx, filter: Filter, batchRows: number, rows: number): AsyncGenerator<Row[]> {
  let left = rows;
  let from: KeyValue[] | null = null;
  while (left > 0) {
    const batch: Row[] = await keysetPage(recordRows(db, ctx, filter), FILE_ORDER, from, Math.min(batchRows, left), 0).execute();
    if (batch.length === 0) return;
    yield batch;
    left -= batch.length;
    const last = batch[batch.length - 1];
    from = [last.community_id, last.visit_date, last.id];
  }
}

interface BatchDetails {
  items: Map<number, { id: number; kind: string; category: string; description: string }[]>;
  /** item id → the issue it became */
  issueOfItem: Map<number, { id: number; status: string }>;
  /** issues that confirmation and complaint follow-up visits of the batch are about */
  about: Map<number, { id: number; kind: string; category: string; description: string; status: string }>;
}

async function batchDetails(db: Db, ctx: Ctx, rows: Row[], questions: Map<number, Question[]>): Promise<BatchDetails> {
  const ids = rows.map((r) => r.id);
  const aboutIds = [...new Set(rows.map((r) => r.about_issue_id).filter((v): v is number => v !== null))];
  const versionIds = [...new Set(rows.map((r) => r.questionnaire_version_id).filter((v): v is number => v !== null && !questions.has(v)))];
  const [items, issues, aboutIssues, versions] = await Promise.all([
    db.selectFrom('visit_record_items').select(['id', 'record_id', 'kind', 'category', 'description']).where('company_id', '=', ctx.companyId).where('record_id', 'in', ids).orderBy('id').execute(),
    inCompany(db, ctx, 'issues').select(['id', 'record_item_id', 'status']).where('record_id', 'in', ids).execute(),
    aboutIds.length
      ? inCompany(db, ctx, 'issues')
          .innerJoin('issue_categories as cat', 'cat.id', 'issues.category_id')
          .select(['issues.id', 'issues.kind', 'cat.name as category', 'issues.description', 'issues.status'])
          .where('issues.id', 'in', aboutIds)
          .execute()
      : [],
    versionIds.length ? db.selectFrom('questionnaire_versions').select(['id', 'questions']).where('company_id', '=', ctx.companyId).where('id', 'in', versionIds).execute() : [],
  ]);
  for (const v of versions) questions.set(v.id, JSON.parse(v.questions) as Question[]);
  return {
    items: groupBy(items, (i) => i.record_id),
    issueOfItem: new Map(issues.filter((i) => i.record_item_id !== null).map((i) => [i.record_item_id!, { id: i.id, status: i.status }])),
    about: new Map(aboutIssues.map((i) => [i.id, i])),
  };
}

function cellsOf(r: Row, batch: BatchDetails, questions: Map<number, Question[]>, locale: Locale): ExcelJS.CellValue[] {
  const w = WORDS[locale];
  const text = (v: string | null) => (v ? neutralise(v) : '');
  const items = batch.items.get(r.id) ?? [];
  const about = r.about_issue_id !== null ? batch.about.get(r.about_issue_id) : undefined;
  const problems: string[] = [];
  const statuses: string[] = [];
  if (about) {
    problems.push(w.about(r.reason === 'confirmation', about.id, word(KIND_WORDS, locale, about.kind), about.category, about.description));
    statuses.push(w.issueStatus(about.id, word(STATUS_WORDS, locale, about.status)));
  }
  for (const item of items) {
    problems.push(w.item(word(KIND_WORDS, locale, item.kind), item.category, item.description));
    const issue = batch.issueOfItem.get(item.id);
    statuses.push(issue ? w.issueStatus(issue.id, word(STATUS_WORDS, locale, issue.status)) : w.noIssue);
  }
  return [
    r.visit_date,
    `${shanghaiMinute(r.started_at).slice(11)}–${shanghaiMinute(r.ended_at).slice(11)}`,
    text(r.community_name),
    text([formatRoomLabel({ building: r.building_name, unit: r.unit_name, room: r.room }), r.resident_name].filter(Boolean).join(' ')),
    text(r.spoken_to),
    text(r.visitor_name),
    w.methods[r.method] ?? w.unknown,
    w.reasons[r.reason] ?? w.unknown,
    w.outcomes[r.outcome] ?? w.unknown,
    r.average_score,
    text(content(r, questions, locale)),
    text(problems.join('\n')),
    text(r.improvement_measures),
    statuses.length ? text(statuses.join('\n')) : w.nothing,
  ];
}

/** The scores by dimension, then opinions and suggestions. */
function content(r: Row, questions: Map<number, Question[]>, locale: Locale): string {
  const w = WORDS[locale];
  const answers = JSON.parse(r.answers) as Record<string, unknown>;
  const qs = r.questionnaire_version_id ? (questions.get(r.questionnaire_version_id) ?? []) : [];
  const scores = qs.filter((q) => q.type === 'rating' && typeof answers[q.key] === 'number').map((q) => w.points(q.dimension ?? q.title, answers[q.key]));
  return [scores.join(locale === 'en' ? '; ' : '；'), r.opinions && w.opinions(r.opinions), r.suggestions && w.suggestions(r.suggestions)].filter(Boolean).join('\n');
}
