/**
 * 改进措施 in a browser: a manager records a measure for the 保洁 dimension of one community starting today, opens
 * it and reads what followed — 保洁 rated 2 in a visit ten days ago (before) and 5 in a visit today (after), so
 * 满意率 rose from 0% to 100% (n 1 → 1) — with the after window not yet complete. Set-up goes through the API;
 * dates are computed from today, so the test holds on any day.
 */
import { expect, test } from '@playwright/test';
import { adminApi, builtInRoles, firstLoginApi, logIn, pickOption, shanghaiToday } from './support';
import type { VisitTaskDetail } from '../../src/shared/schemas/visits';
import { answersTo } from '../helpers/answers';

const COMMUNITY = { name: '临湖苑', code: 'E2E-MEASURES', type: 'residential', address: '临湖路 8 号' };
const MANAGER = { username: 'lu.manager', displayName: '陆经理', password: 'Manager-Measures-2026' };
const VISITOR = { username: 'gu.measures', displayName: '顾回访', password: 'Visitor-Measures-2026' };
const TITLE = '楼道每日两次保洁';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const adminRequest = await playwright.request.newContext({ baseURL });
  const admin = await adminApi(adminRequest);
  const community = await admin.post<{ id: number }>('/communities', COMMUNITY);
  const roleId = await builtInRoles(admin);
  const manager = await admin.post<{ temporaryPassword: string }>('/users', { username: MANAGER.username, displayName: MANAGER.displayName, roleId: roleId('manager'), communityIds: [] });
  const visitor = await admin.post<{ user: { id: number }; temporaryPassword: string }>('/users', { username: VISITOR.username, displayName: VISITOR.displayName, roleId: roleId('visitor'), communityIds: [community.id] });
  const visitorRequest = await playwright.request.newContext({ baseURL });
  const visitorPost = await firstLoginApi(visitorRequest, VISITOR.username, visitor.temporaryPassword, VISITOR.password);

  // Two visits: ten days ago 保洁 rated 2, today 5.
  for (const [room, daysAgo, cleaning] of [
    ['101', 10, 2],
    ['102', 0, 5],
  ] as const) {
    const household = await admin.post<{ id: number }>(`/communities/${community.id}/households`, { building: '3', unit: '1', room });
    const task = await admin.post<{ id: number }>('/visit-tasks', { householdId: household.id, assigneeId: visitor.user.id, reason: 'periodic', method: 'phone', dueDate: shanghaiToday() });
    const { questionnaire } = await admin.get<VisitTaskDetail>(`/visit-tasks/${task.id}`);
    const started = Date.now() - daysAgo * 86_400_000 - 10 * 60_000;
    await visitorPost(`/visit-tasks/${task.id}/record`, {
      answers: { ...answersTo(questionnaire?.questions ?? []), cleaning },
      startedAt: new Date(started).toISOString(),
      endedAt: new Date(started + 5 * 60_000).toISOString(),
    });
  }
  const managerRequest = await playwright.request.newContext({ baseURL });
  await firstLoginApi(managerRequest, MANAGER.username, manager.temporaryPassword, MANAGER.password);
  for (const r of [adminRequest, visitorRequest, managerRequest]) await r.dispose();
});

test('manager: records a measure for 保洁 and sees its satisfaction before and after', async ({ page }) => {
  await logIn(page, MANAGER.username, MANAGER.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole('menuitem', { name: '改进措施' }).click();
  await expect(page.getByRole('heading', { name: '改进措施' })).toBeVisible();

  await page.getByRole('button', { name: '登记措施' }).click();
  const dialog = page.getByRole('dialog', { name: '登记改进措施' });
  await dialog.getByLabel('措施', { exact: true }).fill(TITLE);
  await pickOption(page, dialog.getByRole('combobox', { name: '小区' }), COMMUNITY.name);
  await pickOption(page, dialog.getByRole('combobox', { name: '服务维度' }), '保洁');
  await dialog.getByLabel('开始日期').click();
  await page.locator('.ant-picker-dropdown:visible').getByText('今天').click();
  await dialog.getByText('进行中').click();
  await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('measures-table').getByRole('row').filter({ hasText: TITLE });
  await expect(row).toContainText('服务维度 · 保洁');
  await expect(row).toContainText('进行中');
  await row.getByRole('link', { name: TITLE }).click();

  await expect(page).toHaveURL(/\/improvements\/\d+$/);
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  const verdict = page.getByTestId('effect-verdict');
  await expect(verdict).toContainText('有改善');
  await expect(verdict).toContainText('保洁 满意率 从 0% 升到 100%（n 1 → 1）');
  await expect(page.getByText('措施后的统计期尚未满 3 个月')).toBeVisible();
  const rate = page.getByTestId('effect-satisfaction_rate');
  await expect(rate).toContainText('+100 个百分点');
  await expect(rate).toContainText('样本 n 1');

  // The phone width: the figures stay readable.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(verdict).toBeVisible();
  await expect(rate).toBeVisible();
});
