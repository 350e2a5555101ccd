/**
 * The KPI figures of a period as an xlsx file (GET /kpis/export): a title block (company, period, community,
 * who exported it and when), then one row per figure — name, value, numerator, denominator, n, target, status and
 * formula — in the reader's language; with `groupBy` a second sheet with one row per group and figure. The
 * figures are GET /kpis's own, computed before anything is streamed, with its permission and scope. Audited, as
 * every export is.
 */
import type ExcelJS from 'exceljs';
import type { Locale } from '../../shared/schemas/common.js';
import type { KpiExportQuery, KpiFigure, KpiStatus, Kpis, Period } from '../../shared/schemas/kpis.js';
import { shanghaiMinute } from '../../shared/shanghai.js';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { now } from '../clock.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { scopedCommunities } from '../scope.js';
import { neutralise } from '../spreadsheets/formulas.js';
import { sharedColumnStyles, writeHeaderRow, writeStyledRow, writeTitleBlock, type TitleBlock } from '../spreadsheets/xlsx.js';
import { getKpis } from './get-kpis.js';

/** The period as it reads in a file name and a title: 2026-11, 2026-Q4, 2026, 2026-01-01至2026-03-31. */
function periodText(p: Period, locale: Locale): string {
  if (p.kind === 'custom') return locale === 'zh-CN' ? `${p.from}至${p.to}` : `${p.from}_${p.to}`;
  return p.label.slice(p.label.indexOf(':') + 1);
}

const WORDS = {
  'zh-CN': {
    sheet: '指标',
    groupSheet: '分组指标',
    title: (company: string, period: string) => `${company} 指标报表（${period}）`,
    file: (period: string) => `指标_${period}.xlsx`,
    community: (name: string) => `小区：${name}`,
    allCommunities: '范围：本人可见的全部小区',
    groupBy: (by: string) => `分组：${by}`,
    exported: (by: string, at: string) => `导出人：${by}\u3000导出时间：${at}（北京时间）`,
    headers: ['指标', '数值', '分子', '分母', 'n', '目标', '状态', '口径'],
    group: '分组',
    status: { met: '达标', near: '接近', missed: '未达标' } as Record<KpiStatus, string>,
    groupBys: { community: '小区', building: '楼栋', department: '部门', visitor: '回访人员', method: '回访方式', reason: '回访事由' },
  },
  en: {
    sheet: 'KPIs',
    groupSheet: 'By group',
    title: (company: string, period: string) => `${company} KPIs (${period})`,
    file: (period: string) => `kpis_${period}.xlsx`,
    community: (name: string) => `Community: ${name}`,
    allCommunities: 'Scope: every community you can see',
    groupBy: (by: string) => `Grouped by: ${by}`,
    exported: (by: string, at: string) => `Exported by ${by} at ${at} (Beijing time)`,
    headers: ['KPI', 'Value', 'Numerator', 'Denominator', 'n', 'Target', 'Status', 'Formula'],
    group: 'Group',
    status: { met: 'Met', near: 'Near', missed: 'Missed' } as Record<KpiStatus, string>,
    groupBys: { community: 'community', building: 'building', department: 'department', visitor: 'visitor', method: 'method', reason: 'reason' },
  },
} satisfies Record<Locale, unknown>;

const NUMBER = { numFmt: '0.0', alignment: { horizontal: 'right' as const } };
const COUNT = { numFmt: '0', alignment: { horizontal: 'right' as const } };
const FIGURE_COLUMNS: Partial<ExcelJS.Column>[] = [
  { width: 28 },
  { width: 10, style: NUMBER },
  { width: 10, style: COUNT },
  { width: 10, style: COUNT },
  { width: 8, style: COUNT },
  { width: 8, style: NUMBER },
  { width: 10 },
  { width: 70, style: { alignment: { wrapText: true, vertical: 'top' } } },
];
const FIGURES = sharedColumnStyles(FIGURE_COLUMNS);
const GROUPS = sharedColumnStyles([{ width: 20 }, ...FIGURE_COLUMNS]);

export interface KpiExport {
  kpis: Kpis;
  locale: Locale;
  fileName: string;
  fallback: string;
  block: TitleBlock;
}

/** Computes the figures (checking permission and scope) and audits, before anything is streamed. */
export async function prepareKpiExport(db: Db, ctx: Ctx, query: KpiExportQuery, locale: Locale): Promise<KpiExport> {
  const kpis = await getKpis(db, ctx, query, locale);
  const w = WORDS[locale];
  const [company, community] = await Promise.all([
    db.selectFrom('companies').select('name').where('id', '=', ctx.companyId).executeTakeFirstOrThrow(),
    kpis.communityId !== null ? scopedCommunities(db, ctx).select('communities.name').where('communities.id', '=', kpis.communityId).executeTakeFirstOrThrow() : undefined,
  ]);
  const period = periodText(kpis.period, locale);
  const lines = [community ? w.community(community.name) : w.allCommunities, kpis.groupBy && w.groupBy(w.groupBys[kpis.groupBy]), w.exported(ctx.displayName, shanghaiMinute(now()))];
  await recordAudit(db, actorOf(ctx), {
    action: 'kpi.export',
    entityType: 'company',
    entityId: ctx.companyId,
    communityId: kpis.communityId,
    after: { period: kpis.period.label, communityId: kpis.communityId, visitorId: kpis.visitorId, groupBy: kpis.groupBy, figures: kpis.figures.length, groups: kpis.groups?.length ?? 0 },
  });
  return {
    kpis,
    locale,
    fileName: w.file(period),
    fallback: WORDS.en.file(periodText(kpis.period, 'en')),
    block: { title: neutralise(w.title(company.name, period)), lines: lines.filter((l): l is string => Boolean(l)).map(neutralise) },
  };
}

/** A figure's cells: name, value, numerator, denominator, n, target, status, formula. */
function figureCells(f: KpiFigure, locale: Locale): ExcelJS.CellValue[] {
  return [neutralise(f.label), f.value, f.numerator, f.denominator, f.n, f.target, f.status ? WORDS[locale].status[f.status] : null, f.formula];
}

export async function writeKpiExport(plan: KpiExport, workbook: ExcelJS.stream.xlsx.WorkbookWriter): Promise<void> {
  const w = WORDS[plan.locale];
  const headerRow = 3 + plan.block.lines.length;
  const sheet = workbook.addWorksheet(w.sheet, { views: [{ state: 'frozen', ySplit: headerRow }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = FIGURES.columns;
  writeTitleBlock(sheet, w.headers.length, plan.block);
  writeHeaderRow(sheet, w.headers);
  for (const f of plan.kpis.figures) writeStyledRow(sheet, figureCells(f, plan.locale), FIGURES.styles);
  await sheet.commit();

  if (!plan.kpis.groups) return;
  const groups = workbook.addWorksheet(w.groupSheet, { views: [{ state: 'frozen', ySplit: headerRow }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  groups.columns = GROUPS.columns;
  writeTitleBlock(groups, w.headers.length + 1, plan.block);
  writeHeaderRow(groups, [w.group, ...w.headers]);
  for (const g of plan.kpis.groups) for (const f of g.figures) writeStyledRow(groups, [neutralise(g.name), ...figureCells(f, plan.locale)], GROUPS.styles);
  await groups.commit();
}
