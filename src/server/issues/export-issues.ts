/**
 * The 问题台账: the issues the caller sees, with the issue list's filters, exported to xlsx as a ledger — a
 * title row (company name and 问题台账), a row with the filters and the moment it stands at, a frozen header,
 * then one row per issue by number: community, room, resident (name masked: surname and asterisks, no phone),
 * kind, category, description, source, when raised, priority, department, handler, status, deadlines and when
 * they were met, whether overdue, escalation level, expected date, reopenings, resolution, the resident's
 * rating and, for suggestions, adoption. Streamed in batches like every export, cut short only by the
 * company's export cap or the server's ceiling (and then saying how many were left out); needs
 * `issues.export` and is audited.
 */
import type ExcelJS from 'exceljs';
import type { Locale } from '../../shared/schemas/common.js';
import type { IssueListQuery, IssueSummary } from '../../shared/schemas/issues.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { now, shanghaiToday } from '../clock.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { formatRoomLabel } from '../households/room.js';
import { maskName } from '../residents/queries.js';
import { scopedCommunities, scopedDepartments, scopedHouseholds, scopedUsers } from '../scope.js';
import { neutralise } from '../spreadsheets/formulas.js';
import { exportCount, sharedColumnStyles, writeHeaderRow, writeStyledRow, writeTitleBlock, type ExportCount, type ExportOptions, type Pause, type TitleBlock } from '../spreadsheets/xlsx.js';
import { exportLimit, type ExportLimit } from '../companies/export-settings.js';
import { clockFor, filteredIssues, toSummary, type Clock } from './queries.js';
import { ADOPTION_WORDS, CHANNEL_WORDS, CLOSURE_WORDS, ESCALATION_WORDS, KIND_WORDS, PRIORITY_WORDS, STATUS_WORDS, word } from '../spreadsheets/issue-words.js';
import { formatDeadline, shanghaiMinute } from '../../shared/shanghai.js';

/** The full-width space that separates items on one line of a Chinese form. */
const IDEOGRAPHIC_SPACE = '\u3000';

type Filter = Omit<IssueListQuery, 'limit' | 'offset'>;

const WORDS = {
  'zh-CN': {
    sheet: '问题台账',
    title: (company: string) => `${company} 问题台账`,
    file: (community: string | null, day: string) => `${community ? `${community}-` : ''}问题台账-${day}.xlsx`,
    headers: ['编号', '小区', '房号', '住户', '类型', '类别', '描述', '来源', '登记时间', '优先级', '部门', '处理人', '状态', '回复期限', '答复时间', '解决期限', '解决时间', '是否逾期', '升级级别', '预计解决日期', '重开次数', '处理结果', '满意度', '关闭方式', '采纳情况'],
    label: (name: string, value: string) => `${name}：${value}`,
    names: { community: '小区', view: '范围', status: '状态', open: '状态', due: '期限', kind: '类型', category: '类别', department: '部门', assignee: '处理人', household: '房屋', escalated: '上报', q: '描述含' },
    views: { all: '全部', mine: '我处理的', department: '本部门待办', supervision: '督办（已超时或已上报）' } as Record<string, string>,
    openValues: { true: '未关闭', false: '已关闭' } as Record<string, string>,
    dues: { overdue: '已超时', due_today: '今天到期', due_soon: '即将到期' } as Record<string, string>,
    escalatedValues: { true: '已上报', false: '未上报' } as Record<string, string>,
    allCommunities: '全公司所有小区',
    noFilter: '筛选：无（全部问题）',
    standing: (count: number, by: string, at: string) => `共 ${count.toLocaleString('zh-CN')} 个问题${IDEOGRAPHIC_SPACE}截至 ${at}（北京时间）${IDEOGRAPHIC_SPACE}导出人：${by}`,
    truncated: (rows: number, total: number, by: ExportLimit['by']) =>
      `注意：本表只含前 ${rows.toLocaleString('zh-CN')} 个问题，另有 ${(total - rows).toLocaleString('zh-CN')} 个未导出（共 ${total.toLocaleString('zh-CN')} 个，超出${by === 'company' ? '公司设置的' : '服务器的'}单次导出上限 ${rows.toLocaleString('zh-CN')} 行）。请加筛选条件或按小区分别导出。`,
    separator: IDEOGRAPHIC_SPACE,
    list: '、',
    overdue: { overdue: '是', met_late: '超时完成', no: '否' },
    provisional: '（暂定）',
    failed: { unreachable: '复访未接通', refused: '住户拒绝复访' } as Record<string, string>,
  },
  en: {
    sheet: 'Issues',
    title: (company: string) => `${company} — issue ledger`,
    file: (community: string | null, day: string) => `${community ? `${community}-` : ''}issues-${day}.xlsx`,
    headers: ['No.', 'Community', 'Household', 'Resident', 'Kind', 'Category', 'Description', 'Source', 'Raised at', 'Priority', 'Department', 'Handler', 'Status', 'Reply due', 'Replied at', 'Resolution due', 'Resolved at', 'Overdue', 'Escalation', 'Expected resolution', 'Times reopened', 'Resolution', 'Satisfaction', 'Closed as', 'Adoption'],
    label: (name: string, value: string) => `${name}: ${value}`,
    names: { community: 'Community', view: 'View', status: 'Status', open: 'Status', due: 'Deadline', kind: 'Kind', category: 'Category', department: 'Department', assignee: 'Handler', household: 'Household', escalated: 'Escalation', q: 'Description contains' },
    views: { all: 'All', mine: 'Assigned to me', department: 'My department’s queue', supervision: 'Supervision (overdue or escalated)' } as Record<string, string>,
    openValues: { true: 'Open', false: 'Closed' } as Record<string, string>,
    dues: { overdue: 'Overdue', due_today: 'Due today', due_soon: 'Due soon' } as Record<string, string>,
    escalatedValues: { true: 'Escalated', false: 'Not escalated' } as Record<string, string>,
    allCommunities: 'every community of the company',
    noFilter: 'Filters: none (every issue)',
    standing: (count: number, by: string, at: string) => `${count.toLocaleString('en')} issues · as of ${at} (Beijing time) · exported by ${by}`,
    truncated: (rows: number, total: number, by: ExportLimit['by']) =>
      `Note: this sheet holds only the first ${rows.toLocaleString('en')} of ${total.toLocaleString('en')} issues; ${(total - rows).toLocaleString('en')} were left out (${by === 'company' ? 'the company’s' : 'the server’s'} cap is ${rows.toLocaleString('en')} rows per export). Add filters or export each community separately.`,
    separator: ' · ',
    list: ', ',
    overdue: { overdue: 'Yes', met_late: 'Met late', no: 'No' },
    provisional: ' (provisional)',
    failed: { unreachable: 'confirmation visit unreachable', refused: 'confirmation visit refused' } as Record<string, string>,
  },
} satisfies Record<Locale, unknown>;

const WIDTHS = [8, 14, 16, 10, 8, 10, 40, 8, 17, 8, 12, 10, 10, 17, 17, 17, 17, 10, 14, 12, 8, 30, 8, 16, 10];
const WRAPPED = new Set([6, 21]);
const COLUMNS = sharedColumnStyles(WIDTHS.map((width, i) => ({ width, style: { alignment: { vertical: 'top', wrapText: WRAPPED.has(i) } } })));

export interface IssueExport {
  filter: Filter;
  locale: Locale;
  count: ExportCount;
  /** issues read and written at a time */
  batchRows: number;
  clock: Clock;
  fileName: string;
  fallback: string;
  block: TitleBlock;
}

/** Checks the permissions and the scope, counts, and audits, before anything is streamed. */
export async function prepareIssueExport(db: Db, ctx: Ctx, filter: Filter, locale: Locale, options: ExportOptions): Promise<IssueExport> {
  requirePermission(ctx, 'issues.export');
  const w = WORDS[locale];
  const clock = await clockFor(db, ctx.companyId);
  const [{ n }, company, communities, department, assignee, category, household, limit] = await Promise.all([
    filteredIssues(db, ctx, filter, clock)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db.selectFrom('companies').select('name').where('id', '=', ctx.companyId).executeTakeFirstOrThrow(),
    scopedCommunities(db, ctx).select(['communities.id', 'communities.name']).orderBy('communities.name').execute(),
    filter.departmentId ? scopedDepartments(db, ctx).select('departments.name').where('departments.id', '=', filter.departmentId).executeTakeFirst() : undefined,
    filter.assigneeId ? scopedUsers(db, ctx).select('users.display_name as name').where('users.id', '=', filter.assigneeId).executeTakeFirst() : undefined,
    filter.categoryId
      ? db.selectFrom('issue_categories').select('name').where('company_id', '=', ctx.companyId).where('id', '=', filter.categoryId).executeTakeFirst()
      : undefined,
    filter.householdId
      ? scopedHouseholds(db, ctx)
          .innerJoin('buildings', 'buildings.id', 'households.building_id')
          .leftJoin('units', 'units.id', 'households.unit_id')
          .select(['buildings.name as building', 'units.name as unit', 'households.room'])
          .where('households.id', '=', filter.householdId)
          .executeTakeFirst()
      : undefined,
    exportLimit(db, ctx.companyId, options.serverMaxRows),
  ]);
  const community = filter.communityId ? communities.find((c) => c.id === filter.communityId) : undefined;
  if (filter.communityId && !community) throw notFound('community');
  if (filter.departmentId && !department) throw notFound('department');
  if (filter.assigneeId && !assignee) throw notFound('user');
  if (filter.categoryId && !category) throw notFound('category');
  if (filter.householdId && !household) throw notFound('household');

  const { names } = w;
  const filters = [
    w.label(names.community, community ? community.name : ctx.allCommunities ? w.allCommunities : communities.map((c) => c.name).join(w.list)),
    filter.view !== 'all' && w.label(names.view, w.views[filter.view]),
    filter.status && w.label(names.status, word(STATUS_WORDS, locale, filter.status)),
    filter.open && w.label(names.open, w.openValues[filter.open]),
    filter.due && w.label(names.due, w.dues[filter.due]),
    filter.kind && w.label(names.kind, word(KIND_WORDS, locale, filter.kind)),
    category && w.label(names.category, category.name),
    department && w.label(names.department, department.name),
    assignee && w.label(names.assignee, assignee.name),
    household && w.label(names.household, formatRoomLabel(household)),
    filter.escalated && w.label(names.escalated, w.escalatedValues[filter.escalated]),
    filter.q && w.label(names.q, `“${filter.q}”`),
  ].filter((x): x is string => Boolean(x));

  const total = Number(n);
  const count = exportCount(total, limit);
  const day = shanghaiToday();
  await recordAudit(db, actorOf(ctx), { action: 'issue.export', entityType: 'issue', communityId: filter.communityId ?? null, after: { issues: count.rows, total, omitted: count.omitted, filter } });
  return {
    filter,
    locale,
    count,
    batchRows: options.batchRows,
    clock,
    fileName: w.file(community?.name ?? null, day),
    fallback: WORDS.en.file(null, day),
    block: {
      title: neutralise(w.title(company.name)),
      lines: [neutralise(filters.length ? filters.join(w.separator) : w.noFilter), neutralise(w.standing(total, ctx.displayName, shanghaiMinute(now())))],
      note: count.omitted > 0 ? w.truncated(count.rows, total, count.limit.by) : undefined,
    },
  };
}

/** Writes the sheet: title block, header, then the issues by number, batch by batch. */
export async function writeIssueExport(db: Db, ctx: Ctx, plan: IssueExport, workbook: ExcelJS.stream.xlsx.WorkbookWriter, pause: Pause): Promise<void> {
  const w = WORDS[plan.locale];
  const headerRow = 3 + plan.block.lines.length + (plan.block.note ? 1 : 0);
  const sheet = workbook.addWorksheet(w.sheet, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  sheet.columns = COLUMNS.columns;
  writeTitleBlock(sheet, w.headers.length, plan.block);
  writeHeaderRow(sheet, w.headers);
  let left = plan.count.rows;
  let after = 0;
  while (left > 0) {
    const rows = await filteredIssues(db, ctx, plan.filter, plan.clock).where('issues.id', '>', after).orderBy('issues.id').limit(Math.min(plan.batchRows, left)).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const summary = toSummary(r, plan.clock);
      writeStyledRow(sheet, cellsOf(summary, { resolution: r.resolution, satisfaction: r.satisfaction, closure: r.closure, unconfirmedReason: r.unconfirmed_reason }, plan.locale), COLUMNS.styles);
    }
    left -= rows.length;
    after = rows[rows.length - 1].id;
    await pause();
  }
  sheet.commit();
}

function cellsOf(
  s: IssueSummary,
  more: { resolution: string | null; satisfaction: number | null; closure: string | null; unconfirmedReason: string | null },
  locale: Locale,
): ExcelJS.CellValue[] {
  const w = WORDS[locale];
  const text = (v: string | null) => (v ? neutralise(v) : '');
  const time = (v: string | null) => (v ? shanghaiMinute(v) : '');
  // A deadline on the provisional calendar of a year without its notice says so.
  const deadline = (v: string | null, provisional: boolean) => (v ? `${formatDeadline(v)}${provisional ? w.provisional : ''}` : '');
  const closure = more.closure ? `${word(CLOSURE_WORDS, locale, more.closure)}${more.closure === 'unconfirmed' && more.unconfirmedReason ? `（${w.failed[more.unconfirmedReason] ?? ''}）` : ''}` : '';
  const states = [s.replyState, s.resolveState];
  const overdue = states.includes('overdue') ? w.overdue.overdue : states.includes('met_late') ? w.overdue.met_late : w.overdue.no;
  return [
    s.id,
    text(s.communityName),
    text(s.householdLabel),
    text(s.residentName ? maskName(s.residentName) : null),
    word(KIND_WORDS, locale, s.kind),
    text(s.categoryName),
    text(s.description),
    word(CHANNEL_WORDS, locale, s.channel),
    time(s.raisedAt),
    word(PRIORITY_WORDS, locale, s.priority),
    text(s.departmentName),
    text(s.assigneeName),
    word(STATUS_WORDS, locale, s.status),
    deadline(s.replyDueAt, s.replyDueProvisional),
    time(s.repliedAt),
    deadline(s.resolveDueAt, s.resolveDueProvisional),
    time(s.resolvedAt),
    s.kind === 'praise' ? '' : overdue,
    ESCALATION_WORDS[locale][s.escalationLevel] ?? '',
    s.expectedResolveDate ?? '',
    s.reopenCount,
    text(more.resolution),
    more.satisfaction,
    closure,
    word(ADOPTION_WORDS, locale, s.adoption),
  ];
}
