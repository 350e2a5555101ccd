/**
 * Exports and the words on screen, in a browser: a supervisor downloads the 问题台账 from the issue list and the
 * 回访记录表 from the visit records and reads them as spreadsheets; the task list opens on the open task; the
 * administrator reads the audit log in words. Set-up goes through the API. (Named to run after
 * foundation.spec.ts, which makes the administrator's first login in the browser.)
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { expect, test, type Download } from '@playwright/test';
import { adminApi, builtInRoles, E2E_ADMIN_CHANGED_PASSWORD, firstLoginApi, logIn, shanghaiToday } from './support';
import { addDays } from '../../src/shared/shanghai';
import type { VisitTaskDetail } from '../../src/shared/schemas/visits';
import { answersTo } from '../helpers/answers';

const COMMUNITY = { name: '北湖花园', code: 'E2E-EXPORTS', type: 'residential', address: '北湖路 8 号' };
const VISITOR = { username: 'he.visit', displayName: '何回访', password: 'Visitor-Exports-2026' };
const SUPERVISOR = { username: 'feng.lead', displayName: '冯主管', password: 'Supervisor-Exports-2026' };
const VISITED = { building: '7', unit: '1', room: '701', label: '7栋1单元701', resident: '冯小雨', phone: '13800138701' };
const WAITING = { building: '7', unit: '1', room: '702', label: '7栋1单元702', resident: '何大伟', phone: '13800138702' };
const COMPLAINT = '楼下烧烤店油烟太大';

test.describe.configure({ mode: 'serial' });

let issueId = 0;

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const adminRequest = await playwright.request.newContext({ baseURL });
  const admin = await adminApi(adminRequest);
  const community = await admin.post<{ id: number }>('/communities', COMMUNITY);
  const roleId = await builtInRoles(admin);
  const visitor = await admin.post<{ user: { id: number }; temporaryPassword: string }>('/users', { username: VISITOR.username, displayName: VISITOR.displayName, roleId: roleId('visitor'), communityIds: [community.id] });
  const supervisor = await admin.post<{ temporaryPassword: string }>('/users', { username: SUPERVISOR.username, displayName: SUPERVISOR.displayName, roleId: roleId('supervisor'), communityIds: [community.id] });
  const task = async (home: typeof VISITED, dueDate: string) => {
    const household = await admin.post<{ id: number }>(`/communities/${community.id}/households`, { building: home.building, unit: home.unit, room: home.room });
    const resident = await admin.post<{ id: number }>(`/households/${household.id}/residents`, { name: home.resident, role: 'owner', phones: [home.phone] });
    return admin.post<{ id: number }>('/visit-tasks', { householdId: household.id, residentId: resident.id, assigneeId: visitor.user.id, reason: 'periodic', method: 'phone', dueDate });
  };
  const visited = await task(VISITED, shanghaiToday());
  await task(WAITING, addDays(shanghaiToday(), 1));

  const visitorRequest = await playwright.request.newContext({ baseURL });
  const visitorPost = await firstLoginApi(visitorRequest, VISITOR.username, visitor.temporaryPassword, VISITOR.password);
  const { questionnaire } = await admin.get<VisitTaskDetail>(`/visit-tasks/${visited.id}`);
  const record = await visitorPost<{ id: number; items: { issueId: number }[] }>(`/visit-tasks/${visited.id}/record`, {
    answers: answersTo(questionnaire?.questions ?? []),
    startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    endedAt: new Date().toISOString(),
    items: [{ kind: 'complaint', category: '噪音', description: COMPLAINT }],
  });
  issueId = record.items[0].issueId;
  const supervisorRequest = await playwright.request.newContext({ baseURL });
  await firstLoginApi(supervisorRequest, SUPERVISOR.username, supervisor.temporaryPassword, SUPERVISOR.password);
  for (const r of [adminRequest, visitorRequest, supervisorRequest]) await r.dispose();
});

/** The first sheet of a downloaded workbook as rows of cell values, and the header row's index. */
async function readSheet(download: Download, firstHeader: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows = Array.from(sheet.getSheetValues(), (r) => (Array.isArray(r) ? (r as unknown[]) : []));
  const header = rows.findIndex((r) => r[1] === firstHeader);
  const columns = rows[header] as string[];
  return { sheet, rows, header, cell: (row: unknown[], name: string) => row[columns.indexOf(name)] };
}

test('supervisor: downloads the 问题台账 and the 回访记录表 of what is filtered; the task list opens on the open task', async ({ page }) => {
  await logIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const today = shanghaiToday();

  await page.goto('/issues');
  const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByTestId('issue-export').click()]);
  expect(ledger.suggestedFilename()).toBe(`${COMMUNITY.name}-问题台账-${today}.xlsx`);
  const issues = await readSheet(ledger, '编号');
  expect(String(issues.rows[1][1])).toMatch(/ 问题台账$/);
  expect(String(issues.rows[2][1])).toContain(`小区：${COMMUNITY.name}`);
  expect(String(issues.rows[2][1])).toContain('状态：未关闭');
  expect(issues.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: issues.header });
  const complaint = issues.rows.find((r) => issues.cell(r, '描述') === COMPLAINT)!;
  expect([issues.cell(complaint, '编号'), issues.cell(complaint, '房号'), issues.cell(complaint, '住户'), issues.cell(complaint, '类型'), issues.cell(complaint, '状态')]).toEqual([issueId, VISITED.label, '冯**', '投诉', '新建']);

  await page.goto('/visit-records');
  const [records] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
  expect(records.suggestedFilename()).toBe(`${COMMUNITY.name}-回访记录表-${today}.xlsx`);
  const sheet = await readSheet(records, '回访日期');
  expect(String(sheet.rows[1][1])).toMatch(/ 回访记录表$/);
  const visit = sheet.rows.find((r) => String(sheet.cell(r, '问题概述')).includes(COMPLAINT))!;
  expect([sheet.cell(visit, '小区'), sheet.cell(visit, '回访事由'), sheet.cell(visit, '处理状态')]).toEqual([COMMUNITY.name, '定期回访', `问题 #${issueId}：新建`]);

  await page.goto('/visit-tasks');
  await expect(page.getByText('未完成的任务在前')).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toContainText(WAITING.label);
  await expect(rows.first()).toContainText('待回访');
  await expect(rows.nth(1)).toContainText(VISITED.label);
  await expect(rows.nth(1)).toHaveAttribute('data-closed', 'true');
});

test('admin: the audit log reads in words — the exports, and whom each entry is about', async ({ page }) => {
  await logIn(page, 'admin', E2E_ADMIN_CHANGED_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/audit');
  const table = page.locator('.ant-table-tbody');
  await expect(table.getByRole('row').filter({ hasText: '导出问题台账' }).first()).toContainText(SUPERVISOR.displayName);
  await expect(table.getByRole('row').filter({ hasText: '导出回访记录' }).first()).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: `用户「${SUPERVISOR.displayName}」` }).first()).toContainText('登录');
  await expect(table).not.toContainText('issue.export');
  await expect(table).not.toContainText('auth.login');
  await expect(table).not.toContainText(/用户 #\d/);
});
