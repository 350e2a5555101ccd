/**
 * The dashboard (数据看板) in a browser: a manager picks one community, sees its coverage under the 20% target
 * (one of ten households visited), opens the figure, finds the one visited household behind its numerator and
 * the ten behind its denominator, and reaches the visit record behind the satisfaction rate. Set-up goes
 * through the API; the month is the one the visit was recorded in, so the test holds at any hour. The visit's
 * opinion makes 电梯 a theme of the month, whose text opens with the phone and the resident's name masked.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { adminApi, builtInRoles, firstLoginApi, logIn, pickOption, shanghaiToday } from './support';
import type { VisitTaskDetail } from '../../src/shared/schemas/visits';
import { answersTo } from '../helpers/answers';

const COMMUNITY = { name: '南湖苑', code: 'E2E-KPIS', type: 'residential', address: '南湖路 3 号' };
const MANAGER = { username: 'tang.manager', displayName: '唐经理', password: 'Manager-Kpis-2026' };
const VISITOR = { username: 'song.visit', displayName: '宋回访', password: 'Visitor-Kpis-2026' };
const VISITED = '9栋1单元101';

test.describe.configure({ mode: 'serial' });

let period = '';
let recordId = 0;

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const adminRequest = await playwright.request.newContext({ baseURL });
  const admin = await adminApi(adminRequest);
  const community = await admin.post<{ id: number }>('/communities', COMMUNITY);
  const roleId = await builtInRoles(admin);
  const manager = await admin.post<{ temporaryPassword: string }>('/users', { username: MANAGER.username, displayName: MANAGER.displayName, roleId: roleId('manager'), communityIds: [] });
  const visitor = await admin.post<{ user: { id: number }; temporaryPassword: string }>('/users', { username: VISITOR.username, displayName: VISITOR.displayName, roleId: roleId('visitor'), communityIds: [community.id] });
  const households: number[] = [];
  for (let room = 101; room <= 110; room++) households.push((await admin.post<{ id: number }>(`/communities/${community.id}/households`, { building: '9', unit: '1', room: String(room) })).id);
  const resident = await admin.post<{ id: number }>(`/households/${households[0]}/residents`, { name: '宋小禾', role: 'owner', phones: ['13800139101'] });
  const task = await admin.post<{ id: number }>('/visit-tasks', { householdId: households[0], residentId: resident.id, assigneeId: visitor.user.id, reason: 'periodic', method: 'phone', dueDate: shanghaiToday() });

  const visitorRequest = await playwright.request.newContext({ baseURL });
  const visitorPost = await firstLoginApi(visitorRequest, VISITOR.username, visitor.temporaryPassword, VISITOR.password);
  const { questionnaire } = await admin.get<VisitTaskDetail>(`/visit-tasks/${task.id}`);
  const record = await visitorPost<{ id: number; visitDate: string }>(`/visit-tasks/${task.id}/record`, {
    answers: answersTo(questionnaire?.questions ?? []),
    startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    endedAt: new Date().toISOString(),
    opinions: '电梯经常停运，请打13800139101联系宋小禾',
  });
  recordId = record.id;
  period = `month:${record.visitDate.slice(0, 7)}`;
  const managerRequest = await playwright.request.newContext({ baseURL });
  await firstLoginApi(managerRequest, MANAGER.username, manager.temporaryPassword, MANAGER.password);
  for (const r of [adminRequest, visitorRequest, managerRequest]) await r.dispose();
});

test('manager: sees a community’s coverage under target on the dashboard, drills into it and reaches the records behind it', async ({ page }) => {
  await logIn(page, MANAGER.username, MANAGER.password);
  // A manager opens on the 数据看板; the 工作台 shows this month's headline figures too, each against its target.
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: '数据看板' })).toBeVisible();
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const summary = page.getByTestId('workbench-kpis');
  await expect(summary.locator('[data-kpi="coverage"]')).toContainText('回访覆盖率');
  await expect(summary.locator('[data-kpi="completion"]')).toBeVisible();
  await expect(summary.getByRole('link', { name: /打开数据看板/ })).toBeVisible();
  await page.getByRole('menuitem', { name: '数据看板' }).click();
  await expect(page.getByRole('heading', { name: '数据看板' })).toBeVisible();
  await pickOption(page, page.getByTestId('community-switcher'), COMMUNITY.name);
  await page.goto(`/dashboard?period=${encodeURIComponent(period)}`);
  await expect(page.getByTestId('community-switcher')).toContainText(COMMUNITY.name);

  const coverage = page.locator('[data-kpi="coverage"]');
  await expect(coverage).toContainText('10%');
  await expect(coverage.locator('.ant-tag').first()).toHaveText('未达标');
  await expect(coverage).toContainText('目标 20%');

  const [table] = await Promise.all([page.waitForEvent('download'), page.getByTestId('kpi-export').click()]);
  expect(table.suggestedFilename()).toBe(`指标_${period.slice('month:'.length)}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(await table.path()) as unknown as ArrayBuffer);
  const rows = Array.from(workbook.worksheets[0].getSheetValues(), (r) => (Array.isArray(r) ? (r as unknown[]).map(String) : []));
  expect(rows.find((r) => r[1] === '回访覆盖率')).toEqual(expect.arrayContaining(['10', '1', '10', '未达标']));

  await coverage.getByRole('link').click();

  await expect(page.getByRole('heading', { name: '回访覆盖率' })).toBeVisible();
  await expect(page.getByText('计算口径：')).toBeVisible();
  const numerator = page.locator('.ant-card').filter({ hasText: '分子明细' });
  await expect(numerator).toContainText('共 1 条');
  await expect(numerator.getByRole('link', { name: VISITED })).toBeVisible();
  await expect(page.locator('.ant-card').filter({ hasText: '分母明细' })).toContainText('共 10 条');
  await numerator.getByRole('link', { name: VISITED }).click();
  await expect(page).toHaveURL(/\/households\/\d+$/);
  await expect(page.getByText(VISITED).first()).toBeVisible();

  await page.goBack();
  await page.getByRole('link', { name: '返回数据看板' }).click();
  await page.locator('[data-kpi="satisfaction_rate"]').getByRole('link').click();
  const sample = page.locator('.ant-card').filter({ hasText: '样本明细' });
  await expect(sample).toContainText('共 1 条');
  await sample.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/visit-records/${recordId}$`));
});

test('manager: sets the coverage target, and the dashboard measures against it', async ({ page }) => {
  await logIn(page, MANAGER.username, MANAGER.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole('menuitem', { name: '指标目标' }).click();
  const field = page.getByLabel('月回访覆盖率目标（%）');
  await expect(field).toHaveValue('20');
  await field.fill('8');
  await page.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(page.getByText('指标目标已保存')).toBeVisible();

  await pickOption(page, page.getByTestId('community-switcher'), COMMUNITY.name);
  await page.goto(`/dashboard?period=${encodeURIComponent(period)}`);
  const coverage = page.locator('[data-kpi="coverage"]');
  await expect(coverage).toContainText('目标 8%');
  await expect(coverage.locator('.ant-tag').first()).toHaveText('达标');

  await page.goto('/settings/kpi-targets');
  await page.getByLabel('月回访覆盖率目标（%）').fill('20');
  await page.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(page.getByText('指标目标已保存')).toBeVisible();
});

test('manager: finds 电梯 among the month’s themes and reads the text behind it, masked, then opens its visit record', async ({ page }) => {
  await logIn(page, MANAGER.username, MANAGER.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole('menuitem', { name: '数据看板' }).click();
  // Only 南湖苑's texts: other flows in this database write texts of their own in the same month.
  await pickOption(page, page.getByTestId('community-switcher'), COMMUNITY.name);
  await page.goto(`/dashboard?period=${encodeURIComponent(period)}`);
  const themes = page.getByTestId('kpi-themes');
  await themes.getByRole('link', { name: '电梯', exact: true }).click();
  await expect(page.getByRole('heading', { name: '话题“电梯”的原文' })).toBeVisible();
  await expect(page.getByText('共 1 条，与话题的文本数一致')).toBeVisible();
  const row = page.locator('.ant-table-row').first();
  await expect(row).toContainText('138****9101');
  await expect(row).toContainText('宋**');
  await expect(row).not.toContainText('13800139101');
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/visit-records/${recordId}$`));
});
