/**
 * A year beyond the official holiday data and the end of an issue, in a browser: the administrator is told
 * that a year's notice is missing, pastes it, previews and enters it; a visitor records an oral answer given on
 * the spot; a confirmation visit that never reaches the resident goes to the supervisor, who closes the issue
 * without confirmation, giving the reason. Set-up goes through the API.
 */
import { expect, test } from '@playwright/test';
import { adminApi, builtInRoles, changeForcedPassword, E2E_ADMIN_CHANGED_PASSWORD, logIn, pickOption, shanghaiToday } from './support';

/** 2099: far beyond the bundled data, so always provisional. */
const YEAR = 2099;
const NOTICE = [
  `国务院办公厅关于${YEAR}年部分节假日安排的通知`,
  '一、元旦：1月1日至3日放假，共3天。',
  `${YEAR}-01-10 上班`,
].join('\n');

const COMMUNITY = { name: '东湖苑', code: 'E2E-CLOSING', type: 'residential', address: '东湖路 9 号' };
const SUPERVISOR = { username: 'wu.sup', displayName: '吴主管', password: 'Lakeside-Lantern-4821' };
const VISITOR = { username: 'lu.visit', displayName: '陆回访', password: 'Morning-Kettle-9034' };
const PROBLEM = '5栋电梯按钮失灵';

test.describe.configure({ mode: 'serial' });

let supervisorTemporary = '';
let visitorTemporary = '';
let taskId = 0;
let issueId = 0;
let needsNotice: number | null = null;

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const request = await playwright.request.newContext({ baseURL });
  const admin = await adminApi(request);
  needsNotice = (await admin.get<{ needsNotice: number | null }>('/calendar/status')).needsNotice;
  const community = await admin.post<{ id: number }>('/communities', COMMUNITY);
  const roleId = await builtInRoles(admin);
  const supervisor = await admin.post<{ user: { id: number }; temporaryPassword: string }>('/users', { username: SUPERVISOR.username, displayName: SUPERVISOR.displayName, roleId: roleId('supervisor'), communityIds: [community.id] });
  const visitor = await admin.post<{ user: { id: number }; temporaryPassword: string }>('/users', { username: VISITOR.username, displayName: VISITOR.displayName, roleId: roleId('visitor'), communityIds: [community.id] });
  supervisorTemporary = supervisor.temporaryPassword;
  visitorTemporary = visitor.temporaryPassword;
  await admin.patch(`/communities/${community.id}`, { supervisorId: supervisor.user.id });
  const household = await admin.post<{ id: number }>(`/communities/${community.id}/households`, { building: '5', unit: '1', room: '0802' });
  const resident = await admin.post<{ id: number }>(`/households/${household.id}/residents`, { name: '钱女士', role: 'owner', phones: ['13800138582'] });
  const questionnaire = await admin.post<{ id: number }>('/questionnaires', {
    name: '东湖苑电话回访',
    scope: 'community',
    communityId: community.id,
    questions: [{ key: 'overall', type: 'rating', title: '您对物业服务是否满意？', required: true }],
  });
  const task = await admin.post<{ id: number }>('/visit-tasks', { householdId: household.id, residentId: resident.id, assigneeId: visitor.user.id, reason: 'periodic', method: 'phone', dueDate: shanghaiToday(), questionnaireId: questionnaire.id });
  taskId = task.id;
  // A problem entered directly, resolved by the admin: its confirmation visit goes to the community supervisor's list.
  const categories = await admin.get<{ id: number; name: string }[]>('/issue-categories');
  const issue = await admin.post<{ id: number }>('/issues', { kind: 'problem', categoryId: categories.find((c) => c.name === '设施设备')!.id, description: PROBLEM, communityId: community.id, householdId: household.id, residentId: resident.id, channel: 'phone' });
  issueId = issue.id;
  await admin.post(`/issues/${issue.id}/transitions`, { event: 'resolve', comment: '已更换电梯按钮面板' });
  await request.dispose();
});

test('admin: is told the holiday notice of a year is missing, pastes it, previews it and enters it', async ({ page }) => {
  await logIn(page, 'admin', E2E_ADMIN_CHANGED_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page).toHaveURL(/\/$/);
  // The banner shows when this year or (from November) the next one has no notice.
  if (needsNotice) {
    await expect(page.getByTestId('notice-banner')).toContainText(`${needsNotice} 年的国务院节假日安排尚未录入`);
    await page.getByTestId('notice-banner-enter').click();
    await expect(page.getByRole('dialog')).toContainText(`录入 ${needsNotice} 年放假通知`);
    await page.getByRole('dialog').getByRole('button', { name: /取\s?消/ }).click();
  } else {
    await expect(page.getByTestId('notice-banner')).toHaveCount(0);
  }

  await page.goto(`/settings/calendar?year=${YEAR}`);
  await expect(page.getByTestId('calendar-source')).toHaveText('暂定（按法定节假日）');
  await expect(page.getByTestId(`calendar-day-${YEAR}-01-01`)).toHaveAttribute('data-provisional', 'true');
  await page.getByTestId('notice-open').click();
  await page.getByTestId('notice-text').fill(NOTICE);
  await page.getByTestId('notice-preview').click();
  await expect(page.getByTestId('notice-periods')).toContainText(`${YEAR}-01-01 ~ ${YEAR}-01-03`);
  // A partial notice is accepted, with the statutory days it leaves out named for checking.
  await expect(page.getByTestId('notice-warnings')).toContainText('春节');
  await page.getByTestId('notice-submit').click();
  await expect(page.getByText(`已录入 ${YEAR} 年放假通知`)).toBeVisible();
  await expect(page.getByTestId('calendar-source')).toHaveText('已录入放假通知');
  await expect(page.getByTestId('calendar-notice')).toContainText('系统管理员');
  await expect(page.getByTestId(`calendar-day-${YEAR}-01-10`)).toHaveAttribute('data-working', 'true');
  await expect(page.getByTestId(`calendar-day-${YEAR}-01-01`)).toHaveAttribute('data-provisional', 'false');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('visitor: records the oral answer given on the spot with the problem raised in the visit', async ({ page }) => {
    await logIn(page, VISITOR.username, visitorTemporary);
    await changeForcedPassword(page, visitorTemporary, VISITOR.password);
    await page.goto(`/tasks/${taskId}/record`);
    await page.getByTestId('question-overall').getByRole('button', { name: '5 非常满意' }).click();
    await page.getByRole('button', { name: '添加事项' }).click();
    await pickOption(page, page.getByLabel('类型 1'), '需求');
    await pickOption(page, page.getByLabel('类别 1'), '停车');
    await page.getByLabel('内容 1').fill('想知道停车月卡怎么办理');
    await page.getByTestId('record-item').getByText('口头', { exact: true }).click();
    await page.getByLabel('当场口头答复 1').fill('已告知到物业前台凭行驶证办理');
    await page.getByRole('button', { name: '提交回访记录' }).click();
    await expect(page.getByText('回访记录已提交')).toBeVisible();
    await expect(page).toHaveURL(/\/tasks$/);
    const issues = (await (await page.request.get(`/api/v1/issues?q=${encodeURIComponent('停车月卡')}`)).json()) as { items: { replyMode: string; replyState: string }[] };
    expect(issues.items).toEqual([expect.objectContaining({ replyMode: 'oral', replyState: 'met' })]);
  });

  test('supervisor: the confirmation visit cannot reach the resident; the supervisor closes the issue without confirmation, giving the reason', async ({ page, playwright }, testInfo) => {
    await logIn(page, SUPERVISOR.username, supervisorTemporary);
    await changeForcedPassword(page, supervisorTemporary, SUPERVISOR.password);
    const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL, storageState: await page.context().storageState() });
    const session = (await (await request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
    const issue = (await (await request.get(`/api/v1/issues/${issueId}`)).json()) as { confirmationTaskId: number };
    for (let i = 0; i < 3; i++) {
      const r = await request.post(`/api/v1/visit-tasks/${issue.confirmationTaskId}/attempts`, { data: { result: 'no_answer' }, headers: { 'X-CSRF-Token': session.csrfToken } });
      expect(r.ok(), await r.text()).toBe(true);
    }
    await request.dispose();

    await page.goto(`/issues/${issueId}`);
    await expect(page.getByTestId('issue-unconfirmed')).toContainText('复访多次未接通');
    await expect(page.getByTestId('issue-action-confirm')).toHaveCount(0);
    await page.getByTestId('issue-action-close').click();
    await page.getByTestId('issue-transition-form').locator('textarea').first().fill('住户长期在外，物业已现场检查按钮正常');
    await page.getByTestId('issue-transition-form-submit').click();
    await expect(page.getByTestId('issue-status')).toHaveText('已关闭');
    await expect(page.getByTestId('issue-closure')).toHaveText('主管关闭（未经确认）');
    await expect(page.getByTestId('issue-timeline')).toContainText('住户长期在外');
  });
});
